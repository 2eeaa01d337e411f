"""The maps of participants: the map of Europe and each country's own, as a visitor
meets them on a phone and on a wide screen, their layout, and the gazetteer that
puts an approved participant on them."""

import json
import math
import re
import subprocess
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from participants import gazetteer
from participants import map as europe
from participants.models import Participant
from submissions.models import Submission

from ..external_tools import require_vnu

LANGS = ["en", "fr"]


def layer(html, name):
    """The links of one layout of the page's map: [{"href", "label", "title", "x", "y", "r"}]."""
    tree = HTMLParser(html)
    links = []
    for link in tree.css(f".site-map__layer--{name} a"):
        target = link.css_first("circle.site-map__target")
        links.append(
            {
                "href": link.attributes["href"],
                "label": link.attributes.get("aria-label"),
                "title": link.css_first("title").text(),
                "text": link.css_first("text").text() if link.css_first("text") else "",
                "kind": "country" if "site-map__country" in link.attributes["class"] else "marker",
                **(
                    {
                        k: float(target.attributes[a])
                        for k, a in (("x", "cx"), ("y", "cy"), ("r", "r"))
                    }
                    if target
                    else {}
                ),
            }
        )
    return links


def plain(text):
    """Text without the French typography the site's middleware adds."""
    text = text.replace("\u202f", " ").replace("\xa0", " ").replace("\u2019", "'")
    return " ".join(text.split())


def caption(html):
    return plain(HTMLParser(html).css_first("figure.site-map figcaption").text())


# The map of Europe ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_map_shows_one_counted_marker_per_country(client, demo_content, lang):
    html = client.get(f"/{lang}/participants/map/").content.decode()
    markers = layer(html, "narrow")
    placed = Participant.objects.active().on_map()
    countries = sorted({p.country.code for p in placed})
    assert sorted(m["href"] for m in markers) == [
        f"/{lang}/countries/{c.lower()}/" for c in countries
    ]
    assert sum(int(m["text"]) for m in markers) == placed.count() == 13
    with translation.override(lang):
        france = Participant.objects.filter(country="FR").first().country.name
    label = {"en": "France: 5 participants", "fr": "France : 5 participants"}[lang]
    assert label.replace("France", france) in {plain(m["label"]) for m in markers}
    for marker in markers:
        assert marker["label"] and plain(marker["title"]) == plain(marker["label"])


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_on_a_wide_screen_every_participant_and_country_is_a_named_link(client, demo_content, lang):
    Participant.objects.create(name="Unplaced Town", kind="city", country="FR")
    html = client.get(f"/{lang}/participants/map/").content.decode()
    links = layer(html, "wide")
    placed = Participant.objects.active().on_map()
    # Every country with participants is its outline, linking to its page.
    shapes = [link for link in links if link["kind"] == "country"]
    assert sorted(s["href"] for s in shapes) == sorted(
        {f"/{lang}/countries/{p.country.code.lower()}/" for p in placed}
    )
    # Every participant on the map is a marker of its own, or named in a group's.
    markers = [link for link in links if link["kind"] == "marker"]
    singles = {m["href"] for m in markers if not m["text"]}
    groups = [m for m in markers if m["text"]]
    with translation.override(lang):
        named = {p.get_absolute_url() for p in placed if p.get_absolute_url() in singles}
        in_groups = {p for p in placed if any(p.name in g["label"] for g in groups)}
        assert named | {p.get_absolute_url() for p in in_groups} == {
            p.get_absolute_url() for p in placed
        }
    # Aubervilliers and Val-de-Marne are 14 km apart: one marker, with their count.
    assert [g["text"] for g in groups] == ["2"]
    assert "Aubervilliers" in groups[0]["label"] and "Val-de-Marne" in groups[0]["label"]
    assert groups[0]["href"] == f"/{lang}/countries/fr/"
    for link in links:
        assert link["label"] and plain(link["title"]) == plain(link["label"])
    lyon = next(m for m in markers if m["href"] == f"/{lang}/participants/lyon/")
    assert lyon["label"] == "Lyon, France"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_the_caption_counts_as_the_counter_and_says_how_many_are_off_the_map(
    client, demo_content, lang
):
    Participant.objects.create(name="Unplaced Town", kind="city", country="FR")
    html = client.get(f"/{lang}/participants/map/").content.decode()
    total = Participant.objects.counter()["participants"]
    assert total == 14
    counter = " ".join(HTMLParser(html).css_first(".counter").text().split())
    assert str(total) in counter
    text = caption(html)
    expected = {
        "en": (f"Map of Europe: {total} participants", "1 participant is not on the map"),
        "fr": (f"Carte de l'Europe : {total} participants", "1 participant n'est pas sur la carte"),
    }[lang]
    for part in expected:
        assert part in text
    # And the list beside the map says which one.
    assert re.search(r"Unplaced Town</a> <span class=\"meta\">\(", html)


@pytest.mark.django_db
def test_markers_stand_west_to_east_as_their_places(client, demo_content):
    html = client.get("/en/participants/map/").content.decode()
    x = {m["href"].split("/")[-2]: m["x"] for m in layer(html, "wide") if m["kind"] == "marker"}
    order = ["andalusia", "lille", "strasbourg", "innsbruck", "daugavpils"]
    assert [x[slug] for slug in order] == sorted(x[slug] for slug in order)


@pytest.mark.django_db
def test_the_outlines_are_a_cached_file_not_part_of_the_page(client, demo_content):
    html = client.get("/en/participants/map/").content.decode()
    assert '<image href="/static/img/europe.svg"' in html
    # Inline are only the outlines of the countries with participants (8 in the demo).
    assert len(HTMLParser(html).css(".site-map__land path")) == 8
    assert len(html.encode()) < 40_000


# Layout ---------------------------------------------------------------------------------


def overlaps(markers, radius):
    return [
        (a, b)
        for i, a in enumerate(markers)
        for b in markers[i + 1 :]
        if math.dist((a.x, a.y), (b.x, b.y)) < 2 * radius
    ]


class Place:
    def __init__(self, name, country, latitude, longitude):
        self.name, self.latitude, self.longitude = name, latitude, longitude
        self.country = type("Country", (), {"code": country})()
        self.has_coordinates = True


def demo_places():
    from participants.demo import read

    return [
        Place(row["name_en"], row["country"], float(row["latitude"]), float(row["longitude"]))
        for row in read("participants.csv")
        if row["latitude"]
    ]


def test_no_two_markers_overlap_in_either_layout_of_the_demo():
    view = (0, 0, europe.WIDTH, europe.height())
    for grouping in ((None, 2), (0, 0), (2, 2)):
        layouts = europe.layout(
            europe.placed(demo_places(), view),
            view,
            group_narrow=grouping[0],
            group_wide=grouping[1],
        )
        for radius, markers in layouts.values():
            assert not overlaps(markers, radius)
            assert all(radius <= m.x <= europe.WIDTH - radius for m in markers)


def test_places_that_coincide_are_spread_apart_or_grouped():
    # Sixty participants in one spot, and neighbours across three borders.
    crowd = [Place(f"P{n}", "FR", 48.85, 2.35) for n in range(60)]
    border = [
        Place("Strasbourg", "FR", 48.58, 7.75),
        Place("Kehl", "DE", 48.57, 7.81),
        Place("Basel", "CH", 47.56, 7.59),
        Place("Saint-Louis", "FR", 47.59, 7.56),
        Place("Lörrach", "DE", 47.61, 7.66),
    ]
    view = (0, 0, europe.WIDTH, europe.height())
    points = europe.placed(crowd + border, view)
    spread = europe.layout(points, view, group_narrow=0, group_wide=0)
    # Wide, each has a marker of its own; on a phone they do not fit: grouped.
    radius, markers = spread["wide"]
    assert len(markers) == 65 and not overlaps(markers, radius)
    radius, markers = spread["narrow"]
    assert len(markers) < 65 and not overlaps(markers, radius)
    assert sum(m.count for m in markers) == 65
    grouped = europe.layout(points, view, group_narrow=None, group_wide=2)
    radius, markers = grouped["narrow"]
    assert sorted(m.count for m in markers) == [1, 2, 62] and not overlaps(markers, radius)
    radius, markers = grouped["wide"]
    assert not overlaps(markers, radius)
    assert max(m.count for m in markers) == 60


def test_a_marker_is_a_24_px_target_at_the_narrowest_width_of_its_layout():
    for view_width in (europe.WIDTH, 180, 40):
        for min_px in (europe.NARROW_MIN_PX, europe.WIDE_MIN_PX):
            radius = europe.radius_for(view_width, min_px)
            assert 2 * radius * min_px / view_width >= 24


def test_a_country_view_frames_the_country():
    left, top, width, tall = europe.country_view("FR")
    lille, corsica = europe.project(50.63, 3.06), europe.project(41.93, 8.74)
    for x, y in (lille, corsica):
        assert left < x < left + width and top < y < top + tall
    assert width < europe.WIDTH / 3


# A country's own map --------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_a_country_page_maps_each_of_its_participants(client, demo_content, lang):
    html = client.get(f"/{lang}/countries/fr/").content.decode()
    french = Participant.objects.active().filter(country="FR")
    for name in ("narrow", "wide"):
        markers = layer(html, name)
        assert sorted(m["href"] for m in markers) == sorted(p.get_absolute_url() for p in french)
        assert not [m for m in markers if m["kind"] == "country"]
        radius = markers[0]["r"]
        assert all(
            math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= 2 * radius
            for i, a in enumerate(markers)
            for b in markers[i + 1 :]
        )
    assert {"en": "Map of France: 5 participants", "fr": "Carte : France, 5 participants"}[
        lang
    ] in caption(html)
    # Each is its own marker: no number to explain.
    assert "A number" not in caption(html) and "Un nombre" not in caption(html)


@pytest.mark.django_db
def test_a_country_map_runs_one_query_however_many_participants(client, demo_content):
    counts = []
    for size in (10, 1000):
        Participant.objects.filter(country="DE").delete()
        Participant.objects.bulk_create(
            Participant(
                name_en=f"Ort {n}",
                slug=f"ort-{n}",
                kind="city",
                country="DE",
                latitude=Decimal("48") + Decimal(n % 40) / 10,
                longitude=Decimal("7") + Decimal(n % 70) / 10,
            )
            for n in range(size)
        )
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/en/countries/de/").content.decode()
        counts.append(len(queries))
        assert len(layer(html, "narrow")) > 1
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_the_map_pages_are_valid_html(client, demo_content, tmp_path):
    checker = require_vnu()
    files = []
    for lang in LANGS:
        for path in ("participants/map/", "countries/fr/"):
            file = tmp_path / f"{lang}-{path.replace('/', '-')}.html"
            file.write_bytes(client.get(f"/{lang}/{path}").content)
            files.append(str(file))
    result = subprocess.run(
        [*checker, "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = [m for m in json.loads(result.stdout)["messages"] if m["type"] != "info"]
    assert not messages, messages


# The gazetteer --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "country", "found"),
    [
        (["Mulhouse"], "FR", (Decimal("47.75205"), Decimal("7.32866"))),
        (["MULHOUSE"], "fr", (Decimal("47.75205"), Decimal("7.32866"))),
        (["Heraklion"], "GR", (Decimal("35.32787"), Decimal("25.14341"))),  # Irákleion
        (["Mulhouse"], "DE", None),  # not in that country
        (["Sainte-Marguerite"], "FR", None),  # two towns of that name
        (["Val-de-Marne"], "FR", None),  # a département, not a city
        (["Nowhere-on-Sea"], "FR", None),
    ],
)
def test_the_gazetteer_places_a_name_only_when_one_city_bears_it(names, country, found):
    assert gazetteer.locate(names, country) == found


def _join_answers():
    from ..submissions_helpers import answers

    return answers("join")


@pytest.fixture
def moderator(db):
    return get_user_model().objects.create_superuser("moderator", "m@example.org", "pw-x-12345")


def approve(client, moderator, authority, country):
    client.post("/en/join/", {**_join_answers(), "authority_name": authority, "country": country})
    submission = Submission.objects.get(data__authority_name=authority)
    client.force_login(moderator)
    client.post(
        "/admin/submissions/submission/",
        {"action": "approve_published", "_selected_action": [submission.pk]},
    )
    client.logout()
    return Participant.objects.get(name_en=authority)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_an_approved_join_from_a_known_town_is_on_the_map_at_once(
    client, demo_content, moderator, lang
):
    mulhouse = approve(client, moderator, "Mulhouse", "FR")
    assert (mulhouse.latitude, mulhouse.longitude) == (Decimal("47.75205"), Decimal("7.32866"))
    html = client.get(f"/{lang}/participants/map/").content.decode()
    # 100 km from Strasbourg: on the map of Europe, in one marker with it.
    strasbourg = next(m for m in layer(html, "wide") if "Strasbourg" in m["label"])
    assert "Mulhouse" in strasbourg["label"] and strasbourg["text"] == "2"
    html = client.get(f"/{lang}/countries/fr/").content.decode()
    assert f"/{lang}/participants/mulhouse/" in {m["href"] for m in layer(html, "narrow")}


@pytest.mark.django_db
def test_an_approved_join_from_an_unknown_or_ambiguous_name_waits_for_staff(
    client, demo_content, moderator
):
    for name in ("Sainte-Marguerite", "Nowhere-on-Sea"):
        participant = approve(client, moderator, name, "FR")
        assert not participant.has_coordinates
    client.force_login(moderator)
    page = client.get("/admin/participants/participant/?map=no").content.decode()
    assert "Sainte-Marguerite" in page and "Nowhere-on-Sea" in page and "Lyon" not in page
    assert "not on the map" in page
    # Its page in the admin asks for the coordinates, in a highlighted fieldset.
    participant = Participant.objects.get(name_en="Nowhere-on-Sea")
    change = client.get(
        f"/admin/participants/participant/{participant.pk}/change/"
    ).content.decode()
    highlighted = [fieldset.html for fieldset in HTMLParser(change).css("fieldset.needs-attention")]
    assert any('name="latitude"' in f and 'name="longitude"' in f for f in highlighted)


@pytest.mark.django_db
def test_saving_in_the_admin_with_empty_coordinates_looks_the_place_up(client, moderator):
    client.force_login(moderator)
    response = client.post(
        "/admin/participants/participant/add/",
        {
            "name_en": "Mulhouse",
            "name_fr": "Mulhouse",
            "kind": "city",
            "country": "FR",
            "is_active": "on",
            "date_joined_precision": "day",
            "latitude": "",
            "longitude": "",
            "website": "",
            "description_en": "",
            "description_fr": "",
        },
        follow=True,
    )
    mulhouse = Participant.objects.get(name_en="Mulhouse")
    assert mulhouse.latitude == Decimal("47.75205")
    assert "is on the map: its place was found in GeoNames" in response.content.decode()
    # Coordinates that staff typed are kept.
    mulhouse.latitude, mulhouse.longitude = Decimal("47.7"), Decimal("7.3")
    mulhouse.save()
    assert not mulhouse.place_from_gazetteer()
