"""Reading a visitor's query, and showing where it matched."""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .stems import WORD, fold, query_stems, stem_words

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


def plain_text(value):
    text = html.unescape(strip_tags(value or "")).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _matches(folded, stems, language, start=0, end=None):
    """The spans of the words of `folded[start:end]` whose stem is one of `stems`."""
    found = list(WORD.finditer(folded, start, len(folded) if end is None else end))
    for match, stem in zip(found, stem_words([m.group() for m in found], language), strict=True):
        if stem in stems:
            yield match.span()


def highlight(value, terms, length=220, language="en"):
    """A passage of `value` around the first match, escaped, the words wrapped in <mark>.

    A word is marked when it is one the search found: the same stem as a word
    asked for, in `language` ("logement" marks "logements", not "logistique").
    """
    text = plain_text(value)
    folded = fold(text)
    stems = set(query_stems(terms, language))
    first = next(_matches(folded, stems, language), None) if stems else None
    if len(text) <= length:
        start, end = 0, len(text)
    elif first is None:
        start, end = 0, length
    else:
        start = max(0, first[0] - length // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first[0] else start
        end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts, position = [], start
    for word_start, word_end in _matches(folded, stems, language, start, end) if stems else ():
        parts.append(escape(text[position:word_start]))
        parts.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
        position = word_end
    parts.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)
