"""The RSS and Atom feeds, read the way a feed reader reads them."""

import feedparser
import pytest
from django.utils import translation

from news.models import Tag

from ..news_helpers import bulk_articles, jpeg_upload, make_article

FEEDS = ["rss", "atom"]
LANGUAGES = ["en", "fr"]


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FEEDS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tag", ["", "ukrainian-alliance", "romact"])
def test_feeds_parse_clean_in_both_languages_with_and_without_a_tag(
    client, demo_content, kind, lang, tag
):
    path = f"/{lang}/news/feed/{kind}/" + (f"?tag={tag}" if tag else "")
    response = client.get(path)
    feed = parse(response)
    expected_version = "rss20" if kind == "rss" else "atom10"
    assert feed.version == expected_version
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    if kind == "rss":
        assert feed.feed.language == lang
    expected = {"": 9, "ukrainian-alliance": 3, "romact": 1}[tag]
    assert len(feed.entries) == expected
    for entry in feed.entries:
        assert entry.link.startswith(f"http://testserver/{lang}/news/")
        assert entry.published_parsed
    if tag:
        with translation.override(lang):
            name = Tag.objects.get(slug=tag).name
        assert all(name in {t.term for t in entry.tags} for entry in feed.entries)


@pytest.mark.django_db
def test_french_feed_carries_french_text_and_english_fallback(client, demo_content):
    feed = parse(client.get("/fr/news/feed/atom/"))
    titles = [entry.title for entry in feed.entries]
    assert "7e Prix Dosta!-Congrès 2019\u00a0: appel à candidatures" in titles
    assert any(title.startswith("John Warmisham at CAHROM") for title in titles)
    assert feed.feed.title.startswith("Alliance européenne")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FEEDS)
def test_feed_items_carry_the_full_sanitised_body(client, kind):
    make_article(
        "Full body",
        lead_en="The teaser.",
        body_en='<p>First.</p><p onclick="x()">Second <a href="/en/resources/">link</a>'
        '<script>alert(1)</script> <a href="javascript:alert(2)">bad</a></p>',
    )
    entry = parse(client.get(f"/en/news/feed/{kind}/")).entries[0]
    content = entry.content[0].value
    assert "The teaser." in content and "First." in content and "Second" in content
    assert 'href="http://testserver/en/resources/"' in content
    assert "script" not in content and "onclick" not in content and "javascript" not in content
    assert entry.summary.startswith("The teaser.")


@pytest.mark.django_db
def test_feeds_hold_the_twenty_newest(client):
    bulk_articles(30)
    for kind in FEEDS:
        entries = parse(client.get(f"/en/news/feed/{kind}/")).entries
        assert len(entries) == 20
        assert entries[0].title == "Bulk article 0"
        assert entries[-1].title == "Bulk article 19"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FEEDS)
def test_feed_image_is_an_enclosure_with_its_size(client, kind, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    article = make_article("Pictured", image=jpeg_upload(), image_alt_en="A square")
    entry = parse(client.get(f"/en/news/feed/{kind}/")).entries[0]
    enclosures = entry.enclosures
    assert len(enclosures) == 1
    largest = article.image_renditions["jpeg"][-1]
    assert enclosures[0].href == f"http://testserver/media/{largest['name']}"
    assert enclosures[0].type == "image/jpeg"
    assert (
        int(enclosures[0].length) == largest["bytes"] == (tmp_path / largest["name"]).stat().st_size
    )


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FEEDS)
def test_feeds_answer_conditional_requests_with_304(client, kind):
    make_article("First")
    path = f"/en/news/feed/{kind}/?tag="
    first = client.get(path)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert "max-age" in first["Cache-Control"]

    again = client.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(path, headers={"if-modified-since": modified}).status_code == 304

    article = make_article("Second", days_ago=0)
    changed = client.get(path, headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    etag = changed["ETag"]

    # Unpublishing changes the feed too, even though nothing newer appeared.
    article.is_published = False
    article.save()
    assert client.get(path, headers={"if-none-match": etag}).status_code == 200


@pytest.mark.django_db
def test_feed_differs_per_tag_and_language(client):
    make_article("Tagged", tags=["Housing"])
    make_article("Untagged")
    everything = client.get("/en/news/feed/rss/")
    housing = client.get("/en/news/feed/rss/?tag=housing")
    french = client.get("/fr/news/feed/rss/")
    assert len({everything["ETag"], housing["ETag"], french["ETag"]}) == 3
    assert [e.title for e in parse(housing).entries] == ["Tagged"]
    assert Tag.objects.filter(slug="housing").exists()


@pytest.mark.django_db
def test_feed_refuses_to_be_posted_to(client):
    assert client.post("/en/news/feed/rss/").status_code == 405
