"""Feed readers read back exactly the text staff saved, never markup made from it."""

import html

import feedparser
import pytest

from ..news_helpers import make_article

HOSTILE_TEXTS = [
    "Meeting <img src=x onerror=alert(1)> in Strasbourg",
    "Roma &amp; Travellers: already escaped &lt;b&gt;",
    "Quotes \"double\" and 'single', l'été à Zürich, Košice",
    "<script>alert('x')</script> & <b>bold</b> &copy; &#x27;",
]


def as_text(detail):
    """The text a reader shows for a title or summary: HTML is read as HTML."""
    if detail.type in ("text/html", "application/xhtml+xml"):
        assert "<" not in detail.value, detail.value  # no markup reaches the reader
        return html.unescape(detail.value)
    return detail.value


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_titles_and_summaries_read_back_as_saved(client, kind, lang):
    for number, text in enumerate(HOSTILE_TEXTS):
        make_article(text, lead_en=f"Lead: {text}", title_fr=f"FR {text}", days_ago=number + 1)

    response = client.get(f"/{lang}/news/feed/{kind}/")
    feed = feedparser.parse(response.content)

    assert not feed.bozo, feed.get("bozo_exception")
    prefix = "FR " if lang == "fr" else ""
    assert [as_text(entry.title_detail) for entry in feed.entries] == [
        prefix + text for text in HOSTILE_TEXTS
    ]
    assert [as_text(entry.summary_detail) for entry in feed.entries] == [
        f"Lead: {text}" for text in HOSTILE_TEXTS
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_rss_channel_links_to_the_news_page_in_its_language(client, lang):
    make_article("Any news")

    feed = feedparser.parse(client.get(f"/{lang}/news/feed/rss/").content)

    assert feed.feed.link == f"http://testserver/{lang}/news/"
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [f"http://testserver/{lang}/news/feed/rss/"]


@pytest.mark.django_db
def test_a_tag_feed_links_to_the_tag_page(client):
    make_article("Tagged <b>news</b>", tags=["Roma & <Travellers>"])
    slug = "roma-travellers"

    feed = feedparser.parse(client.get(f"/en/news/feed/rss/?tag={slug}").content)

    assert feed.feed.link == f"http://testserver/en/news/tag/{slug}/"
    assert as_text(feed.feed.title_detail).endswith(": Roma & <Travellers>")
