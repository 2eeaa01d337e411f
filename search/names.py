"""Names of authorities as two lists compare them: Strasbourg and "City of Strasbourg".

The participants and the signatories of the Declaration are typed by different
people from different sources: one writes "Megara", the other "Megara
Municipality". `authority_key` folds a name as the search does (no accents, no
capitals, punctuation as spaces) and drops the words that only say the name is a
local authority's, so that both give the same key. Words that name a different
authority ("Region", "Province", "County") are kept: the city of Salzburg and the
Salzburg region are two authorities.
"""

from .stems import WORD, fold

# "City of", "Municipality of", "Ville de", "Commune de", "Obstina" (Montenegrin
# "opština", municipality) and the like, folded.
LOCAL_AUTHORITY_WORDS = frozenset(
    {
        "city",
        "town",
        "municipality",
        "of",
        "the",
        "ville",
        "commune",
        "municipalite",
        "de",
        "d",
        "du",
        "obstina",
        "opstina",
        "opcina",
        "obcina",
        "comune",
        "municipio",
        "gemeinde",
        "stadt",
        "grad",
    }
)


def authority_key(name):
    """The name folded, without the words that only say it is a local authority's."""
    words = WORD.findall(fold(name or ""))
    kept = [word for word in words if word not in LOCAL_AUTHORITY_WORDS]
    return " ".join(kept or words)
