"""What the site search looks through: one entry per kind of content.

An app contributes a kind from its own `search.py`:

    register(SearchKind(
        key="pages",
        label=_("Pages"),
        queryset=lambda: Page.objects.published(),
        title="title",
        text=("summary", "body"),
    ))

`title` and `text` name model fields; translated fields (modeltranslation) are
searched in the visitor's language, falling back to English where empty.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from modeltranslation.translator import NotRegistered, translator


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str
    queryset: Callable[[], QuerySet]
    title: str
    text: tuple[str, ...] = ()
    # Links the results to their page; defaults to the record's get_absolute_url().
    url: Callable[[object], str] | None = None
    # The line shown under a result, when the text fields are not the best one.
    describe: Callable[[object], str] | None = None
    # Where the kind comes on the results page: smaller first.
    order: int = 50

    @property
    def fields(self):
        return (self.title, *self.text)

    def is_translated(self, field):
        model = self.queryset().model
        try:
            return field in translator.get_options_for_model(model).all_fields
        except NotRegistered:
            return False

    def url_of(self, item):
        return self.url(item) if self.url else item.get_absolute_url()


_kinds: dict[str, SearchKind] = {}


def register(kind):
    _kinds[kind.key] = kind
    return kind


def kinds():
    """The registered kinds, in the order the results page lists them."""
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))


def get_kind(key):
    return _kinds.get(key)
