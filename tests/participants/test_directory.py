"""The participants directory: filters that combine, with counts, a name search that
ignores accents, and the growth of the network over time (chart, table and CSV)."""

import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from selectolax.lexbor import LexborHTMLParser

from core.charts import growth_chart
from declaration.models import Declaration, Signatory
from pages.models import SiteSettings
from participants.models import Participant


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return LexborHTMLParser(response.content.decode())


def names(html):
    return [node.text() for node in html.css(".participant-list > li > a")]


def options(html, name):
    """{option value: its label} of the directory's select `name`."""
    return {
        node.attributes["value"]: node.text().strip()
        for node in html.css(f'form.filters select[name="{name}"] option')
    }


@pytest.fixture
def directory(db):
    """Six participants: two French cities (one has signed), a French region, a German
    city, a Turkish municipality and an Albanian one whose date of joining is not known."""
    SiteSettings.load()
    made = {}
    for name, kind, country, joined, precision in [
        ("Lyon", "city", "FR", datetime.date(2013, 3, 20), "day"),
        ("Lille", "city", "FR", datetime.date(2015, 1, 1), "year"),
        ("Val-de-Marne", "region", "FR", datetime.date(2013, 6, 1), "month"),
        ("Berlin", "city", "DE", datetime.date(2015, 5, 1), "month"),
        ("Şişli", "municipality", "TR", datetime.date(2016, 1, 1), "year"),
        ("Korçë", "municipality", "AL", None, "day"),
    ]:
        made[name] = Participant.objects.create(
            name_en=name,
            kind=kind,
            country=country,
            date_joined=joined,
            date_joined_precision=precision,
        )
    Signatory.objects.create(
        name="City of Lyon",
        country="FR",
        participant=made["Lyon"],
        date_signed=datetime.date(2019, 4, 9),
    )
    # A signatory that is not public does not make Lille a signatory.
    Signatory.objects.create(
        name="City of Lille", country="FR", participant=made["Lille"], is_public=False
    )
    Signatory.objects.create(name="Municipality of Korçë", country="AL")
    return made


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_filters_combine_and_each_option_counts_with_the_others(client, directory, lang):
    html = page(client, f"/{lang}/participants/")
    assert len(names(html)) == 6
    countries = options(html, "country")
    if lang == "en":
        assert countries == {
            "": "All countries (6)",
            "al": "Albania (1)",
            "fr": "France (3)",
            "de": "Germany (1)",
            "tr": "Türkiye (1)",
        }
    else:
        assert list(countries.values())[:3] == ["Tous les pays (6)", "Albanie (1)", "Allemagne (1)"]
    assert options(html, "year") == {
        "": f"{'All years' if lang == 'en' else 'Toutes les années'} (6)",
        "2013": "2013 (2)",
        "2015": "2015 (2)",
        "2016": "2016 (1)",
        "unknown": f"{'Date not known' if lang == 'en' else 'Date inconnue'} (1)",
    }
    assert list(options(html, "signed").values())[1:] == (
        ["Signed (1)", "Not signed (5)"] if lang == "en" else ["Signée (1)", "Non signée (5)"]
    )

    # Two filters: French cities. Each filter's counts are those of the other filter.
    html = page(client, f"/{lang}/participants/?country=fr&kind=city")
    assert sorted(names(html)) == ["Lille", "Lyon"]
    kinds = options(html, "kind")
    assert kinds["city"].endswith("(2)") and kinds["region"].endswith("(1)")
    assert "municipality" not in kinds  # no French municipality: not offered
    countries = options(html, "country")
    assert countries["fr"].endswith("(2)") and countries["de"].endswith("(1)")
    assert "al" not in countries
    selected = html.css_first('select[name="country"] option[selected]')
    assert selected.attributes["value"] == "fr"
    # The links give the same choices and keep the other filters.
    links = {node.text(): node.attributes["href"] for node in html.css(".facet-links a")}
    signed_label = "Signed (1)" if lang == "en" else "Signée (1)"
    assert links[signed_label] == "?country=fr&kind=city&signed=yes"

    # Three: the French cities that signed. Lille's signatory is not public.
    html = page(client, f"/{lang}/participants/?country=fr&kind=city&signed=yes")
    assert names(html) == ["Lyon"]
    assert names(page(client, f"/{lang}/participants/?signed=no&country=fr")) == [
        "Lille",
        "Val-de-Marne",
    ]
    summary = html.css_first(".results-count").text()
    assert summary.startswith("1 participant shown" if lang == "en" else "1 participant affiché")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_years_joined_keep_a_date_not_known_apart(client, directory, lang):
    assert sorted(names(page(client, f"/{lang}/participants/?year=2015"))) == ["Berlin", "Lille"]
    assert names(page(client, f"/{lang}/participants/?year=unknown")) == ["Korçë"]
    # A year with no participant gives an empty list, and says so, with the year still offered.
    html = page(client, f"/{lang}/participants/?year=1999")
    assert names(html) == []
    assert options(html, "year")["1999"] == "1999 (0)"
    assert ("No participant matches" if lang == "en" else "Aucun participant") in html.html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    ("query", "found"),
    [("sisli", ["Şişli"]), ("KORCE", ["Korçë"]), ("korçë", ["Korçë"]), ("lyon", ["Lyon"])],
)
def test_the_name_search_ignores_accents_and_capitals(client, directory, lang, query, found):
    html = page(client, f"/{lang}/participants/?q={query}")
    assert names(html) == found
    # The counts of the filters are those of the search.
    assert list(options(html, "country").values())[0].endswith("(1)")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    "query",
    [
        "country=%00",
        "country=zz",
        "country=%C2%B2",
        "year=%C2%B2",
        "year=20155",
        "year=%D9%A2%D9%A0%D9%A1%D9%A5",  # 2015 in Arabic-Indic digits
        "kind=%3Cscript%3E",
        "signed=maybe",
        "q=" + "x" * 300,
        "q=%22",
        "page=x",
        "country=fr&country=de",
    ],
)
def test_odd_filter_values_never_break_the_list(client, directory, lang, query):
    response = client.get(f"/{lang}/participants/?{query}")
    assert response.status_code in (200, 404)
    if response.status_code == 200 and "country=fr&country=de" not in query:
        html = LexborHTMLParser(response.content.decode())
        message = html.css_first("p.error-message")
        if "page=" not in query and "q=%22" not in query:
            assert message is not None, "an ignored filter is said to be ignored"
            assert len(names(html)) == 6, "and the whole list is shown"


@pytest.mark.django_db
@pytest.mark.parametrize("size", [10, 1000])
@pytest.mark.parametrize(
    "query", ["", "?country=fr&kind=city", "?year=2013&signed=no", "?q=place&year=unknown"]
)
def test_the_directory_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries, size, query
):
    codes = ["FR", "DE", "AT", "GR", "ES", "IT", "RS", "LV"]
    Participant.objects.bulk_create(
        Participant(
            name_en=f"Place {n}",
            slug=f"place-{n}",
            kind=["city", "region"][n % 2],
            country=codes[n % len(codes)],
            date_joined=datetime.date(2013 + n % 5, 1, 1) if n % 3 else None,
            date_joined_precision="year",
        )
        for n in range(size)
    )
    places = list(Participant.objects.order_by("pk")[:5])
    Signatory.objects.bulk_create(
        Signatory(name=f"Town {n}", country=codes[n % 8], participant=places[n] if n < 5 else None)
        for n in range(size)
    )
    SiteSettings.load()
    with django_assert_max_num_queries(11):
        response = client.get(f"/en/participants/{query}")
    assert response.status_code == 200
    assert "Place " in response.content.decode()


@pytest.mark.django_db
def test_each_filtered_list_is_cached_under_its_own_address(client, directory):
    french = client.get("/en/participants/?country=fr").content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/en/participants/?country=fr").content.decode()
    assert again == french and len(queries) == 0
    german = page(client, "/en/participants/?country=de")
    assert names(german) == ["Berlin"]
    # A change to a participant renders the lists afresh.
    Participant.objects.create(name_en="Marseille", kind="city", country="FR")
    assert "Marseille" in names(page(client, "/en/participants/?country=fr"))


@pytest.mark.django_db
def test_another_address_of_a_list_shows_the_same_list_without_a_query(client, directory):
    """Its rows, counts and filters are kept for every visitor who asks for them: an
    address the page cache has not seen (a shared link's ?utm_source=) reads none of
    them from the database."""
    first = page(client, "/en/participants/?country=fr&kind=city")
    with CaptureQueriesContext(connection) as queries:
        shared = page(client, "/en/participants/?country=fr&kind=city&utm_source=mail")
    assert len(queries) == 0
    assert names(shared) == names(first) == ["Lille", "Lyon"]
    assert options(shared, "kind") == options(first, "kind")
    # The other filters, the other page and a name search have their own content.
    assert names(page(client, "/en/participants/?country=fr")) == ["Lille", "Lyon", "Val-de-Marne"]
    assert names(page(client, "/en/participants/?country=fr&kind=city&q=lyon")) == ["Lyon"]


@pytest.mark.django_db
def test_a_refused_filter_is_said_so_even_where_the_same_list_is_kept(client, directory):
    plain = page(client, "/en/participants/?kind=city")
    assert plain.css_first("p.error-message") is None
    refused = page(client, "/en/participants/?kind=city&country=xx")
    assert refused.css_first("p.error-message") is not None
    assert refused.css_first('select[name="country"]').attributes["aria-invalid"] == "true"
    assert names(refused) == names(plain)
    # And the message stays with that address alone.
    again = page(client, "/en/participants/?kind=city&utm_source=mail")
    assert again.css_first("p.error-message") is None


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_list_shows_fifty_participants_a_page_with_links_that_keep_the_filters(client, lang):
    SiteSettings.load()
    Participant.objects.bulk_create(
        Participant(name_en=f"Place {n:03}", slug=f"place-{n}", kind="city", country="FR")
        for n in range(120)
    )
    Participant.objects.create(name_en="Graz", kind="city", country="AT")
    shown = []
    for number in (1, 2, 3):
        html = page(client, f"/{lang}/participants/?country=fr&page={number}")
        shown += names(html)
        links = {node.attributes["href"] for node in html.css(".pagination a")}
        assert links >= {f"?country=fr&page={n}" for n in (1, 2, 3)}
        assert len(names(html)) == (50 if number < 3 else 20)
    assert shown == [f"Place {n:03}" for n in range(120)]
    assert client.get(f"/{lang}/participants/?country=fr&page=4").status_code == 404
    assert names(page(client, f"/{lang}/participants/?country=fr&page=last")) == shown[100:]


# Growth over time -------------------------------------------------------------------


SIGNATORIES = {"en": "Signatories of the Declaration", "fr": "Signataires de la Déclaration"}


def chart_figures(html, selector=".growth-chart"):
    """What the chart's SVG draws and what its table says: {series: {year: value}} each."""
    chart = html.css_first(selector)
    drawn = {
        group.attributes["data-series"]: {
            circle.attributes["data-year"]: int(circle.attributes["data-value"])
            for circle in group.css("circle")
        }
        for group in chart.css("svg g[data-series]")
    }
    table = chart.css_first("table")
    headers = [th.text() for th in table.css("thead th")][1:]
    told = {header: {} for header in headers}
    for row in table.css("tbody tr"):
        year = row.css_first("th").text()
        for header, cell in zip(headers, row.css("td"), strict=True):
            told[header][year] = int(cell.text())
    totals = [int(cell.text()) for cell in table.css("tfoot td")]
    return drawn, told, dict(zip(headers, totals, strict=True))


def check_drawing(html):
    """Each point's height is its value on the chart's scale: the drawing is the figures."""
    svg = html.css_first(".growth-chart svg")
    gridlines = svg.css("line.growth-chart__grid")
    zero, top = float(gridlines[0].attributes["y1"]), float(gridlines[-1].attributes["y1"])
    top_value = int(svg.css("text.growth-chart__label")[len(gridlines) - 1].text())
    for circle in svg.css("circle"):
        value = int(circle.attributes["data-value"])
        expected = zero - (zero - top) * value / top_value
        assert abs(float(circle.attributes["cy"]) - expected) < 0.2


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_growth_chart_draws_the_figures_of_its_table(client, directory, lang):
    html = page(client, f"/{lang}/participants/")
    drawn, told, totals = chart_figures(html)
    participants = "Participants"
    signatories = SIGNATORIES[lang]
    unknown = "Date not known" if lang == "en" else "Date inconnue"
    # Cumulative: two in 2013, four by 2015, five by 2016 (2014 joined no one);
    # Korçë's date is not known: counted apart, in the total, never given a year.
    assert told[participants] == {
        "2013": 2, "2014": 2, "2015": 4, "2016": 5, "2017": 5, "2018": 5, "2019": 5, unknown: 1,
    }  # fmt: skip
    assert told[signatories] == {
        "2013": 0, "2014": 0, "2015": 0, "2016": 0, "2017": 0, "2018": 0, "2019": 1, unknown: 1,
    }  # fmt: skip
    assert totals == {participants: 6, signatories: 2}
    for series in (participants, signatories):
        assert drawn[series] == {
            year: value for year, value in told[series].items() if year != unknown
        }
    check_drawing(html)
    svg = html.css_first(".growth-chart svg")
    assert svg.attributes["aria-hidden"] == "true"
    assert "style" not in svg.html and "<script" not in svg.html
    assert html.css_first(".growth-chart a[download]").attributes["href"] == (
        "/participants-by-year.csv"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_chart_follows_the_country_filter(client, directory, lang):
    html = page(client, f"/{lang}/participants/?country=fr")
    heading = html.css_first(".growth-chart h2").text()
    assert (
        heading
        == {
            "en": "Growth over time in France",
            "fr": "Évolution dans le temps\xa0: France",
        }[lang]
    )
    drawn, told, totals = chart_figures(html)
    assert drawn["Participants"] == {
        "2013": 2, "2014": 2, "2015": 3, "2016": 3, "2017": 3, "2018": 3, "2019": 3,
    }  # fmt: skip
    assert totals["Participants"] == 3


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_declaration_page_shows_the_growth_of_the_signatures(client, directory, lang):
    html = page(client, f"/{lang}/declaration/")
    drawn, told, totals = chart_figures(html)
    signatories = SIGNATORIES[lang]
    assert drawn[signatories]["2019"] == 1 and totals[signatories] == 2
    check_drawing(html)


def test_growth_chart_counts_undated_records_apart():
    chart = growth_chart([("a", [2010, 2012, None, 2012]), ("b", {2011: 1, None: 3})])
    assert chart["years"] == [2010, 2011, 2012]
    assert [row["values"] for row in chart["rows"]] == [[1, 0], [1, 1], [3, 1]]
    assert chart["unknown"] == [1, 3] and chart["totals"] == [4, 4]
    assert growth_chart([("a", []), ("b", {})]) is None
    undated = growth_chart([("a", [None, None])])
    assert undated["years"] == [] and undated["unknown"] == [2]


@pytest.mark.django_db
def test_growth_csv_gives_each_year_overall_and_per_country(client, directory):
    response = client.get("/participants-by-year.csv", headers={"accept-language": "fr"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "country_code",
        "country_name",
        "year",
        "participants_joined",
        "participants_total",
        "signatories_signed",
        "signatories_total",
    ]
    overall = {row["year"]: row for row in rows if row["country_code"] == ""}
    assert overall["2015"]["participants_joined"] == "2"
    assert overall["2015"]["participants_total"] == "4"
    assert overall["2019"]["signatories_total"] == "1"
    # The row of the undated records: no year, counted in the totals.
    assert overall[""]["participants_joined"] == "1"
    assert overall[""]["participants_total"] == "6"
    assert overall[""]["signatories_total"] == "2"
    albania = [row for row in rows if row["country_code"] == "AL"]
    assert [(r["year"], r["participants_total"]) for r in albania] == [("", "1")]
    assert {row["country_name"] for row in rows} >= {"Albania", "France", "Germany"}
    france = {row["year"]: row["participants_total"] for row in rows if row["country_code"] == "FR"}
    assert france == {
        "2013": "2", "2014": "2", "2015": "3", "2016": "3", "2017": "3", "2018": "3", "2019": "3",
    }  # fmt: skip


# The signatories table on the Declaration page ----------------------------------


def signatory_rows(html):
    return [
        (int(row.css_first("td").text()), row.css("td")[1].text(), row.css_first("th").text())
        for row in html.css("table.signatories tbody tr")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_signatories_filter_by_country_and_keep_their_numbers(client, demo_content, lang):
    everything = signatory_rows(page(client, f"/{lang}/declaration/"))
    html = page(client, f"/{lang}/declaration/?country=de")
    germany = "Germany" if lang == "en" else "Allemagne"
    filtered = signatory_rows(html)
    assert filtered and {country for _n, country, _name in filtered} == {germany}
    assert filtered == [row for row in everything if row[1] == germany]
    select = {
        node.attributes["value"]: node.text().strip()
        for node in html.css('select[name="country"] option')
    }
    assert select[""] == f"{'All countries' if lang == 'en' else 'Tous les pays'} (122)"
    assert select["de"] == f"{germany} ({len(filtered)})"
    assert html.css_first('select[name="country"] option[selected]').attributes["value"] == "de"
    said = html.css_first(".results-count").text()
    assert said == (
        f"{len(filtered)} signatories in Germany"
        if lang == "en"
        else f"Allemagne\xa0: {len(filtered)} signataires"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["country=%C2%B2", "country=zz", "country=us", "country=%00x"])
def test_odd_countries_give_the_whole_table_of_signatories(client, demo_content, query):
    response = client.get(f"/en/declaration/?{query}")
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        html = LexborHTMLParser(response.content.decode())
        assert len(signatory_rows(html)) == 122
        assert "the whole table is shown" in html.css_first("p.error-message").text()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [10, 1000])
def test_the_filtered_signatories_run_a_constant_number_of_queries(
    client, django_assert_max_num_queries, size
):
    Signatory.objects.bulk_create(
        Signatory(name=f"Town {n}", country=["FR", "DE", "GR", "UA"][n % 4]) for n in range(size)
    )
    Declaration.load()
    SiteSettings.load()
    # 11: the unfiltered page's 10 and the filtered table's counts.
    with django_assert_max_num_queries(11):
        response = client.get("/fr/declaration/?country=gr&page=1")
    html = LexborHTMLParser(response.content.decode())
    assert len(signatory_rows(html)) == min(size // 4 + (size % 4 > 2), 200)
    assert re.search(r"Grèce", html.css_first(".results-count").text())


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_counts_and_chart_kept_for_every_visitor_follow_a_change(client, directory, lang):
    """The filters' counts and the chart are the same for every address until the
    content changes: a new participant shows in them at once, on another address."""
    html = page(client, f"/{lang}/participants/?country=fr")
    assert options(html, "kind")["city"].endswith("(2)")
    assert chart_figures(html)[2]["Participants"] == 3
    Participant.objects.create(
        name_en="Nantes", kind="city", country="FR",
        date_joined=datetime.date(2017, 2, 1), date_joined_precision="month",
    )  # fmt: skip
    html = page(client, f"/{lang}/participants/?country=fr&kind=city")
    assert sorted(names(html)) == ["Lille", "Lyon", "Nantes"]
    assert options(html, "kind")["city"].endswith("(3)")
    assert options(html, "year")["2017"] == "2017 (1)"
    drawn, told, totals = chart_figures(html)
    assert totals["Participants"] == 4 and drawn["Participants"]["2017"] == 4
