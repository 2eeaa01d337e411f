"""Two ways to find and rank records for a query, chosen by the database.

PostgreSQL: its full-text search, with the English or French configuration by
the visitor's language (stemming: "logements" finds "logement"), ranked with
the title weighing more than the text. Other databases (SQLite while
developing): every word must appear somewhere; titles rank higher.
"""

from functools import reduce
from operator import add, and_, or_

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Cast, Coalesce, NullIf
from modeltranslation.utils import build_localized_fieldname

from .query import words

SEARCH_CONFIGS = {"en": "english", "fr": "french"}


def localized(kind, field, language):
    """The field in `language`, or in English where that is empty."""
    text = TextField()
    if not kind.is_translated(field):
        return Coalesce(Cast(field, text), Value(""), output_field=text)
    english = build_localized_fieldname(field, "en")
    local = build_localized_fieldname(field, language)
    if local == english:
        return Coalesce(Cast(english, text), Value(""), output_field=text)
    return Coalesce(
        NullIf(Cast(local, text), Value("")), Cast(english, text), Value(""), output_field=text
    )


def search(kind, query, language):
    """The kind's published records matching `query`, best first, with a `rank`."""
    if connection.vendor == "postgresql":
        return full_text_search(kind, query, language)
    return simple_search(kind, query, language)


def full_text_search(kind, query, language):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    config = SEARCH_CONFIGS.get(language, "simple")
    vector = reduce(
        add,
        (
            SearchVector(
                localized(kind, field, language), weight="A" if i == 0 else "B", config=config
            )
            for i, field in enumerate(kind.fields)
        ),
    )
    search_query = SearchQuery(query, search_type="websearch", config=config)
    return (
        kind.queryset()
        .annotate(search_vector=vector)
        .filter(search_vector=search_query)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-rank", "pk")
    )


def simple_search(kind, query, language):
    terms = words(query)
    if not terms:
        return kind.queryset().none()

    def columns(field):
        if not kind.is_translated(field):
            return [field]
        return [build_localized_fieldname(field, code) for code in dict.fromkeys([language, "en"])]

    def matches(field, term):
        return reduce(or_, (Q(**{f"{column}__icontains": term}) for column in columns(field)))

    every_word = reduce(
        and_, (reduce(or_, (matches(field, term) for field in kind.fields)) for term in terms)
    )
    rank = reduce(
        add,
        (
            Case(
                When(matches(field, term), then=Value(3 if i == 0 else 1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for term in terms
            for i, field in enumerate(kind.fields)
        ),
    )
    return kind.queryset().filter(every_word).annotate(rank=rank).order_by("-rank", "pk")
