"""Uploaded files are served as files: never run, never taken for a page.

In production nginx serves /media/ (README, "Deploying"); while developing,
alliance_site.views.serve_media does, with the same headers.
"""

import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.test import RequestFactory

from alliance_site.views import serve_media


def get(path):
    return serve_media(RequestFactory().get(f"/media/{path}"), path)


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "page.html").write_text("<script>alert(1)</script>")
    (tmp_path / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    )
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "no-extension").write_text("<script>alert(1)</script>")
    return tmp_path


def test_images_are_shown_with_their_type(media):
    response = get("photo.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "report.pdf", "no-extension"])
def test_every_other_file_is_downloaded_and_sandboxed(media, name):
    response = get(name)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize("path", ["../pyproject.toml", "/etc/passwd", "missing.png"])
def test_nothing_outside_the_uploads_is_served(media, path):
    with pytest.raises((Http404, SuspiciousFileOperation)):
        get(path)
