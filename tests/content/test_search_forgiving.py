"""A search that forgives accents and case, stems in both languages, and matches whole words.

The same table of queries runs on whichever database the suite is given, and
asserts the same records: run this file on SQLite and on PostgreSQL
(DATABASE_URL=postgres://…) and both engines have found the same.
"""

import html as html_lib
import re

import pytest
from django.db import connection

from declaration.models import Signatory
from news.models import Article
from pages.models import Page
from participants.models import Participant
from search import registry
from search.backends import search
from search.query import highlight
from submissions.models import NGOPartner

SCHOOL = "Médiateurs à l'école"
SAFETY = "Sécurité des familles roms"
HOUSING_EN, HOUSING_FR = "Housing for Roma families", "Des logements pour les familles"
HOUSE_EN, HOUSE_FR = "A house for the community", "Un logement pour la communauté"
ROMACT = "ROMACT in Romania"


@pytest.fixture
def records(db):
    Page.objects.create(
        title_en="School mediators",
        title_fr=SCHOOL,
        body_en="<p>Mediators work with teachers.</p>",
        body_fr="<p>L'ÉCOLE accueille des médiateurs.</p>",
        is_published=True,
    )
    Page.objects.create(
        title_en="Safety of Roma families",
        title_fr=SAFETY,
        body_en="<p>Local police and the families meet.</p>",
        body_fr="<p>La police municipale rencontre les familles.</p>",
        is_published=True,
    )
    Article.objects.create(
        title_en=HOUSING_EN,
        title_fr=HOUSING_FR,
        body_en="<p>The city builds social housing.</p>",
        body_fr="<p>La ville construit des logements sociaux.</p>",
        is_published=True,
    )
    Article.objects.create(
        title_en=HOUSE_EN,
        title_fr=HOUSE_FR,
        body_en="<p>A new house opens.</p>",
        body_fr="<p>Un nouveau logement ouvre.</p>",
        is_published=True,
    )
    Article.objects.create(
        title_en=ROMACT,
        body_en="<p>The ROMACT programme works with mayors in Romania.</p>",
        is_published=True,
    )
    Signatory.objects.create(name="Şişli", kind="municipality", country="TR")
    Signatory.objects.create(name="Korçë", kind="municipality", country="AL")
    Signatory.objects.create(name="Hidden town", country="FR", is_public=False)
    Participant.objects.create(name="Korçë", kind="municipality", country="AL")
    NGOPartner.objects.create(name="Égalité Éducation", country="FR")


# (language, query): the titles found, whichever the database.
QUERIES = {
    ("fr", "ecole"): {SCHOOL},
    ("fr", "école"): {SCHOOL},
    ("fr", "ECOLE"): {SCHOOL},
    ("fr", "écoles"): {SCHOOL},
    ("fr", "securite"): {SAFETY},
    ("fr", "SÉCURITÉ"): {SAFETY},
    ("en", "sisli"): {"Şişli"},
    ("fr", "ŞİŞLİ"): {"Şişli"},
    ("en", "korce"): {"Korçë"},
    ("en", "egalite"): {"Égalité Éducation"},
    ("en", "house"): {HOUSING_EN, HOUSE_EN},
    ("en", "housing"): {HOUSING_EN, HOUSE_EN},
    ("fr", "logement"): {HOUSING_FR, HOUSE_FR},
    ("fr", "logements"): {HOUSING_FR, HOUSE_FR},
    ("en", "Roma"): {HOUSING_EN, "Safety of Roma families"},
    ("en", "roma families"): {HOUSING_EN, "Safety of Roma families"},
    ("en", "romact"): {ROMACT},
    ("en", "Romania"): {ROMACT},
    ("en", "rom"): set(),
    ("en", "hidden"): set(),
    # A French page without French text is searched in its English text.
    ("fr", "programme"): {ROMACT},
}


def found_titles(client, language, query):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    titles = re.findall(r'<li><h3><a href="[^"]+">(.*?)</a></h3>', html)
    return {html_lib.unescape(re.sub(r"</?mark>", "", title)) for title in titles}


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "query"), list(QUERIES))
def test_the_same_records_are_found_on_every_database(client, records, language, query):
    assert found_titles(client, language, query) == QUERIES[language, query], connection.vendor


@pytest.mark.django_db
def test_participants_signatories_and_partners_are_found_by_name(client, records):
    html = client.get("/en/search/", {"q": "korce"}).content.decode()
    assert 'href="/en/declaration/#signatories"><mark>Korçë</mark>' in html
    participant = Participant.objects.get(name_en="Korçë")
    assert f'href="{participant.get_absolute_url()}"><mark>Korçë</mark>' in html
    html = client.get("/fr/search/", {"q": "egalite"}).content.decode()
    assert "ONG partenaires (1)" in html
    assert 'href="/fr/partners/"><mark>Égalité</mark> Éducation' in html


@pytest.mark.django_db
def test_the_words_found_are_marked_and_no_others(client, records):
    html = client.get("/fr/search/", {"q": "ecole"}).content.decode()
    assert "Médiateurs à l&#x27;<mark>école</mark>" in html
    html = client.get("/en/search/", {"q": "roma"}).content.decode()
    assert "<mark>Roma</mark> families" in html and "<mark>ROMACT" not in html
    assert highlight("ROMACT in Romania, with Roma", ["Roma"]) == (
        "ROMACT in Romania, with <mark>Roma</mark>"
    )
    assert highlight("Des logements, la logistique", ["logement"], language="fr") == (
        "Des <mark>logements</mark>, la logistique"
    )


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the index of full-text search is PostgreSQL's"
)


@on_postgresql
@pytest.mark.django_db
def test_accent_free_words_are_found_through_the_index():
    Article.objects.bulk_create(
        Article(
            title_en=f"Seminar {n}",
            slug=f"seminar-{n}",
            body_en="<p>A seminar on housing.</p>",
            body_fr="<p>Un séminaire sur le logement.</p>",
            is_published=True,
        )
        for n in range(1000)
    )
    Article.objects.create(
        title_en="Schools", body_fr="<p>Les écoles de Korçë.</p>", is_published=True
    )
    Signatory.objects.bulk_create(Signatory(name=f"Town {n}", country="FR") for n in range(1000))
    Signatory.objects.create(name="Şişli", country="TR")
    with connection.cursor() as cursor:
        # New rows wait in the GIN indexes' pending lists until a vacuum: flush
        # them as autovacuum would, then plan as on a large table.
        for table in ("news_article", "declaration_signatory"):
            for language in ("en", "fr"):
                cursor.execute(
                    "SELECT gin_clean_pending_list(%s::regclass)",
                    [f"{table}_search_vector_{language}"],
                )
            cursor.execute(f"ANALYZE {table}")
        cursor.execute("SET LOCAL enable_seqscan = off")
    for key, table, language, word in [
        ("articles", "news_article", "fr", "ECOLE"),
        ("articles", "news_article", "fr", "korce"),
        ("signatories", "declaration_signatory", "en", "sisli"),
    ]:
        kind = registry.get_kind(key)
        plan = search(kind, word, language).explain()
        assert f"Bitmap Index Scan on {table}_search_vector_{language}" in plan, plan
        assert search(kind, word, language).count() == 1, word


@pytest.mark.django_db
def test_a_record_changed_or_deleted_without_save_is_searched_as_it_is_now(client):
    housing = Article.objects.create(
        title_en="Housing", body_en="<p>Housing for Roma families.</p>", is_published=True
    )
    Article.objects.filter(pk=housing.pk).update(body_en="<p>Une campagne de vaccination.</p>")
    assert found_titles(client, "en", "vaccination") == {"Housing"}
    assert found_titles(client, "en", "families") == set()
    Article.objects.filter(pk=housing.pk).delete()
    assert found_titles(client, "en", "housing") == set()
