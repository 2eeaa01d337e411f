"""Where the old site's addresses lead now.

The old site numbered every item, `/en/page/{id}-{slug}.html`, one number for
both languages. Pages and articles keep that number in `legacy_id`; the few
old items that became a whole section of the site are listed here.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse

# Old ids whose item is now a view rather than a record: (URL name, fragment).
SECTIONS = {
    106: ("resources:list", ""),  # Resources
    217: ("declaration:index", ""),  # The Declaration against anti-Gypsyism
    284: ("declaration:index", "#signatories"),  # Its signatories
}

# Models that keep the old id, each with a published() queryset and an address.
MODELS = ["pages.Page", "news.Article"]


def resolve(legacy_id):
    """The address, in the active language, of what the old id named; None if nothing."""
    if legacy_id in SECTIONS:
        name, fragment = SECTIONS[legacy_id]
        try:
            return reverse(name) + fragment
        except NoReverseMatch:
            return None
    for label in MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        item = model.objects.published().filter(legacy_id=legacy_id).first()
        if item is not None:
            return item.get_absolute_url()
    return None
