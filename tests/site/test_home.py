"""The front door, the sidebar's boxes, dates written out and nothing that looks cut off."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from core.dates import long_date
from declaration.models import Signatory
from news.models import Article
from participants.models import Participant

from ..news_helpers import make_article

LANGUAGES = ["en", "fr"]


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def sidebar(page):
    match = re.search(r'<aside class="sidebar".*?</aside>', page, re.S)
    return match.group(0) if match else ""


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_shows_the_live_figures_as_links_computed_from_the_data(client, demo_content, lang):
    page = html(client.get(f"/{lang}/"))
    counts = Participant.objects.counter()
    signed = Signatory.objects.counter()
    figures = re.findall(r'<li><a href="([^"]+)"><strong>(\d+)</strong>', page)
    assert figures == [
        (f"/{lang}/participants/", str(counts["participants"])),
        (f"/{lang}/participants/", str(counts["countries"])),
        (f"/{lang}/declaration/", str(signed["signatories"])),
    ]
    # A participant leaves, as staff would record it: the figure follows.
    leaving = Participant.objects.active().first()
    leaving.is_active = False
    leaving.save()
    again = html(client.get(f"/{lang}/"))
    assert f"<strong>{counts['participants'] - 1}</strong>" in again


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_has_the_mission_small_map_and_three_calls_to_action(client, demo_content, lang):
    page = html(client.get(f"/{lang}/"))
    assert page.count("<h1>") == 1
    assert '<p class="home-mission">' in page
    assert f'<a class="small-map" href="/{lang}/participants/map/">' in page
    assert len(re.findall(r'<svg class="small-map__spots".*?<circle', page, re.S)) == 1
    for path in ("join/", "declaration/sign/", "cooperate/"):
        assert f'<a class="button" href="/{lang}/{path}">' in page


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_small_map_the_largest_picture_of_the_first_screen_is_fetched_first(
    client, demo_content, lang
):
    page = html(client.get(f"/{lang}/"))
    image = re.search(r'<a class="small-map"[^>]*>\s*(<img [^>]*>)', page).group(1)
    assert 'fetchpriority="high"' in image
    assert "loading=" not in image
    assert re.search(r'width="\d+" height="\d+"', image)


@pytest.mark.django_db
def test_home_lists_the_next_events_soonest_first_and_not_past_ones(client):
    today = timezone.localdate()
    make_article("Later event", event_start=today + timedelta(days=20))
    make_article("Sooner event", event_start=today + timedelta(days=3))
    make_article("Running event", event_start=today - timedelta(days=1), event_end=today)
    make_article("Past event", event_start=today - timedelta(days=30))
    page = html(client.get("/en/"))
    events = page.split('id="events-heading"')[1]
    assert events.index("Running event") < events.index("Sooner event")
    assert events.index("Sooner event") < events.index("Later event")
    assert "Past event" not in events


@pytest.mark.django_db
def test_home_without_events_says_so(client, demo_content):
    assert "No event is announced at the moment." in html(client.get("/en/"))
    assert "Aucun événement n" in html(client.get("/fr/"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "present", "absent"),
    [
        ("/en/", {"contact", "note"}, {"mission", "join", "cooperate"}),
        ("/en/about-us/", {"mission", "note", "join", "contact", "texts"}, {"cooperate"}),
        ("/en/join/", {"contact"}, {"mission", "note", "join", "cooperate"}),
        ("/en/cooperate/", {"contact"}, {"mission", "note", "cooperate", "join"}),
        ("/en/news/", {"join", "cooperate", "follow"}, {"mission", "note", "texts"}),
        ("/en/good-practices/", {"join"}, {"practices", "mission"}),
        ("/en/resources/", {"join"}, {"texts", "mission"}),
        # The participants' pages show the figures under their heading already.
        ("/en/participants/", {"join", "contact"}, {"counter", "mission"}),
        ("/fr/participants/map/", {"join", "contact"}, {"counter", "mission"}),
        ("/en/participants/innsbruck/", {"counter", "join"}, {"mission"}),
    ],
)
def test_sidebar_shows_the_boxes_that_help_where_they_help(
    client, demo_content, path, present, absent
):
    boxes = set(re.findall(r'class="box box--(\w+)"', sidebar(html(client.get(path)))))
    assert present <= boxes
    assert not absent & boxes


@pytest.mark.django_db
def test_error_page_has_no_mission_or_note(client, demo_content):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    boxes = set(re.findall(r'class="box box--(\w+)"', sidebar(response.content.decode())))
    assert boxes == {"contact"}


@pytest.mark.django_db
def test_no_read_more_links_to_a_page_holding_no_more_text(client, demo_content):
    """Every "Read more" leads to a page with more than the list showed."""
    for lang in LANGUAGES:
        for path in (f"/{lang}/news/", f"/{lang}/"):
            page = html(client.get(path))
            items = re.findall(r'<article class="news-item.*?</article>', page, re.S)
            assert items
            for item in items:
                url = re.search(r'<a href="([^"]+)">', item).group(1)
                slug = url.rstrip("/").rsplit("/", 1)[1]
                article = Article.objects.get(slug=slug)
                has_more = "news-item__more" in item
                assert has_more == article.has_more_text, url
                if has_more:
                    main = html(client.get(url)).split("<main")[1].split("</main>")[0]
                    assert 'class="article__body"' in main or 'class="video' in main, url


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_teaser_only_article_is_a_summary_not_a_cut_sentence(client, demo_content, lang):
    teaser_only = [a for a in Article.objects.published() if not a.has_more_text]
    assert len(teaser_only) == 7
    for article in teaser_only:
        page = html(client.get(f"/{lang}/news/{article.slug}/"))
        main = page.split("<main")[1].split("</main>")[0]
        assert 'id="summary-heading"' in main
        summary = main.split('id="summary-heading"')[1].split("</section>")[0]
        text = re.sub(r"<[^>]+>", "", summary).strip()
        assert not text.endswith(("…", "[…]", "..."))
        assert "Read more" not in main and "Lire la suite" not in main


@pytest.mark.django_db
def test_an_article_with_a_body_keeps_its_read_more(client):
    article = make_article("Full", lead_en="The lead.", body_en="<p>More words here.</p>")
    page = html(client.get("/en/news/"))
    assert f'<a href="{article.get_absolute_url()}">Read more' in page
    assert "More words here." in html(client.get(article.get_absolute_url()))


@pytest.mark.parametrize(
    ("lang", "day", "written"),
    [
        ("en", date(2019, 4, 9), "9 April 2019"),
        ("fr", date(2019, 4, 9), "9 avril 2019"),
        ("en", date(2026, 12, 1), "1 December 2026"),
        ("fr", date(2026, 12, 1), "1er décembre 2026"),
        ("fr", date(2013, 3, 20), "20 mars 2013"),
    ],
)
def test_dates_are_written_out_day_first_in_each_language(lang, day, written):
    with translation.override(lang):
        assert long_date(day) == written


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_participants_and_articles_write_dates_the_same_way(client, demo_content, lang):
    participant = Participant.objects.active().filter(date_joined_precision="day").first()
    page = html(client.get(participant.get_absolute_url().replace("/en/", f"/{lang}/")))
    with translation.override(lang):
        assert long_date(participant.date_joined) in page
    assert not re.search(r"\b\d\d/\d\d/\d{4}\b", page)
    assert not re.search(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\. \d", page)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_titles_use_one_separator(client, demo_content, lang):
    for path in ("", "news/", "participants/", "participants/map/", "declaration/", "join/"):
        title = re.search(r"<title>(.*?)</title>", html(client.get(f"/{lang}/{path}")), re.S)
        assert " | " not in title.group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_menu_items_are_in_sentence_case_and_name_the_prize(client, demo_content, lang):
    page = html(client.get(f"/{lang}/"))
    nav = page.split('<nav class="main-nav"')[1].split("</nav>")[0]
    labels = re.findall(r">([^<>]+)</a>", nav)
    assert f'href="/{lang}/dosta-prize/"' in nav
    for label in labels:
        words = label.split()
        assert all(not w[0].isupper() or w in {"ROMACT", "Dosta!", "Prize"} for w in words[1:]), (
            label
        )


def test_the_small_maps_outlines_are_those_of_the_full_map():
    from participants import map as europe

    assert europe.OUTLINE_FILE.read_text(encoding="utf-8") == europe.outline_svg()
