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
