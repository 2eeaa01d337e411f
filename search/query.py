"""Reading a visitor's query, and showing where it matched."""

import html
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

MAX_WORDS = 10
OPERATORS = {"or", "and", "not"}


def words(query):
    """The words a visitor looks for: quotes, operators and excluded (-word) words dropped."""
    found = []
    for token in re.findall(r"-?\w[\w'’-]*", query):
        if token.startswith("-") or token.lower() in OPERATORS:
            continue
        found.append(token)
    return list(dict.fromkeys(found))[:MAX_WORDS]


class _FoldedCharacters(dict):
    """Each character's folded form, by code point, worked out the first time it is met."""

    def __missing__(self, code):
        char = chr(code)
        folded = self[code] = unicodedata.normalize("NFD", char)[0].lower()[:1] or char
        return folded


_FOLDED = _FoldedCharacters()


def fold(text):
    """Lower case without accents, one character for one, so positions stay the same."""
    return text.translate(_FOLDED)


def plain_text(value):
    text = html.unescape(strip_tags(value or "")).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def stem(word):
    """A rough stem, so that "logements" highlights "logement" as full-text search finds it."""
    word = fold(word)
    for ending in ("ies", "es", "s", "x", "e"):
        if len(word) - len(ending) >= 4 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def pattern(terms):
    stems = sorted({stem(term) for term in terms if term}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*")


def highlight(value, terms, length=220):
    """A passage of `value` around the first match, escaped, the words wrapped in <mark>."""
    text = plain_text(value)
    regex = pattern(terms)
    folded = fold(text)
    first = regex.search(folded) if regex else None
    if len(text) <= length:
        start, end = 0, len(text)
    elif first is None:
        start, end = 0, length
    else:
        start = max(0, first.start() - length // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first.start() else start
        end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    passage, folded_passage = text[start:end], folded[start:end]
    parts, position = [], 0
    for match in regex.finditer(folded_passage) if regex else ():
        parts.append(escape(passage[position : match.start()]))
        parts.append(f"<mark>{escape(passage[match.start() : match.end()])}</mark>")
        position = match.end()
    parts.append(escape(passage[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)
