"""Tags named in each language: what a French visitor reads, what an editor manages,
and the migration that brought taggit's tags across."""

import feedparser
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from news.models import Article, Tag

from ..news_helpers import make_article

BEFORE = [("news", "0005_article_search_forgives_accents")]
AFTER = [("news", "0006_translatable_tags")]


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def tag_links(page):
    return [node.text() for node in HTMLParser(page).css("ul.tags a")]


@pytest.fixture
def translated(db):
    tag = Tag.objects.create(name_en="Human rights", name_fr="Droits de l’homme")
    english_only = Tag.objects.create(name_en="ROMED2")
    article = make_article("Rights for all", tags=[tag, english_only], title_fr="Des droits")
    return tag, english_only, article


def test_a_tag_has_one_slug_from_its_english_name(db):
    tag = Tag.objects.create(name_en="Roma safety", name_fr="Sécurité des Roms")
    assert tag.slug == "roma-safety"
    tag.name_en = "Safety of Roma"
    tag.save()
    tag.refresh_from_db()
    assert tag.slug == "roma-safety"


def test_french_pages_name_tags_in_french_and_fall_back_to_english(client, translated):
    tag, _english_only, article = translated
    for path in ("/fr/news/", article.get_absolute_url().replace("/en/", "/fr/")):
        assert sorted(tag_links(html(client.get(path)))) == ["Droits de l’homme", "ROMED2"]
    english = tag_links(html(client.get("/en/news/")))
    assert sorted(english) == ["Human rights", "ROMED2"]
    # The same address in both languages.
    assert 'href="/fr/news/tag/human-rights/"' in html(client.get("/fr/news/"))


def test_french_filter_and_tag_page_use_the_french_name(client, translated):
    page = HTMLParser(html(client.get("/fr/news/")))
    options = [option.text() for option in page.css("select[name=tag] option")]
    assert "Droits de l’homme (1)" in options and "ROMED2 (1)" in options
    assert not any("Human rights" in option for option in options)
    tag_page = HTMLParser(html(client.get("/fr/news/tag/human-rights/")))
    assert "Droits de l’homme" in tag_page.css_first("h1").text()
    assert "Droits de l’homme" in tag_page.css_first("title").text()
    assert (
        "Human rights"
        in HTMLParser(html(client.get("/en/news/tag/human-rights/"))).css_first("h1").text()
    )


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_french_feed_names_its_tag_and_categories_in_french(client, translated, kind):
    feed = feedparser.parse(client.get(f"/fr/news/feed/{kind}/?tag=human-rights").content)
    assert "Droits de l’homme" in feed.feed.title
    assert {category.term for category in feed.entries[0].tags} == {"Droits de l’homme", "ROMED2"}
    english = feedparser.parse(client.get(f"/en/news/feed/{kind}/?tag=human-rights").content)
    assert {category.term for category in english.entries[0].tags} == {"Human rights", "ROMED2"}


def test_an_editor_typing_a_tag_in_either_language_gets_the_same_tag(translated):
    tag, english_only, article = translated
    other = make_article("Another")
    other.tags.set(["Droits de l’homme", "Human rights", "ROMED2", "Brand new"])
    assert set(other.tags.all()) >= {tag, english_only}
    assert other.tags.count() == 3
    new = Tag.objects.get(slug="brand-new")
    assert new.name_en == "Brand new" and not new.name_fr
    assert Tag.objects.count() == 3


def test_article_form_in_french_saves_the_french_names_back_unchanged(admin_client, translated):
    """The admin shows an editor working in French the French names; saving keeps the tags."""
    _tag, _english_only, article = translated
    page = html(
        admin_client.get(f"/admin/news/article/{article.pk}/change/", HTTP_ACCEPT_LANGUAGE="fr")
    )
    shown = HTMLParser(page).css_first("input[name=tags]").attributes["value"]
    assert "Droits de l’homme" in shown
    article.tags.set([name.strip().strip('"') for name in shown.split(",")])
    assert Tag.objects.count() == 2
    assert article.tags.count() == 2


@pytest.mark.django_db
def test_editors_manage_tags_on_a_page_of_their_own(admin_client, translated):
    page = html(admin_client.get("/admin/news/tag/"))
    rows = HTMLParser(page).css("#result_list tbody tr")
    cells = {row.css_first("th").text(): [td.text() for td in row.css("td")] for row in rows}
    assert cells["Human rights"][1:] == ["Droits de l’homme", "human-rights", "1"]
    assert "content type" not in page.lower() and "object id" not in page.lower()
    found = html(admin_client.get("/admin/news/tag/?q=homme"))
    assert "Human rights" in found and "ROMED2" not in found
    # taggit's own screen is gone.
    index = html(admin_client.get("/admin/"))
    assert "/admin/news/tag/" in index and "/admin/taggit/" not in index


def test_editor_translates_a_tag_and_the_french_page_follows(admin_client, client, translated):
    _tag, english_only, _article = translated
    response = admin_client.post(
        f"/admin/news/tag/{english_only.pk}/change/",
        {"name_en": "ROMED2", "name_fr": "ROMED2 (médiation)", "slug": "romed2"},
    )
    assert response.status_code == 302
    assert "ROMED2 (médiation)" in tag_links(html(client.get("/fr/news/")))


def test_two_tags_cannot_share_a_name_in_any_language(admin_client, translated):
    response = admin_client.post(
        "/admin/news/tag/add/", {"name_en": "Droits de l’homme", "name_fr": "", "slug": ""}
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Another tag is already called “Droits de l’homme”." in errors["name_en"]


def test_a_tag_without_an_english_name_is_refused_at_the_field(admin_client, db):
    response = admin_client.post("/admin/news/tag/add/", {"name_en": "", "name_fr": "Logement"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name_en"]


def test_demo_tags_have_french_names(demo_content, client):
    assert not Tag.objects.filter(name_fr__isnull=True).exists()
    assert not Tag.objects.filter(name_fr="").exists()
    names = tag_links(html(client.get("/fr/news/")))
    assert "Alliance ukrainienne" in names and "Ukrainian Alliance" not in names


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_every_tag_and_its_articles():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldTag = old.get_model("taggit", "Tag")
    OldArticle = old.get_model("news", "Article")
    OldTagged = old.get_model("news", "TaggedArticle")
    housing = OldTag.objects.create(name="Housing", slug="housing")
    rights = OldTag.objects.create(name="Human rights", slug="human-rights")
    unused = OldTag.objects.create(name="Unused", slug="unused")
    first = OldArticle.objects.create(title="First", title_en="First", slug="first")
    second = OldArticle.objects.create(title="Second", title_en="Second", slug="second")
    OldTagged.objects.create(content_object=first, tag=housing)
    OldTagged.objects.create(content_object=first, tag=rights)
    OldTagged.objects.create(content_object=second, tag=rights)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    NewTag = new.get_model("news", "Tag")
    moved = {tag.slug: (tag.pk, tag.name_en) for tag in NewTag.objects.all()}
    assert moved == {
        "housing": (housing.pk, "Housing"),
        "human-rights": (rights.pk, "Human rights"),
        "unused": (unused.pk, "Unused"),
    }
    links = new.get_model("news", "TaggedArticle").objects.values_list(
        "content_object__slug", "tag__slug"
    )
    assert sorted(links) == [
        ("first", "housing"),
        ("first", "human-rights"),
        ("second", "human-rights"),
    ]
    assert not new.get_model("taggit", "Tag").objects.exists()
    # A tag made after the move gets a fresh id (the id sequence moved on).
    assert NewTag.objects.create(name="Later", name_en="Later", slug="later").pk > unused.pk

    # And back.
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    back = executor.loader.project_state(BEFORE).apps
    assert sorted(back.get_model("taggit", "Tag").objects.values_list("slug", flat=True)) == [
        "housing",
        "human-rights",
        "later",
        "unused",
    ]
    assert back.get_model("news", "TaggedArticle").objects.count() == 3
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Article.objects.count() == 2
