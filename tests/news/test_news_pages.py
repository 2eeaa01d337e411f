"""The news pages as a visitor sees them: home, list, filters, tags, articles."""

import json
import re
from datetime import date

import pytest

from news.models import Article

from ..news_helpers import bulk_articles, make_article
from ..pages_helpers import assert_public_page

LANGUAGES = ["en", "fr"]
ROMACT = "/{lang}/news/next-launching-events-of-romed2-and-romact/"
LVIV = "/{lang}/news/the-alliance-in-lviv-local-action-for-roma-safety/"
PUBLIC_PATHS = [
    "/{lang}/",
    "/{lang}/news/",
    "/{lang}/news/?page=1",
    "/{lang}/news/?tag=ukrainian-alliance",
    "/{lang}/news/?year=2019",
    "/{lang}/news/?tag=roma-day&year=2019",
    "/{lang}/news/tag/ukrainian-alliance/",
    "/{lang}/news/tag/dosta-prize/",
    ROMACT,
    LVIV,
    "/{lang}/news/john-warmisham-at-cahrom-if-roma-have-a-political-voice-they-can-stand-up-"
    "for-their-rights-and-fight-anti-gypsyism/",
]


def html(response):
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_news_page_keeps_the_public_page_promises(client, demo_content, path, lang):
    assert_public_page(client, path.format(lang=lang), lang)


@pytest.mark.django_db
def test_demo_content_is_the_nine_items_of_the_original(demo_content):
    assert Article.objects.published().count() == 9
    assert (
        Article.objects.get(legacy_id=87).title_en == "Next Launching Events of ROMED2 and ROMACT"
    )
    lviv = Article.objects.get(legacy_id=289)
    assert lviv.title_en == "The Alliance in Lviv: “Local action for Roma safety”"
    assert f"{lviv.published_at:%d/%m/%Y}" == "28/02/2019"
    cahrom = Article.objects.get(slug__startswith="john-warmisham-at-cahrom")
    assert f"{cahrom.published_at:%d/%m/%Y}" == "24/05/2018"
    romact = Article.objects.get(legacy_id=87)
    assert (romact.event_start, romact.event_end) == (date(2013, 10, 14), date(2013, 11, 5))
    assert not Article.objects.exclude(image="").exists()
    for article in Article.objects.all():
        text = f"{article.title_en} {article.lead_en} {article.body_en}"
        assert "writen" not in text and "?" not in text


@pytest.mark.django_db
def test_loading_the_demo_content_twice_gives_the_same_news(demo_content):
    from django.core.management import call_command

    before = list(Article.objects.values_list("slug", "title_en", "title_fr", "published_at"))
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    after = list(Article.objects.values_list("slug", "title_en", "title_fr", "published_at"))
    assert before == after


@pytest.mark.django_db
def test_home_lists_the_newest_news_with_dates_written_out(client, demo_content):
    page = html(client.get("/en/"))
    titles = re.findall(r'<h3 id="article-\d+" class="news-item__title"><a [^>]*>(.*?)</a>', page)
    assert (
        titles[0]
        == "“Local action for Roma safety” initiative presented at the Ukrainian Parliament"
    )
    assert titles[1].startswith("Congress Spokesperson Miranda RIRA")
    assert titles[2].startswith("Commissioner for Human Rights")
    assert len(titles) == 5
    assert '<time datetime="2019-04-09">9 April 2019</time>' in page
    assert "Read more" not in page


@pytest.mark.django_db
def test_home_in_french_shows_french_text_and_dates(client, demo_content):
    page = html(client.get("/fr/"))
    assert '<time datetime="2019-04-01">1er avril 2019</time>' in page
    assert '<time datetime="2019-04-09">9 avril 2019</time>' in page
    assert "Dernières actualités" in page


@pytest.mark.django_db
def test_news_list_reads_events_and_falls_back_to_english(client, demo_content):
    page = html(client.get("/fr/news/"))
    assert "7e Prix Dosta!-Congrès 2019\u00a0: appel à candidatures" in page
    # No French for this one: the English shows.
    assert "John Warmisham at CAHROM" in page
    assert (
        'Événement du <time datetime="2013-10-14">14 octobre 2013</time> '
        'au <time datetime="2013-11-05">5 novembre 2013</time>'
    ) in page
    assert "Lire la suite" in page


@pytest.mark.django_db
def test_event_on_one_day_reads_the_date(client):
    make_article("Roma Day conference", event_start=date(2019, 4, 8))
    assert 'Event on <time datetime="2019-04-08">8 April 2019</time>' in html(
        client.get("/en/news/")
    )
    assert 'Événement le <time datetime="2019-04-08">8 avril 2019</time>' in html(
        client.get("/fr/news/")
    )


@pytest.mark.django_db
def test_teaser_is_cut_with_an_ellipsis_and_the_article_shows_all(client):
    words = " ".join(f"word{n}" for n in range(120))
    article = make_article("Long", body_en=f"<p>{words}</p>")
    listing = html(client.get("/en/news/"))
    assert "word69…" in listing and "word70" not in listing
    assert "word119" in html(client.get(article.get_absolute_url()))


@pytest.mark.django_db
def test_article_page_shows_body_tags_and_neighbours(client, demo_content):
    page = html(client.get(ROMACT.format(lang="en")))
    assert "<h1>Next Launching Events of ROMED2 and ROMACT</h1>" in page
    assert "four other official launching events will be held in Albena" in page
    assert 'href="/en/news/tag/romact/"' in page
    assert 'Published on <time datetime="2013-10-14">14 October 2013</time>' in page
    assert "Event from" in page
    assert 'rel="next"' in page  # the CAHROM article, newer
    assert 'rel="prev"' not in page  # the oldest item


@pytest.mark.django_db
def test_article_page_has_open_graph_twitter_and_news_article_data(client, demo_content):
    page = html(client.get(LVIV.format(lang="fr")))
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:url" content="http://testserver/fr/news/the-alliance-in-lviv' in page
    assert '<meta property="og:locale" content="fr_FR">' in page
    # No picture of its own: the site's card.
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert "/static/img/social-card" in page
    assert '<meta property="og:title" content="L’Alliance à Lviv' in page
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("L’Alliance à Lviv")
    assert data["inLanguage"] == "fr"
    assert data["datePublished"].startswith("2019-02-28")
    assert (
        data["url"]
        == "http://testserver/fr/news/the-alliance-in-lviv-local-action-for-roma-safety/"
    )


@pytest.mark.django_db
def test_structured_data_cannot_close_its_script_element(client):
    article = make_article("Hello</script><script>alert(1)</script>")
    page = html(client.get(article.get_absolute_url()))
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block
    assert json.loads(block)["headline"] == "Hello</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in page


@pytest.mark.django_db
def test_every_page_links_both_feeds_in_its_head(client, demo_content):
    for path in ("/en/", "/fr/news/", LVIV.format(lang="en")):
        head = html(client.get(path)).split("</head>")[0]
        lang = path.split("/")[1]
        assert 'type="application/rss+xml" title="' in head
        assert f'href="/{lang}/news/feed/rss/"' in head
        assert 'type="application/atom+xml"' in head and f'href="/{lang}/news/feed/atom/"' in head


@pytest.mark.django_db
def test_tag_page_links_its_own_feeds(client, demo_content):
    page = html(client.get("/en/news/tag/roma-day/"))
    assert 'href="/en/news/feed/rss/?tag=roma-day"' in page
    assert 'href="/en/news/feed/atom/?tag=roma-day"' in page
    assert "<h1>News tagged “Roma Day”</h1>" in page
    assert page.count('class="news-item"') == 2


@pytest.mark.django_db
def test_sidebar_links_the_rss_feed(client, demo_content):
    sidebar = html(client.get("/fr/")).split('<aside class="sidebar"')[1]
    assert 'href="/fr/news/feed/rss/"' in sidebar


@pytest.mark.django_db
def test_list_paginates_ten_to_a_page_and_keeps_the_filters(client, tag_factory):
    tag = tag_factory("Housing")
    bulk_articles(25, tag=tag)
    first = html(client.get("/en/news/?tag=housing"))
    assert first.count('class="news-item"') == 10
    assert "25 items" in first
    assert 'href="?tag=housing&amp;page=2"' in first
    third = html(client.get("/en/news/?tag=housing&page=3"))
    assert third.count('class="news-item"') == 5
    assert 'aria-current="page"' in third
    assert client.get("/en/news/?tag=housing&page=4").status_code == 404
    assert client.get("/en/news/?page=0").status_code == 404
    assert client.get("/en/news/?page=abc").status_code == 404
    assert client.get("/en/news/tag/housing/?page=3").status_code == 200
    assert client.get("/en/news/tag/housing/?page=4").status_code == 404


@pytest.mark.django_db
def test_filters_narrow_the_list_by_tag_and_year(client, demo_content):
    by_tag = html(client.get("/en/news/?tag=ukrainian-alliance"))
    assert by_tag.count('class="news-item"') == 3
    assert "Deputy Mayor of Uzhgorod" in by_tag and "John Warmisham" not in by_tag
    by_year = html(client.get("/en/news/?year=2018"))
    assert by_year.count('class="news-item"') == 1 and "John Warmisham" in by_year
    both = html(client.get("/en/news/?year=2019&tag=roma-day"))
    assert both.count('class="news-item"') == 2
    assert '<option value="roma-day" selected>Roma Day (2)</option>' in both
    assert '<option value="2013">2013</option>' in both


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["tag=nope", "year=1999", "year=abc", "year=2019&tag=romact", "page=99"]
)
def test_unknown_filter_values_and_pages_are_not_found(client, demo_content, query):
    response = client.get(f"/en/news/?{query}")
    if query == "year=2019&tag=romact":
        # Both exist, nothing matches: an empty list, not an error.
        assert response.status_code == 200
        assert "No news or events match this selection." in html(response)
    else:
        assert response.status_code == 404


@pytest.mark.django_db
def test_unknown_tag_and_article_pages_are_not_found(client, demo_content):
    assert client.get("/en/news/tag/nope/").status_code == 404
    assert client.get("/en/news/no-such-article/").status_code == 404
    assert client.get("/fr/news/feed/rss/?tag=nope").status_code == 404


@pytest.mark.django_db
def test_articles_without_an_image_render_without_picture_markup(client, demo_content):
    page = html(client.get(LVIV.format(lang="en")))
    article = page.split("<main")[1].split("</main>")[0]
    assert "<picture" not in article and "<img" not in article
    # The link previews show the site's card instead.
    assert re.findall(r'<meta property="og:image" content="([^"]+)"', page) == [
        "http://testserver/static/img/social-card.png"
    ]


@pytest.mark.django_db
def test_video_is_a_link_and_loads_no_player_until_asked(client):
    article = make_article("Video", video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    page = html(client.get(article.get_absolute_url()))
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in page
    assert 'data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page
    assert "<iframe" not in page
    assert "/static/js/news-video.js" in page


@pytest.mark.django_db
def test_dates_follow_the_visitor_language(client):
    make_article("Dated", published_at=_paris(2019, 2, 28))
    page = html(client.get("/fr/news/"))
    assert '<time datetime="2019-02-28">28 février 2019</time>' in page


def _paris(year, month, day):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime(year, month, day, 12, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture
def tag_factory(db):
    from news.models import Tag

    def make(name):
        return Tag.objects.create(name=name)

    return make


@pytest.mark.django_db
def test_any_tag_an_editor_types_gives_working_pages(client):
    article = make_article("Tagged oddly", tags=["Ромські громади", "!!!", "Roma & Travellers"])
    for path in ("/en/", "/en/news/", article.get_absolute_url(), "/en/news/feed/atom/"):
        assert client.get(path).status_code == 200, path
    page = html(client.get(article.get_absolute_url()))
    cyrillic = re.search(r'href="(/en/news/tag/[^"]+)">Ромські громади<', page).group(1)
    tag_page = client.get(cyrillic)
    assert tag_page.status_code == 200
    assert "Tagged oddly" in html(tag_page)
    assert client.get("/en/news/tag/roma-travellers/").status_code == 200
    assert "!!!" not in html(client.get("/en/news/"))


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_list_entries_are_rendered_once_and_follow_every_change(client, demo_content, lang):
    item = "news/includes/article_item.html"
    first = client.get(f"/{lang}/news/")
    assert item in [t.name for t in first.templates]
    # Another address showing the same entries: the page is new, its entries are not,
    # and the articles' rows are not read, only their ids.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        again = client.get(f"/{lang}/news/?page=1")
    assert again["X-Page-Cache"] == "miss"
    assert item not in [t.name for t in again.templates]
    assert not [q for q in queries if '"news_article"."body_en"' in q["sql"]]
    assert again.content.decode().count('class="news-item') == first.content.decode().count(
        'class="news-item'
    )
    # Any change by staff renders them afresh, a tag's new name included.
    article = Article.objects.published().filter(tags__slug="ukrainian-alliance").first()
    tag = article.tags.get(slug="ukrainian-alliance")
    tag.name = "Ukrainian Alliance network"
    tag.save()
    article.title_en = article.title_fr = "A title changed by staff"
    article.save()
    page = client.get(f"/{lang}/news/?page=1").content.decode()
    assert "A title changed by staff" in page and "Ukrainian Alliance network" in page


def article_part(response):
    """The article, its neighbours and its link-preview tags: what its page shows
    whatever the address it was reached at."""
    page = html(response)
    head = page.split('<meta name="description"')[1].split("</script>")[0]
    return head + page.split('<article class="article">')[1].split("</main>")[0]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_article_is_rendered_once_for_all_its_addresses_and_follows_every_change(
    client, demo_content, lang
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = LVIV.format(lang=lang)
    first = client.get(url)
    assert "news/article_detail.html" in [t.name for t in first.templates]
    # The same article at another address (a link shared with a tracking parameter):
    # the page is new, but the article is read once, to know it is still published.
    with CaptureQueriesContext(connection) as queries:
        again = client.get(f"{url}?utm_source=newsletter")
    assert again["X-Page-Cache"] == "miss"
    assert len(queries) == 1
    assert article_part(again) == article_part(first)
    assert "news/includes/dateline.html" not in [t.name for t in again.templates]
    # Absolute addresses in the link previews follow the host asked.
    other_host = client.get(f"{url}?from=localhost", HTTP_HOST="localhost")
    assert f'content="http://localhost{url}"' in html(other_host)
    assert f'content="http://testserver{url}"' not in html(other_host)

    # Any change by staff shows at once: a tag renamed, the title, a newer article.
    article = Article.objects.get(slug=url.split("/")[3])
    tag = article.tags.first()
    tag.name = "Renamed tag"
    tag.save()
    article.title_en = article.title_fr = "A title changed by staff"
    article.save()
    newer = make_article("Published right after", published_at=article.published_at)
    page = html(client.get(f"{url}?utm_source=later"))
    assert page.count("A title changed by staff") >= 3  # <title>, <h1>, previews
    assert ">Renamed tag</a>" in page and 'content="Renamed tag"' in page
    assert f'href="/{lang}/news/{newer.slug}/" rel="next"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_links_keep_the_list_filters_and_nothing_else(client, lang):
    bulk_articles(35)
    year = Article.objects.first().published_at.year
    page = html(client.get(f"/{lang}/news/?page=2&utm_source=newsletter"))
    assert 'href="?page=1" rel="prev"' in page and 'href="?page=3" rel="next"' in page
    assert "utm_source" not in page.split('<nav class="pagination"')[1]
    # The same page reached with another tracking parameter links the same pages.
    again = html(client.get(f"/{lang}/news/?fbclid=abc&page=2"))
    assert again.split('<nav class="pagination"')[1] == page.split('<nav class="pagination"')[1]
    filtered = html(client.get(f"/{lang}/news/?year={year}&page=2&fbclid=abc"))
    assert f'href="?year={year}&amp;page=3" rel="next"' in filtered
    assert "fbclid" not in filtered.split('<nav class="pagination"')[1]
