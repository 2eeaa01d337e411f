"""Two ways to find and rank records for a query, chosen by the database.

PostgreSQL: its full-text search, with the English or French configuration by
the visitor's language (stemming: "logements" finds "logement"), ranked with
the title weighing more than the text, on the vectors that PostgreSQL stores
and indexes for each record (search/vectors.py). Other databases (SQLite while
developing): every word must appear somewhere; titles rank higher.
"""

from functools import reduce
from operator import add, and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from modeltranslation.utils import build_localized_fieldname

from .query import words
from .vectors import SEARCH_CONFIGS, StoredVector


def search(kind, query, language):
    """The kind's published records matching `query`, best first, with a `rank`."""
    if connection.vendor == "postgresql":
        return full_text_search(kind, query, language)
    return simple_search(kind, query, language)


def full_text_search(kind, query, language):
    if language not in SEARCH_CONFIGS:
        language = "en"
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIGS[language])
    return (
        kind.queryset()
        .alias(search_vector=StoredVector(language))
        .filter(search_vector=search_query)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-rank", "pk")
    )


def best(found, start, stop):
    """Records `start` to `stop` of `search()`'s result.

    The matches are put in order by their keys alone, and only the records
    returned are read whole: sorting whole rows took twice as long at 30,000
    matching articles.
    """
    return found.filter(pk__in=found.values("pk")[start:stop])


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
