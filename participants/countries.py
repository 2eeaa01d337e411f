"""Countries in the visitor's alphabet.

The database stores ISO codes and knows nothing of their names, which
django-countries translates. Lists are therefore sorted in two steps: the few
distinct countries of a queryset are read (one query) and sorted in Python by
their name in the active language; that order is handed back to the database
as a CASE expression, so rows are still sorted, sliced and paginated there.
"""

import unicodedata

from django.db.models import Case, F, IntegerField, Value, When
from django_countries import countries
from django_countries.fields import Country


def collation_key(text):
    """Sort key that puts accented letters beside their base letter (É with E)."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return (base.casefold(), str(text))


def sorted_countries(codes):
    """The countries with these ISO codes, sorted by name in the active language."""
    found = [Country(code=code) for code in set(codes) if code and code in countries]
    return sorted(found, key=lambda country: collation_key(country.name))


def local_country_order(queryset, field="country"):
    """An ordering expression: rows by their country's name in the active language."""
    codes = queryset.order_by().values_list(field, flat=True).distinct()
    whens = [
        When(**{field: country.code}, then=Value(rank))
        for rank, country in enumerate(sorted_countries(codes))
    ]
    if not whens:
        return F(field).asc()
    return Case(*whens, default=Value(len(whens)), output_field=IntegerField())
