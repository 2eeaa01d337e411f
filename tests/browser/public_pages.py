"""Every kind of public page, once: the list the whole-site checks walk through.

The headers, HTML validity, accessibility and browser tests all take their
pages from PUBLIC_PAGE_TYPES, in both languages, with the demo content loaded.
A feature adds its pages here with one line each:

    PageType("news list", "news:list"),
    PageType("article", model="news.Article"),
    PageType("tag", "news:tag", kwargs=lambda: {"slug": "roma-inclusion"}),

A page type whose URL name does not exist (its app is not merged yet) is
skipped with that reason, never silently dropped.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.urls import get_resolver, reverse
from django.utils import translation

LANGUAGES = ["en", "fr"]
# The public filters of the content apps' querysets, tried in this order.
PUBLIC_FILTERS = ("published", "public", "active")


@dataclass(frozen=True)
class PageType:
    """A kind of public page: by URL name, or the page of a model's first public record."""

    name: str
    url_name: str = ""
    kwargs: Callable[[], dict] | None = field(default=None, compare=False)
    model: str = ""
    # A query string for a list's filtered view, such as "?country=fr".
    query: str = ""

    def path(self, lang):
        """The page's address in `lang`, from the data in the database."""
        with translation.override(lang):
            if self.model:
                return first_public(self.model).get_absolute_url() + self.query
            kwargs = self.kwargs() if self.kwargs else None
            return reverse(self.url_name, kwargs=kwargs) + self.query

    def missing(self):
        """Why this page cannot exist yet (its app or URL is not installed), or ""."""
        if self.model:
            try:
                apps.get_model(self.model)
            except (LookupError, ValueError):
                return f"model {self.model} is not installed yet"
            return ""
        if not url_name_exists(self.url_name):
            return f"URL name {self.url_name!r} does not exist yet"
        return ""


def url_name_exists(url_name):
    """Whether `reverse()` knows the (namespaced) URL name, whatever arguments it takes."""
    resolver = get_resolver()
    *namespaces, name = url_name.split(":")
    with translation.override(LANGUAGES[0]):
        for namespace in namespaces:
            if namespace not in resolver.namespace_dict:
                return False
            resolver = resolver.namespace_dict[namespace][1]
        return name in resolver.reverse_dict


def needs_urls(*url_names):
    """Skip a test until every one of these URL names exists (its feature is merged)."""
    missing = [name for name in url_names if not url_name_exists(name)]
    return pytest.mark.skipif(
        bool(missing), reason=f"not merged yet: no URL named {', '.join(missing)}"
    )


def first_public(label):
    """The first record of a model that visitors can see."""
    manager = apps.get_model(label)._default_manager
    for method in PUBLIC_FILTERS:
        if hasattr(manager, method):
            record = getattr(manager, method)().first()
            break
    else:
        record = manager.first()
    assert record is not None, f"the demo content has no public {label}"
    return record


def first_event():
    from news.models import Article

    event = Article.objects.events().first()
    assert event is not None, "the demo content has no event"
    return {"slug": event.slug}


def first_tag():
    from news.models import Article, tags_in_use

    return {"tag": tags_in_use(Article.objects.published()).first().slug}


PUBLIC_PAGE_TYPES = [
    PageType("home", "home"),
    PageType("news list", "news:list"),
    PageType("article", model="news.Article"),
    PageType("tag", "news:tag", kwargs=first_tag),
    PageType("agenda", "events:list"),
    PageType("event", "news:detail", kwargs=first_event),
    PageType("participants", "participants:list"),
    PageType("participants, filtered", "participants:list", query="?country=fr&kind=city"),
    PageType("map", "participants:map"),
    PageType("participant", model="participants.Participant"),
    PageType("declaration", "declaration:index"),
    PageType("signatories of a country", "declaration:index", query="?country=gr"),
    PageType("join form", "submissions:join"),
    PageType("cooperate form", "submissions:cooperate"),
    PageType("sign form", "submissions:sign"),
    PageType("NGO partners", "submissions:partners"),
    PageType("resources", "resources:list"),
    PageType("good practices", "practices:list"),
    PageType("good practice form", "submissions:practice"),
    PageType("Dosta! Prize", "prize:index"),
    PageType("search", "search"),
    PageType("static page", model="pages.Page"),
    PageType("countries", "countries:index"),
    # Greece: the demo country with the most kinds of record (event, winner, network...).
    PageType("country", "countries:detail", kwargs=lambda: {"code": "gr"}),
]
