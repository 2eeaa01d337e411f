import re

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.loader import MigrationLoader

from news.models import Article
from pages.models import Page
from participants.models import Participant
from practices.models import Practice
from resources.models import Document
from search import registry
from search.backends import search
from search.query import highlight, words
from search.vectors import (
    SEARCH_CONFIGS,
    AddSearchVectors,
    RemoveSearchVectors,
    columns,
    vector_column,
    vector_sql,
)
from submissions.models import NGOPartner

from ..pages_helpers import assert_public_page

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite path")


def results(response):
    """(title without marks, href) of every result shown."""
    html = response.content.decode()
    found = re.findall(r'<li><h3><a href="([^"]+)">(.*?)</a></h3>', html)
    return [(re.sub(r"</?mark>", "", title), href) for href, title in found]


def counts(response):
    html = response.content.decode()
    nav = re.search(r'<nav class="search-kinds".*?</nav>', html, re.S).group()
    return {label.strip(): int(n) for label, n in re.findall(r">([^<>]+) \((\d+)\)<", nav)}


def page(title_en, body_en, **fields):
    fields.setdefault("is_published", True)
    return Page.objects.create(title_en=title_en, body_en=body_en, **fields)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("query", ["", "?q=roma", "?q=" + "x" * 500])
def test_search_is_a_public_page(client, demo_content, lang, query):
    assert_public_page(client, f"/{lang}/search/{query}", lang)


@pytest.mark.django_db
def test_empty_and_overlong_queries_are_handled(client):
    response = client.get("/en/search/?q=")
    assert response.status_code == 200
    assert "Type one or more words" in response.content.decode()
    response = client.get("/en/search/?q=" + "roma " * 100)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "at most 200 characters" in html
    for odd in ["%00", "'", '"', "&|!:*", "-", "( )", "or", "%F0%9F%98%80"]:
        assert client.get(f"/en/search/?q={odd}").status_code == 200, odd


@pytest.mark.django_db
def test_results_are_counted_per_kind_and_found_everywhere(client):
    page("Housing mediators", "<p>Mediators help families find housing.</p>")
    Practice.objects.create(
        title_en="Mediators in schools",
        summary_en="School mediators.",
        country="FR",
        place="Lyon",
        type="promising",
    )
    response = client.get("/en/search/?q=mediators")
    assert counts(response) == {
        "All": 2,
        "Pages": 1,
        "Participants": 0,
        "Signatories of the Declaration": 0,
        "NGO partners": 0,
        "Good practices": 1,
        "Documents": 0,
    } | {k: v for k, v in counts(response).items() if k == "News and events"}
    found = results(response)
    assert ("Housing mediators", "/en/housing-mediators/") in found
    assert any(title == "Mediators in schools" for title, _href in found)


@pytest.mark.django_db
def test_participants_and_documents_are_found(client, demo_content):
    participant = Participant.objects.get(name_en="Strasbourg")
    response = client.get("/en/search/?q=strasbourg")
    assert ("Strasbourg", participant.get_absolute_url()) in results(response)
    Document.objects.create(
        kind=Document.Kind.RESOLUTION,
        number="333",
        year=2011,
        title_en="The situation of Roma in Europe",
        url="https://example.org/resolution-333.pdf",
    )
    Document.objects.create(
        kind=Document.Kind.RECOMMENDATION,
        number="315",
        year=2011,
        title_en="The situation of Roma in Europe",
        url="https://example.org/recommendation-315.pdf",
    )
    response = client.get("/en/search/?q=situation+of+roma")
    assert counts(response)["Documents"] == 2
    assert "Resolution 333 (2011)" in response.content.decode()


@pytest.mark.django_db
def test_drafts_are_not_found(client):
    page("Secret budget", "<p>Budget.</p>", is_published=False)
    assert results(client.get("/en/search/?q=budget")) == []


@pytest.mark.django_db
def test_one_kind_paginates(client):
    for i in range(25):
        page(f"Seminar {i}", "<p>A seminar.</p>", slug=f"seminar-{i}")
    response = client.get("/en/search/?q=seminar&kind=pages")
    assert len(results(response)) == 20
    assert 'href="?q=seminar&amp;kind=pages&amp;page=2"' in response.content.decode()
    assert len(results(client.get("/en/search/?q=seminar&kind=pages&page=2"))) == 5
    assert client.get("/en/search/?q=seminar&kind=pages&page=9").status_code == 404
    # Without a kind, each kind shows its best few and links to the rest.
    response = client.get("/en/search/?q=seminar")
    assert len(results(response)) == 5
    assert "All 25 results in Pages" in response.content.decode()


@pytest.mark.django_db
def test_snippet_is_escaped_then_highlighted(client):
    page(
        "Notes",
        "<p>Mayors &amp; <em>mediators</em> wrote &lt;script&gt;alert(1)&lt;/script&gt;.</p>",
    )
    html = client.get("/en/search/?q=mediators").content.decode()
    assert (
        "Mayors &amp; <mark>mediators</mark> wrote &lt;script&gt;alert(1)&lt;/script&gt;." in html
    )
    assert "<script>alert" not in html


def test_highlight_keeps_accents_and_finds_plurals():
    assert words('"Roma" housing -camps or') == ["Roma", "housing"]
    text = "Les logements des familles roms à Montreuil."
    assert highlight(text, ["logement", "Rom"]) == (
        "Les <mark>logements</mark> des familles <mark>roms</mark> à Montreuil."
    )
    assert highlight("Éducation pour tous", ["education"]) == "<mark>Éducation</mark> pour tous"
    long_text = "word " * 100 + "target " + "word " * 100
    snippet = highlight(long_text, ["target"])
    assert snippet.startswith("… ") and snippet.endswith(" …") and "<mark>target</mark>" in snippet


@on_postgresql
@pytest.mark.django_db
def test_full_text_search_stems_in_the_visitors_language(client):
    page(
        "Housing",
        "<p>Housing for Roma families.</p>",
        title_fr="Logement",
        body_fr="<p>Les municipalités construisent des logements pour les familles roms.</p>",
    )
    page("Schools", "<p>Children go to school.</p>", title_fr="Écoles")
    # "logement" finds "logements" through the French configuration's stemming.
    assert [t for t, _h in results(client.get("/fr/search/?q=logement"))] == ["Logement"]
    assert [t for t, _h in results(client.get("/fr/search/?q=municipalité"))] == ["Logement"]
    # English stemming: "families" finds "family".
    assert [t for t, _h in results(client.get("/en/search/?q=family"))] == ["Housing"]


@on_postgresql
@pytest.mark.django_db
def test_full_text_search_ranks_titles_first(client):
    page("Mediation", "<p>About something else.</p>", slug="a")
    page("Other", "<p>Mediation is mentioned here once.</p>", slug="b")
    assert [t for t, _h in results(client.get("/en/search/?q=mediation"))] == [
        "Mediation",
        "Other",
    ]


@on_sqlite
@pytest.mark.django_db
def test_simple_search_needs_every_word_and_ranks_titles_first(client):
    page("Mediation", "<p>About something else entirely.</p>", slug="a")
    page("Other", "<p>Mediation is mentioned here, with Roma.</p>", slug="b")
    assert [t for t, _h in results(client.get("/en/search/?q=mediation"))] == [
        "Mediation",
        "Other",
    ]
    assert [t for t, _h in results(client.get("/en/search/?q=mediation+roma"))] == ["Other"]


@pytest.mark.django_db
def test_search_queries_do_not_grow_with_the_data(client, django_assert_max_num_queries):
    for size in (10, 1000):
        Page.objects.all().delete()
        Page.objects.bulk_create(
            Page(
                title_en=f"Seminar {i}",
                slug=f"s{i}",
                path=f"s{i}",
                body_en="<p>A seminar on housing.</p>",
                is_published=True,
            )
            for i in range(size)
        )
        client.get("/en/search/?q=seminar")
        with django_assert_max_num_queries(16):
            response = client.get("/en/search/?q=seminar")
        assert counts(response)["Pages"] == size


def article(title_en, body_en, **fields):
    fields.setdefault("is_published", True)
    return Article.objects.create(title_en=title_en, body_en=body_en, **fields)


@on_postgresql
@pytest.mark.django_db
def test_a_french_article_is_found_by_a_french_word(client):
    article(
        "Roma inclusion in Lviv",
        "<p>Mayors met in Lviv.</p>",
        title_fr="Inclusion des Roms à Lviv",
        body_fr="<p>Les maires se sont réunis pour parler des expulsions de campements.</p>",
    )
    article("Another article", "<p>Nothing related.</p>", title_fr="Autre article")
    # "expulsion" (singular) finds "expulsions" through French stemming.
    response = client.get("/fr/search/?q=expulsion")
    assert [title for title, _href in results(response)] == ["Inclusion des Roms à Lviv"]
    assert counts(response)["Actualités et événements"] == 1
    assert "<mark>expulsions</mark>" in response.content.decode()


@on_sqlite
@pytest.mark.django_db
def test_an_english_article_is_found_by_an_english_word(client):
    article("Roma Day in Strasbourg", "<p>Celebrations across Europe.</p>", lead="Every April.")
    article("Another article", "<p>Nothing related.</p>")
    response = client.get("/en/search/?q=celebrations")
    assert [title for title, _href in results(response)] == ["Roma Day in Strasbourg"]
    assert counts(response)["News and events"] == 1


@pytest.mark.django_db
def test_unpublished_and_future_articles_are_not_found(client):
    from datetime import timedelta

    from django.utils import timezone

    article("Draft roundtable", "<p>x</p>", is_published=False)
    article("Future roundtable", "<p>x</p>", published_at=timezone.now() + timedelta(days=3))
    assert results(client.get("/en/search/?q=roundtable")) == []


@on_postgresql
@pytest.mark.django_db
def test_an_untranslated_french_field_is_searched_in_english(client):
    article(
        "Roma Day in Strasbourg",
        "<p>Celebrations across Europe.</p>",
        title_fr="Journée des Roms à Strasbourg",
    )
    article(
        "Roma Day in Lyon",
        "<p>Celebrations in Lyon.</p>",
        title_fr="Journée des Roms à Lyon",
        body_fr="<p>Fêtes à Lyon.</p>",
    )
    # The first article's French text is its English one; the second has its own.
    response = client.get("/fr/search/?q=celebrations")
    assert [title for title, _href in results(response)] == ["Journée des Roms à Strasbourg"]
    response = client.get("/fr/search/?q=fêtes")
    assert [title for title, _href in results(response)] == ["Journée des Roms à Lyon"]


@on_postgresql
@pytest.mark.django_db
def test_a_record_changed_without_save_is_found_by_its_new_words(client):
    housing = article("Housing", "<p>Housing for Roma families.</p>")
    Article.objects.filter(pk=housing.pk).update(body_en="<p>A vaccination campaign.</p>")
    assert [t for t, _h in results(client.get("/en/search/?q=vaccination"))] == ["Housing"]
    assert results(client.get("/en/search/?q=families")) == []


@on_postgresql
@pytest.mark.django_db
def test_the_search_reads_the_index(client):
    Article.objects.bulk_create(
        Article(
            title_en=f"Seminar {n}",
            slug=f"seminar-{n}",
            body_en="<p>A seminar on housing.</p>",
            is_published=True,
        )
        for n in range(1000)
    )
    article(
        "Roma inclusion in Lviv",
        "<p>Mayors met in Lviv.</p>",
        body_fr="<p>Les maires ont parlé des expulsions de campements.</p>",
    )
    with connection.cursor() as cursor:
        # New rows wait in the GIN indexes' pending lists until a vacuum; the
        # planner counts that list as a cost, so flush it as autovacuum would.
        for language in ("en", "fr"):
            cursor.execute(
                "SELECT gin_clean_pending_list(%s::regclass)",
                [f"news_article_search_vector_{language}"],
            )
        cursor.execute("ANALYZE news_article")
        # Planning as on a large table: an index rather than reading every row.
        cursor.execute("SET LOCAL enable_seqscan = off")
    kind = registry.get_kind("articles")
    for language, word in [("en", "mayor"), ("fr", "expulsion")]:
        plan = search(kind, word, language).explain()
        assert f"Bitmap Index Scan on news_article_search_vector_{language}" in plan, plan
        assert search(kind, word, language).count() == 1


@on_postgresql
@pytest.mark.django_db
def test_the_stored_vectors_hold_what_each_kind_searches(demo_content):
    Practice.objects.create(
        title_en="Mediators in schools",
        title_fr="Médiateurs à l'école",
        summary_en="School mediators.",
        description_en="<p>Mediators meet the families.</p>",
        country="FR",
        place="Lyon",
        type="promising",
    )
    # The demo content has no NGO partner: the sources name none.
    NGOPartner.objects.create(name="Association Égalité", country="FR")
    # Nor any document: the sources give no file or address.
    Document.objects.create(
        kind=Document.Kind.BROCHURE, title_en="Brochure", url="https://example.org/b.pdf"
    )
    quote = connection.ops.quote_name
    for kind in registry.kinds():
        model = kind.queryset().model
        table = model._meta.db_table
        assert kind.queryset().exists(), kind.key
        with connection.cursor() as cursor:
            indexes = connection.introspection.get_constraints(cursor, table).values()
            indexed = {tuple(index["columns"]) for index in indexes if index.get("type") == "gin"}
            for language, config in SEARCH_CONFIGS.items():
                assert (vector_column(language),) in indexed, (kind.key, language)
                expected = vector_sql(columns(model, kind.fields, language), config, quote)
                cursor.execute(
                    f"SELECT count(*) FROM {quote(table)} "
                    f"WHERE {quote(vector_column(language))} IS DISTINCT FROM ({expected})"
                )
                assert cursor.fetchone() == (0,), (kind.key, language)


@on_postgresql
@pytest.mark.django_db
def test_a_searched_column_changes_type_with_the_vectors_set_aside(client):
    page("Housing mediators", "<p>Mediators help families find housing.</p>")
    longer = 'ALTER TABLE "pages_page" ALTER COLUMN "title_en" TYPE varchar(300)'
    with connection.cursor() as cursor:
        # Check the page's deferred foreign keys now: a table with pending checks is not altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        with pytest.raises(DatabaseError, match="generated column"), transaction.atomic():
            cursor.execute(longer)
    state = MigrationLoader(connection).project_state()
    vectors = {"fields": ("title", "summary", "body"), "configs": SEARCH_CONFIGS}
    with connection.schema_editor() as editor:
        RemoveSearchVectors("page", **vectors).database_forwards("pages", editor, state, state)
        editor.execute(longer)
        AddSearchVectors("page", **vectors).database_forwards("pages", editor, state, state)
    assert results(client.get("/en/search/?q=mediator")) == [
        ("Housing mediators", "/en/housing-mediators/")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_page_links_surround_the_page_shown(client, lang):
    for i in range(200):
        page(f"Seminar {i}", "<p>A seminar.</p>", slug=f"seminar-{i}")
    content = client.get(f"/{lang}/search/?q=seminar&kind=pages&page=7").content.decode()
    pager = content.split('<nav class="pagination"')[1].split("</nav>")[0]
    numbers = re.findall(r">(\d+|…)</", pager)
    assert numbers == ["1", "…", "5", "6", "7", "8", "9", "10"]
    assert 'href="?q=seminar&amp;kind=pages&amp;page=7" aria-current="page"' in pager


def test_folding_drops_accents_and_case_one_character_for_one():
    from search.query import fold

    text = "Économie ÆRØ ß İstanbul Ștefan ĞÜŞ Ωméga ﬁn " + "".join(map(chr, range(0x20, 0x250)))
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("economie ærø ß istanbul stefan gus ωmega ﬁn ")
    assert fold("Égalité") == "egalite" and fold("égalité") == fold("EGALITE")
