"""Countries in the visitor's alphabet.

The database stores ISO codes and knows nothing of their names, which
django-countries translates. Lists are therefore sorted in two steps: the few
distinct countries of a queryset are read (one query) and sorted in Python by
their name in the active language; that order is handed back to the database
as a CASE expression, so rows are still sorted, sliced and paginated there.
"""

import unicodedata

from django.db.models import Case, Count, F, IntegerField, Value, When
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


class RowsByLocalCountry:
    """A queryset's rows by country name in the active language, for a Paginator.

    Ordering the whole queryset by `local_country_order` makes the database
    sort every row on every page. Instead, the rows of each country are counted
    (one grouped query, which also gives the paginator its count), the countries are sorted
    here, and a page reads only the rows of the countries it spans. Rows whose
    country code is unknown come last, as with `local_country_order`.
    """

    def __init__(self, queryset, then=("name", "pk"), field="country"):
        self.queryset = queryset.order_by()
        self.then = then
        self.field = field
        self.counts = dict(
            self.queryset.values_list(field).annotate(rows=Count("pk")).values_list(field, "rows")
        )
        known = sorted_countries(self.counts)
        unknown = sorted(set(self.counts) - {country.code for country in known})
        self.codes = [country.code for country in known] + unknown

    def count(self):
        return sum(self.counts.values())

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("RowsByLocalCountry only returns slices of rows")
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        spanned, before, skip = [], 0, 0
        for code in self.codes:
            rows = self.counts[code]
            if before + rows > start and before < stop:
                if not spanned:
                    skip = start - before
                spanned.append(code)
            before += rows
        if not spanned:
            return []
        ranks = [When(**{self.field: code}, then=Value(rank)) for rank, code in enumerate(spanned)]
        rows = self.queryset.filter(**{f"{self.field}__in": spanned}).order_by(
            Case(*ranks, output_field=IntegerField()), *self.then
        )
        return list(rows[skip : skip + stop - start])
