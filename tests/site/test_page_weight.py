"""What a visitor's browser downloads for a page: small, and all from the site."""

import gzip
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders

HOME_BUDGET_BYTES = 25 * 1024


class Assets(HTMLParser):
    """The addresses a page makes the browser fetch on load."""

    def __init__(self):
        super().__init__()
        self.stylesheets, self.scripts, self.fetched = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
            self.fetched.append(attrs["href"])
            if attrs["rel"] == "stylesheet":
                self.stylesheets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.fetched.append(attrs["src"])
            self.scripts.append(attrs["src"])
        elif tag in {"img", "source", "iframe", "video", "audio"}:
            for name in ("src", "srcset"):
                if attrs.get(name):
                    self.fetched.extend(part.split()[0] for part in attrs[name].split(","))


def assets_of(html):
    parser = Assets()
    parser.feed(html)
    return parser


def static_bytes(url):
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} is not a static file of the site"
    with open(path, "rb") as f:
        return f.read()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_home_page_html_css_and_js_fit_the_budget(client, demo_content, lang):
    html = client.get(f"/{lang}/").content
    assets = assets_of(html.decode())
    total = len(gzip.compress(html))
    for url in assets.stylesheets + assets.scripts:
        total += len(gzip.compress(static_bytes(url)))
    assert total <= HOME_BUDGET_BYTES, f"{total} bytes compressed"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_home_page_fetches_nothing_from_another_site(client, demo_content, lang):
    assets = assets_of(client.get(f"/{lang}/").content.decode())
    assert assets.fetched
    for url in assets.fetched:
        assert url.startswith("/") and not url.startswith("//"), url


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/fr/participants/map/", "/en/join/"])
def test_pages_are_sent_compressed_and_still_answer_304(client, demo_content, path):
    """The site compresses its pages itself, forms included, and answers 304 to a copy it sent."""
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    page = gzip.decompress(response.content).decode()
    assert page.count("<h1") == 1
    if "ETag" in response:
        again = client.get(path, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304
    plain = client.get(path)
    assert "Content-Encoding" not in plain
    assert plain.content.decode().count("<h1") == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/fr/participants/map/"])
def test_page_cache_keeps_a_compressed_copy_and_a_plain_one(client, demo_content, path):
    """A page is compressed once, when it is stored: hits send the stored bytes.

    Django's gzip pads every compression at random (against BREACH), so two
    compressions of the same page differ; two hits are the same bytes.
    """
    first = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    hit = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert (first["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert hit["Content-Encoding"] == "gzip"
    assert hit.content == first.content
    plain = client.get(path)
    assert plain["X-Page-Cache"] == "miss"
    assert "Content-Encoding" not in plain
    assert plain.content == gzip.decompress(hit.content)
