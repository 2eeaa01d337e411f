"""The agenda, an event's page, and event data in the feeds and the sitemap."""

import json
from datetime import date, time, timedelta

import feedparser
import pytest
from django.utils import timezone
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from news.models import Article

from ..news_helpers import make_article


def soon(days):
    return timezone.localdate() + timedelta(days=days)


def titles(html, selector="h3"):
    return [node.text(strip=True) for node in HTMLParser(html).css(selector)]


@pytest.fixture
def agenda(db):
    return {
        "later": make_article("Forum in Ghent", event_start=soon(40), event_country="BE"),
        "soon": make_article(
            "Meeting in Kyiv",
            title_fr="Réunion à Kyiv",
            event_start=soon(3),
            event_end=soon(4),
            event_city_en="Kyiv",
            event_country="UA",
            event_url="https://example.org/kyiv",
            tags=["Ukrainian Alliance"],
        ),
        "today": make_article("Ceremony today", event_start=soon(0), event_country="FR"),
        "past": make_article("Prize ceremony", event_start=date(2017, 10, 19), event_country="FR"),
        "older": make_article("Launch in Albena", event_start=date(2013, 10, 14)),
        "news": make_article("Plain news"),
        "draft": make_article("Draft event", event_start=soon(5), is_published=False),
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_agenda_lists_upcoming_events_soonest_first_then_past_ones(client, agenda, lang):
    response = client.get(f"/{lang}/events/")
    assert response.status_code == 200
    html = response.content.decode()
    upcoming, past = HTMLParser(html).css("section.agenda")
    kyiv = "Réunion à Kyiv" if lang == "fr" else "Meeting in Kyiv"
    assert titles(upcoming.html) == ["Ceremony today", kyiv, "Forum in Ghent"]
    assert titles(past.html) == ["Prize ceremony", "Launch in Albena"]
    heading = {"en": "Upcoming events", "fr": "Événements à venir"}[lang]
    assert upcoming.css_first("h2").text() == heading
    assert "Plain news" not in html and "Draft event" not in html
    # Dates written out in the language, places with the country's name, linked to its page.
    place = f'Kyiv</span>, <a href="/{lang}/countries/ua/">Ukraine</a>'
    if lang == "fr":
        assert "19 octobre 2017" in html and place in html
    else:
        assert "19 October 2017" in html and place in html
    # The subscription, as webcal:// and as a file.
    assert 'href="webcal://testserver/' + lang + '/events/calendar.ics"' in html
    assert 'type="text/calendar"' in html


def test_the_agenda_is_paginated(client, db):
    for day in range(12):
        make_article(f"Past event {day}", event_start=date(2015, 1, 1) + timedelta(days=day))
    first = client.get("/en/events/").content.decode()
    second = client.get("/en/events/?page=2").content.decode()
    assert titles(first)[0] == "Past event 11" and len(titles(first)) == 10
    assert titles(second) == ["Past event 1", "Past event 0"]
    assert client.get("/en/events/?page=9").status_code == 404


def test_the_agenda_filters_by_year_and_country(client, agenda):
    html = client.get("/en/events/?country=FR").content.decode()
    assert set(titles(html)) == {"Ceremony today", "Prize ceremony"}
    html = client.get("/en/events/?year=2017").content.decode()
    assert titles(html) == ["Prize ceremony"]
    menu = HTMLParser(client.get("/fr/events/").content.decode())
    countries = [option.text() for option in menu.css("#id_country option")]
    assert countries == ["Tous les pays", "Belgique", "France", "Ukraine"]
    # A value no event has is a 404, not an error.
    assert client.get("/en/events/?country=ZZ").status_code == 404
    assert client.get("/en/events/?year=abc").status_code == 404


def test_events_are_a_kind_on_the_news_list(client, agenda):
    html = client.get("/en/news/?kind=events").content.decode()
    listed = titles(html, "h2.news-item__title")
    assert "Plain news" not in listed and "Meeting in Kyiv" in listed
    assert len(listed) == 5
    html = client.get("/en/news/?kind=news").content.decode()
    assert titles(html, "h2.news-item__title") == ["Plain news"]
    assert client.get("/en/news/?kind=other").status_code == 404
    french = client.get("/fr/news/").content.decode()
    assert '<option value="events">Événements</option>' in french


def structured_data(html):
    """The schema.org objects of a page, one per block."""
    blocks = HTMLParser(html).css('script[type="application/ld+json"]')
    return [json.loads(block.text()) for block in blocks]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_event_page_shows_when_where_and_how_to_take_part(client, agenda, lang):
    article = agenda["soon"]
    response = client.get(f"/{lang}/news/{article.slug}/")
    html = response.content.decode()
    details = HTMLParser(html).css_first("section.event-details")
    text = details.text()
    assert ("Kyiv, Ukraine") in text
    assert f'href="/{lang}/news/{article.slug}/calendar.ics"' in details.html
    assert 'href="https://example.org/kyiv"' in details.html
    label = {"en": "Add to my calendar (.ics)", "fr": "Ajouter à mon calendrier (.ics)"}[lang]
    assert label in text
    article_data, event = structured_data(html)
    assert article_data["@type"] == "NewsArticle"
    assert event["@type"] == "Event"
    assert event["startDate"] == soon(3).isoformat()
    assert event["endDate"] == soon(4).isoformat()
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Kyiv",
        "addressCountry": "UA",
    }
    assert event["organizer"]["@type"] == "Organization"
    assert event["url"] == f"http://testserver/{lang}/news/{article.slug}/"
    assert event["offers"]["url"] == "https://example.org/kyiv"


def test_a_cancelled_online_event_says_so(client, db):
    article = make_article(
        "Webinar on housing",
        event_start=soon(10),
        event_start_time=time(14, 0),
        event_end_time=time(15, 30),
        event_online=True,
        event_status="cancelled",
    )
    html = client.get(f"/fr/news/{article.slug}/").content.decode()
    details = HTMLParser(html).css_first("section.event-details").text()
    assert "Annulé" in details and "en ligne" in details
    assert "14:00" in details and "15:30" in details and "Europe/Paris" in details
    _, event = structured_data(html)
    assert event["eventStatus"] == "https://schema.org/EventCancelled"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["startDate"].endswith("T14:00:00+01:00") or event["startDate"].endswith(
        "T14:00:00+02:00"
    )
    agenda = client.get("/en/events/").content.decode()
    assert "event-item--cancelled" in agenda and "Cancelled" in agenda


def test_news_pages_carry_no_event_data(client, db):
    article = make_article("Plain news")
    html = client.get(f"/en/news/{article.slug}/").content.decode()
    assert [data["@type"] for data in structured_data(html)] == ["NewsArticle"]
    assert "event-details" not in html


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_items_carry_the_event_dates_and_place(client, agenda, kind):
    body = client.get(f"/en/news/feed/{kind}/").content.decode()
    assert 'xmlns:ev="http://purl.org/rss/1.0/modules/event/"' in body
    feed = feedparser.parse(body)
    entries = {entry.title: entry for entry in feed.entries}
    kyiv = entries["Meeting in Kyiv"]
    assert kyiv.ev_startdate == soon(3).isoformat()
    assert kyiv.ev_enddate == soon(4).isoformat()
    assert kyiv.ev_location == "Kyiv, Ukraine"
    assert "ev_startdate" not in entries["Plain news"]


def test_the_agenda_is_in_the_sitemap_and_events_are_too(client, agenda):
    body = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/en/events/" in body and "http://testserver/fr/events/" in body
    assert f"/en/news/{agenda['soon'].slug}/" in body
    assert agenda["draft"].slug not in body


def test_the_next_events_for_the_home_page(client, agenda):
    upcoming = list(Article.objects.upcoming_events())
    assert [event.title for event in upcoming] == [
        "Ceremony today",
        "Meeting in Kyiv",
        "Forum in Ghent",
    ]
    # The home page shows them in that order, under its "Next events".
    html = client.get("/en/").content.decode()
    section = html[html.index('id="events-heading"') :]
    positions = [section.index(event.title) for event in upcoming]
    assert positions == sorted(positions)


def test_demo_events_have_their_dates_from_the_sources(demo_content):
    events = list(Article.objects.agenda())
    assert [(event.event_start, event.event_last_day) for event in events] == [
        (date(2018, 5, 24), date(2018, 5, 24)),
        (date(2013, 10, 14), date(2013, 11, 5)),
    ]
    cahrom = events[0]
    assert (cahrom.event_city, cahrom.event_country.code) == ("Athens", "GR")
