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
@pytest.mark.parametrize("path", ["/en/", "/fr/", "/en/join/"])
def test_pages_are_sent_compressed_and_still_answer_304(client, demo_content, path):
    """The site compresses its pages itself, from the page cache or not, forms included."""
    for _visit in ("fill the page cache", "from the page cache"):
        response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        page = gzip.decompress(response.content).decode()
        assert page.count("<h1") == 1
    if "ETag" in response:
        again = client.get(path, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304
    assert "Content-Encoding" not in client.get(path)
