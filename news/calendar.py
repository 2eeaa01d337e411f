"""Events as iCalendar (RFC 5545) files, built with the `icalendar` library.

Two kinds of file: one event ("Add to calendar" on its page) and the
subscription feed of the agenda, every event in the language of the address,
`?tag=<slug>` narrowing it to one tag. Calendars that subscribe fetch the feed
again from time to time and update the copies they hold by each event's UID,
so:

- the UID names the article (its id, which never changes) and the site;
- SEQUENCE counts the changes to what calendars show (`Article.event_sequence`)
  and LAST-MODIFIED is the article's last edit;
- DTSTAMP is that last edit too, so that an unchanged feed is the same bytes
  (and keeps its ETag);
- a cancelled event stays in the feed with STATUS:CANCELLED, so that
  calendars remove it rather than keep it as it was.

All-day events are DATE values and their DTEND is the day after the last one
(the end is exclusive). Timed ones carry their time zone, described by a
VTIMEZONE component. The library escapes the text and folds long lines.
"""

import hashlib
from datetime import timedelta

from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe
from icalendar import Calendar, Event

from .models import ORGANISATION, Article, EventStatus, tags_on_published

CONTENT_TYPE = "text/calendar; charset=utf-8"
STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_uid(article, host):
    """The event's lasting identity: calendars match their copy by it."""
    return f"news-article-{article.pk}@{host.split(':')[0]}"


def _event(article, request):
    url = request.build_absolute_uri(article.get_absolute_url())
    event = Event()
    event.add("uid", event_uid(article, request.get_host()))
    event.add("dtstamp", article.updated_at)
    event.add("created", article.created_at)
    event.add("last-modified", article.updated_at)
    event.add("sequence", article.event_sequence)
    event.add("summary", article.title)
    if starts_at := article.event_starts_at:
        event.add("dtstart", starts_at)
        if ends_at := article.event_ends_at:
            event.add("dtend", ends_at)
    else:
        event.add("dtstart", article.event_start)
        event.add("dtend", article.event_last_day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    link = _("Registration and information: %(url)s") % {"url": article.event_url}
    parts = (article.summary, link if article.event_url else "", url)
    description = "\n\n".join(part for part in parts if part)
    event.add("description", description)
    event.add("url", url)
    place = article.event_place
    if article.event_online:
        place = ", ".join(filter(None, (place, _("online"))))
    if place:
        event.add("location", place)
    event.add("status", STATUS.get(article.event_status, "CONFIRMED"))
    categories = [tag.name for tag in article.tags.all()]
    if categories:
        event.add("categories", categories)
    return event


def build_calendar(articles, request, name):
    calendar = Calendar()
    calendar.add("prodid", f"-//{ORGANISATION}//{get_language()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for article in articles:
        calendar.add_component(_event(article, request))
    calendar.add_missing_timezones()
    return calendar


def _selection(request):
    """The tag asked for (or None) and the events of the feed: once per request."""
    if not hasattr(request, "_events_calendar"):
        events = Article.objects.events()
        tag = None
        if slug := request.GET.get("tag"):
            tag = get_object_or_404(tags_on_published(), slug=slug)
            events = events.filter(tags=tag)
        request._events_calendar = (tag, events)
    return request._events_calendar


def _feed_freshness(request):
    """When the feed last changed, and a fingerprint of its state: one query."""
    if not hasattr(request, "_events_calendar_freshness"):
        tag, events = _selection(request)
        state = events.order_by().aggregate(
            count=Count("pk"), edited=Max("updated_at"), newest=Max("published_at")
        )
        moments = [moment for moment in (state["edited"], state["newest"]) if moment]
        fingerprint = "|".join(
            str(part)
            for part in (request.get_host(), request.path, tag.slug if tag else "", *state.values())
        )
        request._events_calendar_freshness = (
            max(moments) if moments else None,
            hashlib.sha256(fingerprint.encode()).hexdigest()[:32],
        )
    return request._events_calendar_freshness


def _response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
@condition(
    etag_func=lambda request: _feed_freshness(request)[1],
    last_modified_func=lambda request: _feed_freshness(request)[0],
)
def calendar_feed(request):
    """The agenda as a calendar to subscribe to: every published event."""
    tag, events = _selection(request)
    if tag:
        name = _("%(site)s: events tagged %(tag)s") % {"site": ORGANISATION, "tag": tag.name}
    else:
        name = _("%(site)s: events") % {"site": ORGANISATION}
    events = events.prefetch_related("tags").order_by("event_start", "pk")
    filename = f"events-{tag.slug}.ics" if tag else "events.ics"
    return _response(build_calendar(events, request, name), filename)


def _event_article(request, slug):
    if not hasattr(request, "_event_article"):
        request._event_article = get_object_or_404(
            Article.objects.events().prefetch_related("tags"), slug=slug
        )
    return request._event_article


def _event_etag(request, slug):
    article = _event_article(request, slug)
    fingerprint = f"{request.get_host()}|{request.path}|{article.pk}|{article.updated_at}"
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:32]


@require_safe
@condition(
    etag_func=_event_etag,
    last_modified_func=lambda request, slug: _event_article(request, slug).updated_at,
)
def event_calendar(request, slug):
    """One event, to add to a calendar."""
    article = _event_article(request, slug)
    return _response(build_calendar([article], request, article.title), f"{article.slug}.ics")
