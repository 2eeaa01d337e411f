"""The calendar files: one event to add, the agenda to subscribe to (RFC 5545)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from news.models import Article

from ..news_helpers import make_article
from .test_news_admin import form_data


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//")
    return calendar


def events_of(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def lviv_meeting(**fields):
    fields.setdefault("event_start", date(2030, 2, 26))
    fields.setdefault("event_end", date(2030, 2, 27))
    return make_article(
        "Meeting of the network; in Lviv, with partners",
        title_fr="Réunion du réseau à Lviv",
        lead_en="Mayors, NGOs; parliamentarians, and a long line of text that a calendar "
        "must fold: " + "word " * 40,
        event_city_en="Lviv",
        event_country="UA",
        tags=["Ukrainian Alliance"],
        **fields,
    )


@pytest.mark.django_db
def test_an_all_day_event_is_a_valid_calendar_file(client):
    article = lviv_meeting()
    response = client.get(f"/en/news/{article.slug}/calendar.ics")
    calendar = parse(response)
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"news-article-{article.pk}@testserver"
    edited = article.updated_at.replace(microsecond=0)
    assert event.decoded("DTSTAMP") == edited
    assert event.decoded("LAST-MODIFIED") == edited
    # All day: DATE values, the end exclusive (the day after the last day).
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.decoded("DTSTART") == date(2030, 2, 26)
    assert event.decoded("DTEND") == date(2030, 2, 28)
    assert str(event["URL"]) == f"http://testserver/en/news/{article.slug}/"
    assert str(event["SUMMARY"]) == "Meeting of the network; in Lviv, with partners"
    assert str(event["LOCATION"]) == "Lviv, Ukraine"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert int(event["SEQUENCE"]) == 0
    raw = response.content.decode()
    # Text escaped (RFC 5545 3.3.11) and lines folded at 75 octets (3.1).
    assert r"SUMMARY:Meeting of the network\; in Lviv\, with partners" in raw
    lines = raw.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)
    assert raw.endswith("END:VCALENDAR\r\n")


@pytest.mark.django_db
def test_a_timed_event_carries_its_time_zone(client):
    article = lviv_meeting(
        event_end=None,
        event_start_time=time(10, 0),
        event_end_time=time(17, 30),
        event_time_zone="Europe/Kyiv",
        event_online=True,
        event_url="https://example.org/register",
    )
    calendar = parse(client.get(f"/fr/news/{article.slug}/calendar.ics"))
    (event,) = calendar.walk("VEVENT")
    kyiv = ZoneInfo("Europe/Kyiv")
    assert event.decoded("DTSTART") == datetime(2030, 2, 26, 10, 0, tzinfo=kyiv)
    assert event.decoded("DTEND") == datetime(2030, 2, 26, 17, 30, tzinfo=kyiv)
    assert event["DTSTART"].params["TZID"] == "Europe/Kyiv"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Kyiv"]
    # In the language of the address.
    assert str(event["SUMMARY"]) == "Réunion du réseau à Lviv"
    assert str(event["URL"]) == f"http://testserver/fr/news/{article.slug}/"
    assert str(event["LOCATION"]) == "Lviv, Ukraine, en ligne"
    assert "https://example.org/register" in str(event["DESCRIPTION"])


@pytest.mark.django_db
def test_news_without_a_date_has_no_calendar_file(client):
    article = make_article("Plain news")
    assert client.get(f"/en/news/{article.slug}/calendar.ics").status_code == 404
    draft = lviv_meeting(is_published=False)
    assert client.get(f"/en/news/{draft.slug}/calendar.ics").status_code == 404


@pytest.mark.django_db
def test_the_feed_lists_every_event_and_keeps_cancelled_ones(client):
    meeting = lviv_meeting()
    cancelled = make_article(
        "Cancelled seminar", event_start=date(2030, 3, 1), event_status="cancelled"
    )
    past = make_article("Old ceremony", event_start=date(2017, 10, 19))
    make_article("Plain news")
    make_article("Draft event", event_start=date(2030, 4, 1), is_published=False)
    make_article("Scheduled event", event_start=date(2030, 4, 2), days_ago=-3)
    calendar = parse(client.get("/en/events/calendar.ics"))
    events = events_of(calendar)
    assert set(events) == {
        f"news-article-{article.pk}@testserver" for article in (meeting, cancelled, past)
    }
    assert str(events[f"news-article-{cancelled.pk}@testserver"]["STATUS"]) == "CANCELLED"
    assert "X-WR-CALNAME" in calendar
    for event in events.values():
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "LAST-MODIFIED", "URL"):
            assert name in event, name


@pytest.mark.django_db
def test_a_feed_per_tag(client):
    meeting = lviv_meeting()
    make_article("Elsewhere", event_start=date(2030, 3, 1), tags=["Roma Day"])
    response = client.get("/en/events/calendar.ics?tag=ukrainian-alliance")
    events = events_of(parse(response))
    assert list(events) == [f"news-article-{meeting.pk}@testserver"]
    assert "events-ukrainian-alliance.ics" in response["Content-Disposition"]
    assert client.get("/en/events/calendar.ics?tag=no-such-tag").status_code == 404


@pytest.mark.django_db
def test_the_feed_answers_a_conditional_request_with_304(client):
    lviv_meeting()
    first = client.get("/en/events/calendar.ics")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/en/events/calendar.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get("/en/events/calendar.ics", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    one = Article.objects.get()
    single = client.get(f"/en/news/{one.slug}/calendar.ics")
    assert (
        client.get(
            f"/en/news/{one.slug}/calendar.ics", HTTP_IF_NONE_MATCH=single["ETag"]
        ).status_code
        == 304
    )
    make_article("Another event", event_start=date(2030, 5, 5))
    changed = client.get("/en/events/calendar.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


@pytest.mark.django_db
def test_an_event_edited_in_the_admin_keeps_its_uid_and_gets_a_new_revision(admin_client, client):
    article = lviv_meeting()
    before = parse(client.get(f"/en/news/{article.slug}/calendar.ics")).walk("VEVENT")[0]
    moment = article.published_at
    data = form_data(
        title_en="Meeting of the network, moved to Uzhhorod",
        title_fr="Réunion du réseau à Lviv",
        tags="Ukrainian Alliance",
        published_at_0=moment.astimezone(ZoneInfo("Europe/Paris")).strftime("%Y-%m-%d"),
        published_at_1=moment.astimezone(ZoneInfo("Europe/Paris")).strftime("%H:%M:%S"),
        event_start="2030-02-26",
        event_end="2030-02-28",
        event_city_en="Uzhhorod",
        event_country="UA",
    )
    with time_machine.travel(timedelta(minutes=5)):
        response = admin_client.post(f"/admin/news/article/{article.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.cookies.clear()
    after = parse(client.get(f"/en/news/{article.slug}/calendar.ics")).walk("VEVENT")[0]
    assert after["UID"] == before["UID"]
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert after.decoded("DTEND") == date(2030, 3, 1)
    assert str(after["LOCATION"]) == "Uzhhorod, Ukraine"


@pytest.mark.django_db
def test_saving_without_a_change_to_the_event_keeps_its_revision():
    article = lviv_meeting()
    article.lead_en = "Another teaser."
    article.save()
    article.title_en = "A new title"
    article.save()
    article.refresh_from_db()
    assert article.event_sequence == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"event_start_time": "10:00"}, "event_start", "Give the date of the event"),
        (
            {"event_start": "2030-01-01", "event_end_time": "10:00"},
            "event_start_time",
            "Give the starting time",
        ),
        (
            {"event_start": "2030-01-01", "event_start_time": "10:00", "event_end_time": "09:00"},
            "event_end_time",
            "cannot end before it starts",
        ),
        (
            {"event_start": "2030-01-01", "event_end": "2030-01-02", "event_start_time": "10:00"},
            "event_end_time",
            "Give the ending time",
        ),
        (
            {"event_start": "2030-01-01", "event_time_zone": "Mars/Olympus"},
            "event_time_zone",
            "not a time zone",
        ),
    ],
)
def test_event_times_are_checked_with_a_message_at_the_field(admin_client, fields, field, message):
    response = admin_client.post("/admin/news/article/add/", form_data(**fields))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.get(field, [])
    assert any(message in str(error) for error in errors), errors
