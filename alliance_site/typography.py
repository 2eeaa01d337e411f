"""French typography on every French page, interface and content alike.

French puts a no-break space before : ; ! ? and inside « », and writes its
apostrophe ’. Editors and translators type ordinary spaces and ', so the
page is corrected once, as it leaves the site (`FrenchTypographyMiddleware`),
rather than in each template or text:

- only text between tags changes: never a tag, an attribute or a comment;
- never inside <script>, <style>, <pre>, <code>, <kbd>, <samp>, <textarea>;
- never in an element whose `lang` is not French (an English title on a
  French page keeps English typography), nor in a web address written out;
- only an existing space becomes a no-break one, so "Dosta!" stays as it is.
"""

import re

from django.utils.translation import get_language

NO_BREAK = "\u00a0"
NARROW_NO_BREAK = "\u202f"
RAW_ELEMENTS = {"script", "style", "pre", "code", "kbd", "samp", "textarea"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip

# A tag, a comment or a doctype; what lies between them is text.
MARKUP = re.compile(r"(<!--.*?-->|<![^>]*>|<[^>]*>)", re.DOTALL)
LANG = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
APOSTROPHE = re.compile(r"(?<=\w)(?:'|&#x27;|&#39;|&apos;)(?=\w|«)")
# Text without any of these has nothing to correct (most of a page's text).
TRIGGER = re.compile(r"[':;!?«»]|&#|&apos;")
SPACES = r"(?: |&nbsp;|&#160;|\u00a0|\u202f)+"
BEFORE_COLON = re.compile(rf"{SPACES}:(?=\s|$|<|&nbsp;)")
BEFORE_MARK = re.compile(rf"{SPACES}([;!?])")
AFTER_OPENING = re.compile(rf"«(?:{SPACES})?")
BEFORE_CLOSING = re.compile(rf"(?:{SPACES})?»")


def _fix_text(text):
    text = APOSTROPHE.sub("’", text)
    text = BEFORE_COLON.sub(f"{NO_BREAK}:", text)
    text = BEFORE_MARK.sub(lambda match: f"{NARROW_NO_BREAK}{match[1]}", text)
    text = AFTER_OPENING.sub(f"«{NO_BREAK}", text)
    return BEFORE_CLOSING.sub(f"{NO_BREAK}»", text)


def french_text(text):
    """`text` (HTML-escaped text, no tags) with French spacing and apostrophes,
    web addresses and email addresses left as they are."""
    parts, last = [], 0
    for match in ADDRESS.finditer(text):
        parts += [_fix_text(text[last : match.start()]), match[0]]
        last = match.end()
    parts.append(_fix_text(text[last:]))
    return "".join(parts)


def _language_of(attributes):
    match = LANG.search(attributes)
    if not match:
        return None
    return next(value for value in match.groups() if value is not None).lower()


def french_typography(html, language="fr"):
    """`html` with French typography in its text, wherever the text is French.

    `language` is the language of the document's start (the page's)."""
    # The open elements, each with the language in force inside it.
    stack = [("", language)]
    out = []
    for index, piece in enumerate(MARKUP.split(html)):
        if index % 2:  # markup
            out.append(piece)
            if piece.startswith("<!") or len(piece) < 3:
                continue  # a comment or a doctype
            if piece[1] == "/":
                name = piece[2:-1].strip().lower()
                for depth in range(len(stack) - 1, 0, -1):
                    if stack[depth][0] == name:
                        del stack[depth:]
                        break
                continue
            words = piece[1:-1].split(None, 1)
            if not words:  # "< >": not a tag a browser reads as one
                continue
            name, *rest = words
            name, attributes = name.rstrip("/").lower(), rest[0] if rest else ""
            if name in VOID_ELEMENTS or piece.endswith("/>") or not name.isalnum():
                continue
            inherited = stack[-1][1]
            own = _language_of(" " + attributes) if "lang" in attributes else None
            raw = inherited == "raw" or name in RAW_ELEMENTS
            stack.append((name, "raw" if raw else (own or inherited)))
            continue
        if TRIGGER.search(piece) and stack[-1][1].split("-")[0] == "fr":
            piece = french_text(piece)
        out.append(piece)
    return "".join(out)


class FrenchTypographyMiddleware:
    """Applies `french_typography` to every HTML page served in French (not the admin).

    Placed inside the page cache, so a cached page is corrected once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = (get_language() or "").split("-")[0]
        if (
            language == "fr"
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and "admin" not in request.path.split("/")[1:3]
            and not response.has_header("Content-Encoding")
        ):
            charset = response.charset or "utf-8"
            response.content = french_typography(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
