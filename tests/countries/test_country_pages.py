"""A country's page gathers every kind of record the site holds for it; the index
lists every country with one; every country name elsewhere links to its page."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from selectolax.lexbor import LexborHTMLParser

from countries.records import declaration_languages
from declaration.models import Declaration, DeclarationTranslation, Signatory
from news.models import Tag
from pages.models import SiteSettings
from participants.models import NationalNetwork, Participant
from practices.models import Practice, Theme
from prize.models import PrizeEdition, PrizeWinner

from ..news_helpers import make_article

pytestmark = pytest.mark.django_db


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return LexborHTMLParser(response.content.decode())


@pytest.fixture
def hungary():
    """One record of every kind for Hungary, and one for Austria beside it."""
    network = NationalNetwork.objects.create(
        name_en="Hungarian network of towns", name_fr="Réseau hongrois des villes", country="HU"
    )
    participant = Participant.objects.create(
        name_en="Pécs",
        kind=Participant.Kind.CITY,
        country="HU",
        date_joined=datetime.date(2014, 5, 1),
        date_joined_precision="month",
        national_network=network,
    )
    Participant.objects.create(name_en="Graz", country="AT")
    Participant.objects.create(name_en="Former town", country="HU", is_active=False)
    # Austria's two come first in English order: Hungary's numbers start at 3.
    Signatory.objects.create(name="Graz, City", country="AT")
    Signatory.objects.create(name="Linz, City", country="AT")
    Signatory.objects.create(
        name="Pécs, City",
        country="HU",
        date_signed=datetime.date(2019, 4, 9),
        participant=participant,
    )
    Signatory.objects.create(name="Szeged, City", country="HU")
    Signatory.objects.create(name="Hidden, City", country="HU", is_public=False)
    theme = Theme.objects.first()
    practice = Practice.objects.create(
        title_en="Homes for families",
        title_fr="Des logements pour les familles",
        summary_en="Homes.",
        country="HU",
        place="Pécs",
        type=Practice.Type.PROMISING,
        year=2018,
    )
    practice.themes.add(theme)
    Practice.objects.create(
        title_en="Unpublished practice", summary_en="-", country="HU", place="Pécs",
        type=Practice.Type.PROMISING, is_published=False,
    )  # fmt: skip
    edition = PrizeEdition.objects.create(year=2016)
    PrizeWinner.objects.create(
        edition=edition, name="Pécs", country="HU", rank=1, participant=participant,
        project="Schools open to all",
    )  # fmt: skip
    tag = Tag.objects.create(name_en="Hungary", name_fr="Hongrie")
    make_article("News from Pécs", title_fr="Des nouvelles de Pécs", tags=[tag])
    make_article("Untagged news")
    make_article("A draft from Pécs", tags=[tag], is_published=False)
    today = timezone.localdate()
    make_article(
        "Meeting in Budapest", title_fr="Réunion à Budapest",
        event_start=today + datetime.timedelta(days=30), event_city_en="Budapest",
        event_country="HU",
    )  # fmt: skip
    make_article(
        "Seminar in Szeged", event_start=today - datetime.timedelta(days=300),
        event_city_en="Szeged", event_country="HU", days_ago=320,
    )  # fmt: skip
    DeclarationTranslation.objects.create(
        declaration=Declaration.load(), language="hu", text="Nyilatkozat."
    )
    DeclarationTranslation.objects.create(
        declaration=Declaration.load(), language="de", text="Erklärung."
    )
    return participant


def flat(node):
    """A node's text as a reader hears it: spaces, no-break ones included, as one space."""
    return " ".join(node.text().split())


def texts(tree, selector):
    return [flat(node) for node in tree.css(selector)]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            {
                "h1": "Hungary",
                "counts": [
                    "1 participant", "2 signatories of the Declaration", "1 national network",
                    "1 good practice", "1 Dosta! Prize winner", "2 events", "1 news article",
                ],
                "headings": [
                    "Participants of the Alliance", "Signatories of the Declaration",
                    "Growth over time in Hungary", "The Declaration in the country's language",
                    "National networks",
                    "Good practices", "Dosta!-Congress Prize winners", "Upcoming events",
                    "Past events", "News",
                ],
                "participant": "City, joined in May 2014",
                "network": "Hungarian network of towns",
                "practice": "Homes for families",
                "news": "News from Pécs",
                "event": "Meeting in Budapest",
                "prize": "Prize 2016, 1st prize",
            },
        ),
        (
            "fr",
            {
                "h1": "Hongrie",
                "counts": [
                    "1 participant", "2 signataires de la Déclaration", "1 réseau national",
                    "1 bonne pratique", "1 lauréat du prix Dosta!", "2 événements",
                    "1 actualité",
                ],
                "headings": [
                    "Participants de l’Alliance", "Signataires de la Déclaration",
                    "Évolution dans le temps : Hongrie", "La Déclaration dans la langue du pays",
                    "Réseaux nationaux",
                    "Bonnes pratiques", "Lauréats du prix Dosta!-Congrès", "Événements à venir",
                    "Événements passés", "Actualités",
                ],
                "participant": "Ville, a rejoint l’Alliance en mai 2014",
                "network": "Réseau hongrois des villes",
                "practice": "Des logements pour les familles",
                "news": "Des nouvelles de Pécs",
                "event": "Réunion à Budapest",
                "prize": "Prix 2016, 1er prix",
            },
        ),
    ],
)  # fmt: skip
def test_a_country_page_gathers_every_kind_of_record_in_the_page_language(
    client, hungary, lang, expected
):
    tree = page(client, f"/{lang}/countries/hu/")
    assert texts(tree, "h1") == [expected["h1"]]
    assert texts(tree, ".country-counts li") == expected["counts"]
    assert texts(tree, "main h2") == expected["headings"]
    participants = tree.css("#participants + ul li")
    assert [node.css_first("a").text() for node in participants] == ["Pécs"]
    assert participants[0].css_first("a").attributes["href"] == hungary.get_absolute_url()
    assert participants[0].css_first(".meta").text(strip=True) == expected["participant"]
    # Signatories: public ones only, each with its number on the Declaration page,
    # the one that is a participant linked to its page.
    rows = [
        [cell.text(strip=True) for cell in row.css("td, th")]
        for row in tree.css("#signatories ~ div tbody tr")
    ]
    assert [row[:2] for row in rows] == [["3", "Pécs, City"], ["4", "Szeged, City"]]
    assert (
        tree.css_first("#signatories ~ div tbody th a").attributes["href"]
        == hungary.get_absolute_url()
    )
    assert tree.css_first("#signatories ~ div tbody time").attributes["datetime"] == "2019-04-09"
    # The Declaration in Hungarian, not in German.
    translations = tree.css("#declaration-translations + ul a")
    assert [link.attributes["href"] for link in translations] == [
        f"/{lang}/declaration/translations/hu/"
    ]
    assert texts(tree, "#networks + ul li > :first-child") == [expected["network"]]
    assert texts(tree, "#practices + ul li a") == [expected["practice"]]
    assert expected["prize"] in tree.css_first("#winners + ul .meta").text(strip=True)
    assert texts(tree, "#upcoming-events + ul h3") == [expected["event"]]
    assert texts(tree, "#past-events + ul h3") == ["Seminar in Szeged"]
    assert texts(tree, "#news + ul li a") == [expected["news"]]
    html = tree.html
    for absent in (
        "Former town",
        "Hidden, City",
        "Unpublished practice",
        "A draft from Pécs",
        "Graz",
    ):
        assert absent not in html


def test_the_numbers_are_those_of_the_declaration_page(client, hungary):
    declaration = page(client, "/en/declaration/")
    numbers = {
        row.css("th")[0].text(strip=True): row.css("td")[0].text(strip=True)
        for row in declaration.css("table.signatories tbody tr")
    }
    country = page(client, "/en/countries/hu/")
    for row in country.css("#signatories ~ div tbody tr"):
        assert numbers[row.css_first("th").text(strip=True)] == row.css_first("td").text(strip=True)


def test_empty_sections_are_left_out(client):
    Signatory.objects.create(name="Graz, City", country="AT")
    tree = page(client, "/en/countries/at/")
    assert texts(tree, "main h2") == ["Signatories of the Declaration"]
    assert texts(tree, ".country-counts li") == ["1 signatory of the Declaration"]
    # No date known for any of them: no column of "not known".
    assert texts(tree, "#signatories ~ div thead th") == ["No.", "Authority"]


def test_a_country_known_only_by_an_event_or_a_tag_has_a_page(client):
    make_article("Conference", event_start=timezone.localdate(), event_country="PT")
    tag = Tag.objects.create(name_en="Spain", name_fr="Espagne")
    make_article("News from Spain", tags=[tag])
    assert client.get("/fr/countries/pt/").status_code == 200
    assert client.get("/fr/countries/es/").status_code == 200
    index = page(client, "/fr/countries/")
    assert texts(index, ".country-list a") == ["Espagne", "Portugal"]


def test_a_tag_named_in_french_only_counts_too(client):
    tag = Tag.objects.create(name_en="Magyarország", name_fr="Hongrie")
    make_article("Une nouvelle", tags=[tag])
    tree = page(client, "/en/countries/hu/")
    assert texts(tree, "#news + ul li a") == ["Une nouvelle"]


def count_queries(client, path):
    cache.clear()  # a page rendered afresh, not a page-cache hit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def add_rows(start, count):
    network = NationalNetwork.objects.first()
    edition = PrizeEdition.objects.first()
    tag = Tag.objects.get(name_en="Hungary")
    theme = Theme.objects.first()
    Participant.objects.bulk_create(
        Participant(name_en=f"Town {n}", name=f"Town {n}", slug=f"town-{n}", country="HU",
                    national_network=network)
        for n in range(start, start + count)
    )  # fmt: skip
    Signatory.objects.bulk_create(
        Signatory(name=f"Town {n}", country=["HU", "AT"][n % 2])
        for n in range(start, start + count)
    )
    for n in range(start, start + count // 10):
        practice = Practice.objects.create(
            title_en=f"Practice {n}", summary_en="-", country="HU", place=f"Town {n}",
            type=Practice.Type.REPLICATED,
        )  # fmt: skip
        practice.themes.add(theme)
        PrizeWinner.objects.create(edition=edition, name=f"Town {n}", country="HU")
        make_article(f"News {n}", tags=[tag])
        make_article(f"Event {n}", event_start=timezone.localdate(), event_country="HU")


@pytest.mark.parametrize("path", ["/en/countries/hu/", "/fr/countries/hu/", "/fr/countries/"])
def test_the_query_count_does_not_grow_with_the_rows(client, hungary, path):
    SiteSettings.load()
    at_few = count_queries(client, path)
    add_rows(0, 500)
    assert count_queries(client, path) == at_few
    add_rows(500, 500)
    assert count_queries(client, path) == at_few


def test_the_index_lists_every_country_with_a_record_in_local_order_with_its_counts(
    client, hungary
):
    tree = page(client, "/fr/countries/")
    rows = tree.css(".country-list li")
    assert [row.css_first("a").text() for row in rows] == ["Autriche", "Hongrie"]
    assert rows[1].css_first("a").attributes["href"] == "/fr/countries/hu/"
    assert flat(rows[1].css_first(".meta")) == (
        "1 participant, 2 signataires, 1 réseau national, 1 bonne pratique, "
        "1 lauréat du prix, 2 événements, 1 actualité"
    )
    english = page(client, "/en/countries/")
    assert english.css(".country-list .meta")[0].text(strip=True) == "1 participant, 2 signatories"


def test_the_demo_countries_have_their_pages_in_both_languages(client, demo_content):
    for language, name in (("en", "France"), ("fr", "France")):
        with translation.override(language):
            url = reverse("countries:detail", kwargs={"code": "fr"})
        tree = page(client, url)
        assert texts(tree, "h1") == [name]
        assert "Strasbourg" in texts(tree, "#participants + ul li a")
    index = page(client, "/fr/countries/")
    assert index.css_first('a[href="/fr/countries/fr/"]') is not None
    assert "Allemagne" in texts(index, ".country-list a")


@pytest.mark.parametrize("code", ["zz", "FR", "aq"])
def test_an_unknown_code_an_upper_case_one_or_a_country_without_records_is_not_found(
    client, demo_content, code
):
    assert client.get(f"/en/countries/{code}/").status_code == 404


def test_a_country_language_comes_from_cldr():
    assert declaration_languages("HU") == ["hu"]
    assert declaration_languages("RS") == ["sr"]
    assert "fr" in declaration_languages("BE") and "nl" in declaration_languages("BE")


def test_country_names_elsewhere_link_to_the_country_page(client, hungary):
    links = {
        "/en/participants/": "/en/countries/hu/",
        hungary.get_absolute_url(): "/en/countries/hu/",
        "/fr/declaration/": "/fr/countries/hu/",
        "/en/good-practices/": "/en/countries/hu/",
        Practice.objects.published().get().get_absolute_url(): "/en/countries/hu/",
        "/fr/dosta-prize/": "/fr/countries/hu/",
        "/en/events/": "/en/countries/hu/",
    }
    for path, target in links.items():
        tree = page(client, path)
        assert tree.css(f'main a[href="{target}"]'), path
    participants = page(client, "/en/participants/")
    assert participants.css_first('h2 a[href="/en/countries/hu/"]').text() == "Hungary"
    assert participants.css_first('main a[href="/en/countries/"]') is not None
    assert page(client, "/en/declaration/").css_first('main a[href="/en/countries/"]') is not None


def test_the_sitemap_lists_the_country_pages(client, hungary):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/countries/hu/" in xml and "/fr/countries/at/" in xml
    assert "/en/countries/</loc>" in xml


@pytest.mark.parametrize(
    "lang, participants_link, signatories_link, practices_link",
    [
        (
            "en",
            "All 501 participants of the country in the directory",
            "All 252 signatories of the country in the Declaration's table",
            "All 51 good practices of the country",
        ),
        (
            "fr",
            "Les 501 participants du pays dans l’annuaire",
            "Les 252 signataires du pays dans le tableau de la Déclaration",
            "Les 51 bonnes pratiques du pays",
        ),
    ],
)
def test_long_lists_show_their_first_fifty_and_link_to_the_whole_lists(
    client, hungary, lang, participants_link, signatories_link, practices_link
):
    add_rows(0, 500)  # Hungary: 501 participants, 252 signatories, 51 practices
    tree = page(client, f"/{lang}/countries/hu/")
    counts = [flat(node) for node in tree.css(".country-counts li")]
    assert counts[:2] == (
        ["501 participants", "252 signatories of the Declaration"]
        if lang == "en"
        else ["501 participants", "252 signataires de la Déclaration"]
    )
    assert len(tree.css("#participants + ul li")) == 50
    assert len(tree.css("#signatories ~ div tbody tr")) == 50
    assert len(tree.css("#practices + ul li")) == 50
    links = {flat(node): node.attributes["href"] for node in tree.css("main section p a")}
    assert links[participants_link] == f"/{lang}/participants/?country=hu"
    assert links[signatories_link] == f"/{lang}/declaration/?country=hu"
    with translation.override(lang):
        assert links[practices_link] == reverse("practices:list") + "?country=HU"

    # The lists linked to hold every record of the country, with the same numbers.
    directory = page(client, links[participants_link])
    assert "501" in directory.css_first(".results-count").text()
    practices = page(client, links[practices_link])
    assert "51" in practices.css_first(".results-count").text()
    declaration = page(client, links[signatories_link])
    numbers = {
        row.css("th")[0].text(strip=True): row.css("td")[0].text(strip=True)
        for row in declaration.css("table.signatories tbody tr")
    }
    for row in tree.css("#signatories ~ div tbody tr"):
        assert numbers[row.css_first("th").text(strip=True)] == row.css_first("td").text(strip=True)


def test_the_counts_kept_for_every_page_follow_a_change(client, hungary):
    """The index's counts and a country's numbering are kept until the content
    changes: a new signatory shows at once, on a page the cache has not seen."""
    assert flat(page(client, "/en/countries/").css(".country-list .meta")[0]) == (
        "1 participant, 2 signatories"
    )
    assert page(client, "/en/countries/hu/").css_first("#signatories ~ div tbody td").text() == "3"
    Signatory.objects.create(name="Bregenz, City", country="AT")
    index = page(client, "/en/countries/?from=news")
    assert flat(index.css(".country-list .meta")[0]) == "1 participant, 3 signatories"
    country = page(client, "/en/countries/hu/?from=news")
    assert country.css_first("#signatories ~ div tbody td").text() == "4"


def test_another_address_of_a_country_page_reuses_its_content_without_its_records(
    client, hungary, monkeypatch
):
    """What every address of a country's page shows is kept once: a new address (a
    shared link's ?utm_source=) neither queries nor reads the country's records."""
    SiteSettings.load()
    first = page(client, "/en/countries/hu/")

    def read_again(code):
        raise AssertionError(f"the records of {code} were read again")

    monkeypatch.setattr("countries.views.country_records", read_again)
    with CaptureQueriesContext(connection) as queries:
        again = page(client, "/en/countries/hu/?utm_source=mail")
    assert len(queries) == 0
    assert again.css_first("main").html == first.css_first("main").html


def test_a_new_address_reads_the_cache_twice_its_page_then_all_the_pieces_it_shows(
    client, hungary, monkeypatch
):
    """The page cache's lookup, then the country's content read together with the
    menu, sidebar and footer: one round trip for every piece the page shows."""
    SiteSettings.load()
    page(client, "/en/countries/hu/")
    reads = []
    get_many = cache.get_many

    def counted(keys, *args, **kwargs):
        reads.append(list(keys))
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counted)
    again = page(client, "/en/countries/hu/?utm_source=mail")
    assert again.css_first("h1").text() == "Hungary"
    assert len(reads) == 2
    assert any("footer" in key for key in reads[1])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_news_naming_a_participant_of_the_country_is_on_its_page(client, lang):
    pecs = Participant.objects.create(name_en="Pécs", country="HU")
    gone = Participant.objects.create(name_en="Gone", country="HU", is_active=False)
    named = make_article("Pécs opens a Roma youth centre")
    named.participants.add(pecs)
    make_article("A former participant").participants.add(gone)
    make_article("Unrelated news")
    tree = page(client, f"/{lang}/countries/hu/")
    assert texts(tree, "#news + ul li a") == ["Pécs opens a Roma youth centre"]
    index = page(client, f"/{lang}/countries/")
    hungary = {"en": "Hungary", "fr": "Hongrie"}[lang]
    row = next(li for li in index.css(".country-list li") if hungary in li.text())
    assert {"en": "1 news article", "fr": "1 actualité"}[lang] in flat(row)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_country_page_draws_its_growth_with_the_same_figures_as_its_table(client, lang):
    Participant.objects.create(name_en="Pécs", country="HU", date_joined=datetime.date(2014, 5, 1))
    Participant.objects.create(name_en="Szeged", country="HU")
    Signatory.objects.create(name="Pécs, City", country="HU", date_signed=datetime.date(2016, 3, 1))
    tree = page(client, f"/{lang}/countries/hu/")
    chart = tree.css_first(".growth-chart")
    assert chart is not None
    title = {"en": "Growth over time in Hungary", "fr": "Évolution dans le temps : Hongrie"}
    assert title[lang] in flat(chart)
    rows = [flat(row) for row in chart.css("table tbody tr")]
    assert any(row.startswith("2014") for row in rows), rows
    assert any(row.startswith("2016") for row in rows), rows


def test_a_country_whose_records_have_no_date_draws_no_growth(client):
    Signatory.objects.create(name="Graz, City", country="AT")
    assert page(client, "/en/countries/at/").css_first(".growth-chart") is None
