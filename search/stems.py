"""Words as the search compares them: folded (no accents, no capitals), then stemmed.

PostgreSQL does this in its text search configurations (search/migrations:
`unaccent`, then the Snowball stemmer of the language). On other databases
(SQLite while developing) the same Snowball stemmers, from PyStemmer, run in
Python through a function registered on each connection, so that both engines
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


def text_stems(text, language):
    """The set of stems of a field's text (HTML or plain)."""
    if not text:
        return set()
    return set(stem_words(WORD.findall(_MARKUP.sub(" ", text)), language))


def _fragment(stem):
    """A part of `stem` that the folded text of any word with that stem contains.

    Snowball changes at most the last two letters of what it keeps ("happy",
    "happi"; "chevaux", "cheval"), so the rest is a prefix of the word itself.
    """
    return stem[: max(2, len(stem) - 2)]


def rank(language, wanted, title, *texts):
    """0 unless every stem of `wanted` (space-separated) is among the stems of
    the title and texts; otherwise 3 for each found in the title, 1 for each in a text.

    Most records lack some word altogether: a search of the folded text for a
    piece of each stem turns them away before anything is stemmed.
    """
    stems = wanted.split()
    if not stems:
        return 0
    fields = [title or "", *(text or "" for text in texts)]
    folded = fold(" ".join(fields))
    if not all(_fragment(stem) in folded for stem in stems):
        return 0
    title_stems = text_stems(fields[0], language)
    other_stems = set().union(*(text_stems(text, language) for text in fields[1:]))
    score = 0
    for stem in stems:
        if stem in title_stems:
            score += 3
        elif stem in other_stems:
            score += 1
        else:
            return 0
    return score


def register_functions(sender, connection, **kwargs):
    """Give each new SQLite connection the search's function (connection_created)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("search_rank", -1, _sql_rank, deterministic=True)


def _sql_rank(language, wanted, *fields):
    return rank(language, wanted, *fields)
