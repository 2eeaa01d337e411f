import csv
import io
import json
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation

from pages.models import SiteSettings
from participants.models import NationalNetwork, Participant

from ..pages_helpers import assert_public_page

LANGS = ["en", "fr"]


class Outline(HTMLParser):
    """Headings, the map's links and the list beside it, as a visitor meets them."""

    def __init__(self):
        super().__init__()
        self.h2, self.h3, self.map_links, self._stack = [], [], [], []
        self._heading = None
        self._in_svg = False
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h2", "h3"):
            self._heading = [tag, ""]
        elif tag == "svg":
            self._in_svg = True
        elif tag == "a" and self._in_svg:
            self._link = {"href": attrs.get("href"), "label": attrs.get("aria-label"), "title": ""}
        elif tag == "title" and self._link is not None:
            self._link["in_title"] = True

    def handle_endtag(self, tag):
        if tag in ("h2", "h3") and self._heading:
            getattr(self, tag).append(self._heading[1].strip())
            self._heading = None
        elif tag == "svg":
            self._in_svg = False
        elif tag == "a" and self._link is not None:
            self.map_links.append(self._link)
            self._link = None
        elif tag == "title" and self._link is not None:
            self._link["in_title"] = False

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data
        if self._link is not None and self._link.get("in_title"):
            self._link["title"] += data


def outline(response):
    parser = Outline()
    parser.feed(response.content.decode())
    return parser


def make_participants(count, with_coordinates=True):
    """`count` active participants spread over a few countries, made in one query."""
    codes = ["FR", "DE", "AT", "GR", "ES", "IT", "RS", "LV"]
    Participant.objects.bulk_create(
        Participant(
            name=f"Place {n}",
            name_en=f"Place {n}",
            slug=f"place-{n}",
            kind="city",
            country=codes[n % len(codes)],
            latitude=Decimal("45.0") + Decimal(n % 10) if with_coordinates else None,
            longitude=Decimal("5.0") + Decimal(n % 20) if with_coordinates else None,
        )
        for n in range(count)
    )


# Pages -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "path", ["/{lang}/participants/", "/{lang}/participants/map/", "/{lang}/participants/lyon/"]
)
def test_participant_pages_keep_the_public_page_promises(client, demo_content, lang, path):
    assert_public_page(client, path.format(lang=lang), lang)


@pytest.mark.django_db
def test_list_groups_by_country_in_each_languages_alphabet(client, demo_content):
    Participant.objects.create(name="Berlin", kind="city", country="DE")
    english = outline(client.get("/en/participants/")).h2
    french = outline(client.get("/fr/participants/")).h2
    english_countries = english[: english.index("National networks")]
    french_countries = french[: french.index("Réseaux nationaux")]
    assert english_countries == [
        "Austria", "France", "Germany", "Greece", "Italy",
        "Latvia", "Montenegro", "Serbia", "Spain",
    ]  # fmt: skip
    assert french_countries == [
        "Allemagne", "Autriche", "Espagne", "France", "Grèce",
        "Italie", "Lettonie", "Monténégro", "Serbie",
    ]  # fmt: skip


@pytest.mark.django_db
def test_list_shows_names_kinds_and_join_dates_as_precise_as_known(client, demo_content):
    english = client.get("/en/participants/").content.decode()
    french = client.get("/fr/participants/").content.decode()
    assert "Val-de-Marne</a>" in english and "joined in June 2013" in english
    assert "Daugavpils</a>" in english and "joined in 2015" in english
    assert "Andalousie</a>" in french and "a rejoint l’Alliance en juin 2015" in french
    assert "Reggio de Calabre</a>" in french and "Ville métropolitaine" in french
    assert "Ukrainian Alliance of Cities and Regions for Roma Inclusion" in english
    assert "founded in November 2017" in english


@pytest.mark.django_db
def test_counter_follows_additions_and_departures(client, demo_content):
    def counter(lang):
        text = client.get(f"/{lang}/participants/").content.decode()
        return re.search(r'<p class="counter">(.*?)</p>', text, re.S).group(1)

    assert "<strong>13</strong> cities and regions" in counter("en")
    assert "from <strong>8</strong> countries" in counter("en")
    berlin = Participant.objects.create(name="Berlin", kind="city", country="DE")
    assert "<strong>14</strong> cities and regions" in counter("en")
    assert "de <strong>9</strong> pays" in counter("fr")
    berlin.is_active = False
    berlin.save()
    assert "<strong>13</strong> cities and regions" in counter("en")
    assert "<strong>13</strong> villes et régions" in counter("fr")
    assert client.get("/en/participants/berlin/").status_code == 404


@pytest.mark.django_db
def test_counter_uses_singular_forms_for_one(client):
    Participant.objects.create(name="Strasbourg", kind="city", country="FR")
    assert "<strong>1</strong> city or region" in client.get("/en/participants/").content.decode()
    assert "from <strong>1</strong> country" in client.get("/en/participants/").content.decode()
    assert "<strong>1</strong> ville ou région" in client.get("/fr/participants/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [10, 1000])
@pytest.mark.parametrize("path", ["/en/participants/", "/fr/participants/map/"])
def test_list_and_map_run_a_constant_number_of_queries(
    client, django_assert_max_num_queries, size, path
):
    make_participants(size)
    NationalNetwork.objects.create(name="Greek national network", country="GR")
    SiteSettings.load()
    # 11 (the list) and 8 (the map): with the main menu's pages
    # (pages.context_processors.navigation), one query; the list counts its filters'
    # options in one query and draws the growth chart in two.
    with django_assert_max_num_queries(11 if path.endswith("/participants/") else 8):
        response = client.get(path)
    assert response.status_code == 200
    assert "Place 2</a>" in response.content.decode()


@pytest.mark.django_db
def test_detail_page_shows_the_participants_facts(client, demo_content):
    network = NationalNetwork.objects.get(country="UA")
    Participant.objects.create(
        name_en="Lviv",
        name_fr="Lviv",
        kind="city",
        country="UA",
        national_network=network,
        website="https://city-adm.lviv.ua/",
    )
    english = client.get("/en/participants/lviv/").content.decode()
    assert "Ukrainian Alliance of Cities and Regions for Roma Inclusion" in english
    assert 'href="https://city-adm.lviv.ua/"' in english
    french = client.get("/fr/participants/kragujevac/").content.decode()
    assert "mars 2014" in french
    assert "Deuxième prix ex aequo du Prix Dosta!-Congrès 2015." in french


# Records ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_records_created_in_code_get_a_stable_unique_slug():
    with translation.override("fr"):
        first = Participant.objects.create(name="Saint-Étienne", kind="city", country="FR")
    assert first.slug == "saint-etienne"
    assert first.name_en == "Saint-Étienne"
    second = Participant.objects.create(name="Saint-Étienne", kind="city", country="FR")
    assert second.slug == "saint-etienne-2"
    first.name_en = "Saint-Etienne (Loire)"
    first.save()
    first.refresh_from_db()
    assert first.slug == "saint-etienne"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "coordinates, field",
    [
        ({"latitude": Decimal("91"), "longitude": Decimal("7")}, "latitude"),
        ({"latitude": Decimal("48"), "longitude": Decimal("-181")}, "longitude"),
        ({"latitude": Decimal("48"), "longitude": None}, "longitude"),
    ],
)
def test_coordinates_out_of_range_are_refused_at_the_field(coordinates, field):
    participant = Participant(name="Somewhere", kind="city", country="FR", **coordinates)
    with pytest.raises(ValidationError) as refused:
        participant.full_clean()
    assert list(refused.value.message_dict) == [field]


@pytest.mark.django_db
def test_admin_form_refuses_a_bad_latitude_at_the_field(client):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    response = client.post(
        "/admin/participants/participant/add/",
        {
            "name_en": "Somewhere",
            "name_fr": "",
            "kind": "city",
            "country": "FR",
            "is_active": "on",
            "date_joined_precision": "day",
            "latitude": "123.5",
            "longitude": "7.1",
            "website": "",
            "description_en": "",
            "description_fr": "",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "latitude" in errors and "longitude" not in errors
    assert not Participant.objects.exists()


# Open data --------------------------------------------------------------------------


@pytest.mark.django_db
def test_participants_csv_is_utf8_with_bom_english_and_sorted(client, demo_content):
    response = client.get("/participants.csv", headers={"accept-language": "fr"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="participants.csv"'
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert list(rows[0]) == [
        "slug", "name", "name_fr", "kind", "country_code", "country_name", "date_joined",
        "website", "latitude", "longitude", "national_network", "url", "signatory_number",
    ]  # fmt: skip
    assert len(rows) == 13
    assert [row["country_name"] for row in rows][:2] == ["Austria", "France"]
    andalusia = next(row for row in rows if row["slug"] == "andalusia")
    assert andalusia == {
        **andalusia,
        "name": "Andalusia",
        "name_fr": "Andalousie",
        "country_code": "ES",
        "country_name": "Spain",
        "date_joined": "2015-06",
        "latitude": "37.38283",
        "longitude": "-5.97317",
        "url": "http://testserver/en/participants/andalusia/",
    }


@pytest.mark.django_db
def test_participants_json_has_the_same_columns(client, demo_content):
    Participant.objects.filter(slug="innsbruck").update(is_active=False)
    response = client.get("/participants.json")
    assert response["Content-Type"].startswith("application/json")
    rows = json.loads(response.content.decode("utf-8"))
    assert len(rows) == 12
    assert "innsbruck" not in {row["slug"] for row in rows}
    heraklion = next(row for row in rows if row["slug"] == "heraklion")
    assert heraklion["name_fr"] == "Héraklion"
    assert heraklion["latitude"] == pytest.approx(35.32787)
    assert heraklion["date_joined"] == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/participants/participant/",
        "/admin/participants/participant/add/",
        "/admin/participants/participant/import/",
        "/admin/participants/participant/export/",
        "/admin/participants/nationalnetwork/",
        "/admin/participants/nationalnetwork/add/",
        "/admin/declaration/signatory/",
        "/admin/declaration/signatory/add/",
        "/admin/declaration/signatory/import/",
        "/admin/declaration/declaration/1/change/",
    ],
)
def test_admin_pages_open_for_staff(client, demo_content, path):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_admin_change_form_keeps_the_slug_read_only(client, demo_content):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    lyon = Participant.objects.get(slug="lyon")
    html = client.get(f"/admin/participants/participant/{lyon.pk}/change/").content.decode()
    assert 'name="slug"' not in html and ">lyon<" in html


@pytest.mark.django_db
def test_a_participant_named_like_the_map_gets_another_address(client):
    participant = Participant.objects.create(name="Map", kind="city", country="FR")
    assert participant.slug == "map-2"
    assert client.get("/en/participants/map-2/").status_code == 200
    with pytest.raises(ValidationError) as refused:
        Participant(name="Plan", slug="map", kind="city", country="FR").full_clean()
    assert "slug" in refused.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_list_pages_through_countries_in_the_visitor_s_alphabet(
    client, lang, monkeypatch, django_assert_max_num_queries
):
    from pages.models import SiteSettings
    from participants.views import ParticipantListView

    monkeypatch.setattr(ParticipantListView, "paginate_by", 3)
    SiteSettings.load()  # made on first use
    for country, names in {
        "DE": ["Berlin", "Aachen"],  # Germany, Allemagne
        "AT": ["Graz"],  # Austria, Autriche
        "ES": ["Zaragoza", "Ávila", "Bilbao"],  # Spain, Espagne
        "HU": ["Pécs"],  # Hungary, Hongrie
    }.items():
        for name in names:
            Participant.objects.create(name_en=name, kind="city", country=country)
    with translation.override(lang):
        expected = [p.name for p in Participant.objects.active().in_local_order()]
    shown = []
    for number in (1, 2, 3):
        with django_assert_max_num_queries(11):
            page = client.get(f"/{lang}/participants/?page={number}").content.decode()
        shown += re.findall(
            r'<li><a href="/' + lang + r'/participants/[^"?]+"(?: lang="\w+")?>([^<]+)</a>', page
        )
    assert shown == expected
    assert client.get(f"/{lang}/participants/?page=4").status_code == 404
    first = client.get(f"/{lang}/participants/").content.decode()
    heading = "Allemagne" if lang == "fr" else "Austria"
    assert (
        re.search(
            r'<h2 id="country-\w\w"><a href="/\w\w/countries/\w\w/">([^<]+)</a></h2>', first
        ).group(1)
        == heading
    )
    assert "City" in first or "Ville" in first
