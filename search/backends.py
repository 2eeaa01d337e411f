"""Two ways to find and rank records for a query, chosen by the database.

Both compare words folded (no accents, no capitals) and stemmed in the
visitor's language, whole words only: "ecole" finds "École", "logement" finds
"logements", "Roma" does not find "ROMACT". PostgreSQL: its full-text search
with the site's configurations (`unaccent`, then the language's stemmer),
ranked with the title weighing more than the text, on the vectors that
PostgreSQL stores and indexes for each record (search/vectors.py). Other
SQLite (while developing): the same stemmers in Python (search/stems.py),
into a full-text index of stems that triggers keep (search/vectors.py); every
word must be found; titles rank higher.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.expressions import RawSQL

from .query import words
from .stems import query_stems
from .vectors import SEARCH_CONFIGS, StoredVector, sqlite_index


def search(kind, query, language):
    """The kind's published records matching `query`, best first, with a `rank`."""
    if connection.vendor == "postgresql":
        return full_text_search(kind, query, language)
    return stemmed_search(kind, query, language)


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


def stemmed_search(kind, query, language):
    """Every word, folded and stemmed as PostgreSQL does (search/stems.py), found in
    the kind's index of stems (search/vectors.py); titles first."""
    stems = query_stems(words(query), language)
    if not stems:
        return kind.queryset().none()
    if language not in SEARCH_CONFIGS:
        language = "en"
    queryset = kind.queryset()
    index = connection.ops.quote_name(sqlite_index(queryset.model._meta.db_table, language))
    everywhere = " AND ".join(f'"{stem}"' for stem in stems)
    in_title = " AND ".join(f'title : "{stem}"' for stem in stems)
    matching = f"SELECT rowid FROM {index} WHERE {index} MATCH %s"
    return (
        queryset.filter(pk__in=RawSQL(matching, [everywhere]))
        .annotate(
            rank=Case(
                When(pk__in=RawSQL(matching, [in_title]), then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("-rank", "pk")
    )
