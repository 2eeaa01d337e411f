"""Words as the search compares them: folded (no accents, no capitals), then stemmed.

PostgreSQL does this in its text search configurations (search/migrations:
`unaccent`, then the Snowball stemmer of the language). On SQLite (while
developing) the same Snowball stemmers, from PyStemmer, run in Python through
`search_stems()`, a function registered on each connection that fills a
full-text index of stems (search/vectors.py), so that both engines
find the same records for the same words: "ecole", "École" and "ÉCOLES" all
become "ecol", "housing" and "house" both "hous", and "Roma" stays "roma",
which neither "ROMACT" nor "Romania" is.
"""

import re
import threading
import unicodedata

import Stemmer

# The Snowball algorithm of each language, as PostgreSQL's english_stem and french_stem.
ALGORITHMS = {"en": "english", "fr": "french"}

# What PostgreSQL's parser skips: tags (with their attributes) and entities.
_MARKUP = re.compile(r"<[^>]*>|&#?\w+;")
# A word as PostgreSQL's parser cuts them: letters and digits; an apostrophe,
# a hyphen or an underscore ends it.
WORD = re.compile(r"[^\W_]+")


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


_stemmers = threading.local()


def _stemmer(language):
    """The language's stemmer, one per thread: a PyStemmer stemmer is not thread-safe."""
    algorithm = ALGORITHMS.get(language, ALGORITHMS["en"])
    stemmer = getattr(_stemmers, algorithm, None)
    if stemmer is None:
        stemmer = Stemmer.Stemmer(algorithm)
        setattr(_stemmers, algorithm, stemmer)
    return stemmer


def stem_words(words, language):
    """The stem of each word (each folded first)."""
    return _stemmer(language).stemWords([fold(word) for word in words])


def query_stems(terms, language):
    """The stems a visitor's words (search.query.words) ask for, each once."""
    pieces = [piece for term in terms for piece in WORD.findall(term)]
    return list(dict.fromkeys(stem_words(pieces, language)))


def stems_text(language, text):
    """The stems of `text`, each once, separated by spaces: what the SQLite index holds."""
    if not text:
        return ""
    return " ".join(dict.fromkeys(stem_words(WORD.findall(_MARKUP.sub(" ", text)), language)))


def register_functions(sender, connection, **kwargs):
    """Give each new SQLite connection the search's function (connection_created)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("search_stems", 2, stems_text, deterministic=True)
