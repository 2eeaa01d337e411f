"""One pagination partial: every list's page links look and behave the same, in both languages."""

from pathlib import Path

import pytest
from django.conf import settings

from ..participants.test_participants import make_participants

LINKS = {
    "en": ("Previous page", "Next page", '<span class="visually-hidden">Page </span>'),
    "fr": ("Page précédente", "Page suivante", '<span class="visually-hidden">Page </span>'),
}


def test_no_app_keeps_a_pagination_partial_of_its_own():
    root = Path(settings.BASE_DIR)
    partials = [
        path.relative_to(root).as_posix()
        for pattern in ("templates/**/pagination.html", "*/templates/**/pagination.html")
        for path in root.glob(pattern)
    ]
    assert partials == ["templates/includes/pagination.html"]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_long_list_links_its_pages_keeping_its_own_parameters(client, lang):
    make_participants(251 * 2)  # three pages of 250
    page = client.get(f"/{lang}/participants/", {"page": 2, "kind": "city"}).content.decode()
    pager = page.split('<nav class="pagination"')[1].split("</nav>")[0]
    previous, following, number = LINKS[lang]
    assert f'href="?kind=city&amp;page=1" rel="prev">{previous}</a>' in pager
    assert f'href="?kind=city&amp;page=3" rel="next">{following}</a>' in pager
    assert f'href="?kind=city&amp;page=2" aria-current="page">{number}2</a>' in pager


@pytest.mark.django_db
def test_a_list_of_one_page_shows_no_page_links(client):
    make_participants(3)
    assert '<nav class="pagination"' not in client.get("/en/participants/").content.decode()
