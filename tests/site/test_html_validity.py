"""Every public page type, in both languages, is valid HTML for the Nu Html Checker."""

import json
import subprocess

import pytest
from django.utils.text import slugify

from ..browser.public_pages import LANGUAGES, PUBLIC_PAGE_TYPES
from ..external_tools import require_vnu

# Pages that are not in the list of types but that visitors meet all the same.
OTHER_PAGES = [("not found", "/{lang}/no-such-page/", 404)]


def rendered_pages(client):
    """(name, path, status) of every page to check, in every language."""
    for page in PUBLIC_PAGE_TYPES:
        if page.missing():
            continue
        for lang in LANGUAGES:
            yield f"{page.name} ({lang})", page.path(lang), 200
    for name, path, status in OTHER_PAGES:
        for lang in LANGUAGES:
            yield f"{name} ({lang})", path.format(lang=lang), status


@pytest.mark.django_db
def test_every_public_page_is_valid_html(client, demo_content, tmp_path):
    checker = require_vnu()
    files = {}
    for name, path, status in rendered_pages(client):
        response = client.get(path)
        assert response.status_code == status, path
        file = tmp_path / f"{slugify(name)}.html"
        file.write_bytes(response.content)
        files[file.name] = f"{name} {path}"
    # All pages in one run: the checker's start-up is most of its time.
    result = subprocess.run(
        [*checker, "--format", "json", "--stdout", *sorted(str(tmp_path / f) for f in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1], m.get('url'))} "
        f"line {m.get('lastLine', '?')}: {m['message']} {m.get('extract', '')!r}"
        for m in messages
        if m["type"] != "info"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr
