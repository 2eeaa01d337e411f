"""What every public page must have, checked the same way everywhere."""

from html.parser import HTMLParser


class PageOutline(HTMLParser):
    """Collects the few facts about a page that the tests check."""

    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.h1_count = 0
        self.has_sidebar = False
        self.language_links = {}
        self._in_switcher = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "aside" and "sidebar" in (attrs.get("class") or ""):
            self.has_sidebar = True
        elif tag == "nav" and "language-switcher" in (attrs.get("class") or ""):
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self.language_links[attrs.get("lang")] = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False


def outline(response):
    parser = PageOutline()
    parser.feed(response.content.decode())
    return parser


def assert_public_page(client, url, lang):
    """The promises every public page keeps, in either language.

    It answers 200, declares its language, has exactly one <h1>, the sidebar,
    and a language switch that leads to the same page in the other language.
    Returns the response for further checks.
    """
    response = client.get(url)
    assert response.status_code == 200, url
    page = outline(response)
    assert page.html_lang == lang, url
    assert page.h1_count == 1, url
    assert page.has_sidebar, url
    other = "fr" if lang == "en" else "en"
    switched = page.language_links[other]
    assert switched.startswith(f"/{other}/"), switched
    assert switched.split("?")[0] == url.split("?")[0].replace(f"/{lang}/", f"/{other}/", 1)
    assert client.get(switched).status_code == 200, switched
    return response
