"""Drafts and scheduled articles: hidden from the public everywhere, shown to staff."""

from datetime import timedelta
from unittest import mock

import feedparser
import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.sites.requests import RequestSite
from django.test import RequestFactory
from django.utils import timezone

from news.models import Article
from news.sitemaps import ArticleSitemap

from ..news_helpers import make_article

PUBLIC_LISTS = [
    "/en/",
    "/fr/",
    "/en/news/",
    "/fr/news/",
    "/en/news/tag/shared/",
    "/en/news/?tag=shared",
]


@pytest.fixture
def articles(db):
    return {
        "live": make_article("Live item", tags=["Shared"]),
        "draft": make_article("Draft item", tags=["Shared", "Secret"], is_published=False),
        "future": make_article("Future item", tags=["Shared", "Tomorrow"], days_ago=-1),
    }


def sitemap_locations():
    request = RequestFactory().get("/sitemap.xml")
    urls = ArticleSitemap().get_urls(site=RequestSite(request), protocol="https")
    return {url["location"] for url in urls}


def feed_titles(client, path):
    return [entry.title for entry in feedparser.parse(client.get(path).content).entries]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_LISTS)
def test_lists_show_only_published_articles(client, articles, path):
    page = client.get(path).content.decode()
    assert "Live item" in page
    assert "Draft item" not in page
    assert "Future item" not in page


@pytest.mark.django_db
def test_tags_of_hidden_articles_are_not_public(client, articles):
    assert client.get("/en/news/tag/secret/").status_code == 404
    assert client.get("/en/news/tag/tomorrow/").status_code == 404
    assert client.get("/en/news/?tag=secret").status_code == 404
    assert client.get("/en/news/feed/rss/?tag=secret").status_code == 404
    assert "Secret" not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["draft", "future"])
def test_hidden_articles_are_not_found_by_the_public(client, articles, name):
    assert client.get(articles[name].get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("feed", ["rss", "atom"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_feeds_leave_hidden_articles_out(client, articles, feed, lang):
    assert feed_titles(client, f"/{lang}/news/feed/{feed}/") == ["Live item"]
    assert feed_titles(client, f"/{lang}/news/feed/{feed}/?tag=shared") == ["Live item"]


@pytest.mark.django_db
def test_sitemap_lists_only_published_articles(articles):
    locations = sitemap_locations()
    live = articles["live"].slug
    assert f"https://testserver/en/news/{live}/" in locations
    assert f"https://testserver/fr/news/{live}/" in locations
    assert not any(articles["draft"].slug in url for url in locations)
    assert not any(articles["future"].slug in url for url in locations)


@pytest.mark.django_db
def test_scheduled_article_appears_when_its_time_comes_without_anyone_touching_it(client, articles):
    future = articles["future"]
    later = timezone.now() + timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "Future item" in client.get("/en/").content.decode()
        assert client.get(future.get_absolute_url()).status_code == 200
        assert "Future item" in feed_titles(client, "/en/news/feed/atom/")
        assert any(future.slug in url for url in sitemap_locations())
        # The draft stays a draft, whatever its date.
        assert "Draft item" not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["draft", "future"])
def test_staff_preview_hidden_articles_uncached_and_unindexed(admin_client, articles, name):
    response = admin_client.get(articles[name].get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{articles[name].title}</h1>" in page
    assert 'class="notice"' in page
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in page


@pytest.mark.django_db
def test_published_article_is_cacheable_and_has_no_staff_notice(admin_client, articles):
    response = admin_client.get(articles["live"].get_absolute_url())
    assert "no-cache" not in response.get("Cache-Control", "")
    assert 'class="notice"' not in response.content.decode()


@pytest.mark.django_db
def test_preview_needs_staff_with_the_right_to_view_articles(client, articles):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(user)
    draft = articles["draft"].get_absolute_url()
    assert client.get(draft).status_code == 404
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    assert client.get(draft).status_code == 200


@pytest.mark.django_db
def test_admin_view_on_site_opens_the_draft_preview(admin_client, articles):
    draft = articles["draft"]
    change = admin_client.get(f"/admin/news/article/{draft.pk}/change/").content.decode()
    link = next(
        part.split('"')[0] for part in change.split('href="')[1:] if part.startswith("/admin/r/")
    )
    response = admin_client.get(link, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith(draft.get_absolute_url())
    assert "Draft item" in response.content.decode()


@pytest.mark.django_db
def test_published_queryset_is_the_one_public_filter(articles):
    assert list(Article.objects.published()) == [articles["live"]]
