"""RSS 2.0 and Atom 1.0 feeds of the news, in the language of the address.

Titles and summaries are plain text. Atom says so (`type="text"`); RSS 2.0
cannot, and readers take its `<title>` and `<description>` as HTML, so there
the text is escaped as HTML before it is written as XML: a title holding
`<img ...>` reaches the reader as those characters, never as markup.

`?tag=<slug>` narrows a feed to one tag. Links are absolute, built from the
request. Each response carries an ETag and a Last-Modified date, and a
conditional request for an unchanged feed gets a 304 without a body.
"""

import hashlib
import re

from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape, linebreaks
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from alliance_site.languages import shown_language

from .models import ORGANISATION, Article, tags_on_published

FEED_ITEMS = 20
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}


def _selection(request):
    """The tag asked for (or None) and the articles of the feed, newest first.

    Worked out once per request: both the conditional-request check and the
    feed itself use it.
    """
    if not hasattr(request, "_news_feed"):
        published = Article.objects.published()
        tag = None
        if slug := request.GET.get("tag"):
            tag = get_object_or_404(tags_on_published(), slug=slug)
            published = published.filter(tags=tag)
        request._news_feed = (tag, published)
    return request._news_feed


def _freshness(request):
    """When the feed last changed, and a fingerprint of its state: two queries.

    Any edit to any article counts (unpublishing one removes it from the
    feed), and so does the publication time of the newest item, so that a
    scheduled article changes the feed when its time comes.
    """
    if not hasattr(request, "_news_feed_freshness"):
        tag, articles = _selection(request)
        edited = Article.objects.aggregate(latest=Max("updated_at"))["latest"]
        state = articles.aggregate(count=Count("pk"), newest=Max("published_at"))
        moments = [moment for moment in (edited, state["newest"]) if moment]
        last_modified = max(moments) if moments else None
        fingerprint = "|".join(
            str(part)
            for part in (
                request.path,
                tag.slug if tag else "",
                state["count"],
                edited,
                state["newest"],
            )
        )
        request._news_feed_freshness = (
            last_modified,
            hashlib.sha256(fingerprint.encode()).hexdigest()[:32],
        )
    return request._news_feed_freshness


def _last_modified(request):
    return _freshness(request)[0]


def _etag(request):
    return _freshness(request)[1]


_RELATIVE_LINK = re.compile(r'\b(href|src)="/(?!/)')


def _full_content(article, base):
    """The teaser and the sanitised body, with links made absolute."""
    html = linebreaks(escape(article.lead)) if article.lead else ""
    html += article.body or ""
    return _RELATIVE_LINK.sub(lambda match: f'{match[1]}="{base}/', html)


class AtomEnclosure(BaseEntryExtension):
    """The image of an Atom entry, as <link rel="enclosure">.

    feedgen 1.0 writes an Atom entry's links without their `rel`, which
    would turn an enclosure into a second alternate link; this writes it whole.
    """

    def __init__(self):
        self.link = None

    def extend_atom(self, entry):
        if self.link:
            xml_elem("link", entry, rel="enclosure", **self.link)
        return entry


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class AtomLanguages(BaseEntryExtension):
    """The language of an Atom entry's texts, as xml:lang on each: an article
    without French shows its English in the French feed, and says so."""

    def __init__(self):
        self.languages = {}

    def extend_atom(self, entry):
        for child in entry:
            name = child.tag.rsplit("}", 1)[-1]
            if language := self.languages.get(name):
                child.set(XML_LANG, language)
        return entry


def item_languages(article, feed_language):
    """The language of an item's title, summary and content where it differs from
    the feed's, and the item's own language (that of its text)."""
    title = shown_language(article, "title") or feed_language
    text = shown_language(article, "lead", "body") or title
    languages = {"title": title, "summary": text, "content": text}
    return {name: code for name, code in languages.items() if code != feed_language}, text


# The RSS 1.0 event module, read by feed readers and aggregators of agendas.
EVENT_NAMESPACE = "http://purl.org/rss/1.0/modules/event/"


class EventNamespace(BaseExtension):
    """Declares the event module's prefix on the feed."""

    def extend_ns(self):
        return {"ev": EVENT_NAMESPACE}


class EventDates(BaseEntryExtension):
    """An event's dates and place in its item: <ev:startdate>, <ev:enddate>, <ev:location>."""

    def __init__(self):
        self.article = None

    def _extend(self, entry):
        article = self.article
        if article is None or not article.is_event:
            return entry
        start = article.event_starts_at or article.event_start
        end = article.event_ends_at or article.event_last_day
        xml_elem(f"{{{EVENT_NAMESPACE}}}startdate", entry).text = start.isoformat()
        xml_elem(f"{{{EVENT_NAMESPACE}}}enddate", entry).text = end.isoformat()
        place = article.event_place
        if article.event_online:
            place = ", ".join(filter(None, (place, _("online"))))
        if place:
            xml_elem(f"{{{EVENT_NAMESPACE}}}location", entry).text = place
        return entry

    extend_rss = extend_atom = _extend


def build_feed(request, kind):
    tag, articles = _selection(request)
    # Plain text as each format needs it (see the module's docstring).
    text = escape if kind == "rss" else str
    articles = articles.prefetch_related("tags")[:FEED_ITEMS]
    absolute = request.build_absolute_uri
    base = absolute("/").rstrip("/")
    language = get_language()

    if tag:
        title = _("%(site)s: %(tag)s") % {"site": ORGANISATION, "tag": tag.name}
        page = reverse("news:tag", kwargs={"tag": tag.slug})
    else:
        title = _("%(site)s: news and events") % {"site": ORGANISATION}
        page = reverse("news:list")

    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)
    feed.register_extension("event", EventNamespace, EventDates)
    feed.id(absolute(page))
    feed.title(text(title))
    feed.subtitle(
        text(
            _("News and events of the European Alliance of Cities and Regions for Roma Inclusion.")
        )
    )
    # RSS's channel <link> is the last link given: the news page, not the feed.
    feed.link(href=absolute(request.get_full_path()), rel="self")
    feed.link(href=absolute(page), rel="alternate")
    feed.language(language)
    feed.author({"name": str(ORGANISATION)})
    last_modified = _last_modified(request)
    if last_modified:
        feed.updated(last_modified)

    for article in articles:
        url = absolute(article.get_absolute_url())
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(text(article.title))
        entry.link(href=url, rel="alternate")
        entry.published(article.published_at)
        entry.updated(max(article.updated_at, article.published_at))
        entry.content(_full_content(article, base), type="html")
        entry.summary(text(article.summary))
        foreign, text_language = item_languages(article, language)
        if kind == "rss":
            entry.dc.dc_language(text_language)
        elif foreign:
            entry.register_extension("languages", AtomLanguages, atom=True, rss=False)
            entry.languages.languages = foreign
        entry.event.article = article
        for item_tag in article.tags.all():
            if not item_tag.slug:
                continue
            entry.category(
                term=item_tag.name,
                label=item_tag.name,
                scheme=absolute(reverse("news:tag", kwargs={"tag": item_tag.slug})),
            )
        if article.picture:
            image = {
                "href": absolute(article.picture.largest_url),
                "length": str(article.picture.largest["bytes"]),
                "type": "image/jpeg",
            }
            if kind == "rss":
                entry.enclosure(image["href"], image["length"], image["type"])
            else:
                entry.register_extension("image", AtomEnclosure, atom=True, rss=False)
                entry.image.link = image
    return feed


def _feed_view(kind):
    @require_safe
    @condition(etag_func=_etag, last_modified_func=_last_modified)
    def view(request):
        feed = build_feed(request, kind)
        body = feed.rss_str(pretty=True) if kind == "rss" else feed.atom_str(pretty=True)
        response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
        response["Cache-Control"] = "public, max-age=300"
        return response

    view.__name__ = f"{kind}_feed"
    return view


rss_feed = _feed_view("rss")
atom_feed = _feed_view("atom")
