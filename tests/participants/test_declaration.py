import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.countries import collation_key
from declaration.models import Declaration, DeclarationTranslation, Signatory
from declaration.views import DeclarationView
from pages.models import SiteSettings

from ..pages_helpers import assert_public_page


class SignatoryTable(HTMLParser):
    """The rows of the signatories table: (No., Country, Municipality/Region), and
    no other table of the page (the growth chart's figures)."""

    def __init__(self):
        super().__init__()
        self.headers, self.rows, self._row, self._cell = [], [], None, None
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._inside = "signatories" in (dict(attrs).get("class") or "").split()
        elif tag == "tr" and self._inside:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self.headers:
                self.rows.append(tuple(self._row))
            else:
                self.headers = self._row
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def table(response):
    parser = SignatoryTable()
    parser.feed(response.content.decode())
    return parser


def sorted_by_country_then_name(rows):
    """What a reader expects: countries in the alphabet, then names within a country."""
    return sorted(rows, key=lambda row: (collation_key(row[0]), row[1].casefold()))


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_declaration_page_keeps_the_public_page_promises(client, demo_content, lang):
    assert_public_page(client, f"/{lang}/declaration/", lang)


@pytest.mark.django_db
def test_signatories_table_has_the_122_of_the_original_sorted(client, demo_content):
    page = table(client.get("/en/declaration/"))
    assert page.headers == ["No.", "Country", "Municipality/Region"]
    assert len(page.rows) == 122
    assert [row[0] for row in page.rows] == [str(n) for n in range(1, 123)]
    countries_and_names = [row[1:] for row in page.rows]
    assert len({country for country, _name in countries_and_names}) == 34
    assert countries_and_names == sorted_by_country_then_name(countries_and_names)
    assert countries_and_names[0] == ("Albania", "Belsh")
    assert countries_and_names[-1] == ("United Kingdom", "Northern Ireland")


@pytest.mark.django_db
def test_the_captures_losses_and_typos_are_repaired(client, demo_content):
    names = set(Signatory.objects.values_list("name", flat=True))
    assert {
        "Sisačko-Moslavačka County",
        "Şişli",
        "Tbilisi Municipality",
        "Emilia-Romagna Region",
        "Alexandroupolis Municipality",
    } <= names
    assert not [name for name in names if "?" in name]
    assert not names & {"Tblissi Municipality", "Emilia-Romagnia Region"}


@pytest.mark.django_db
def test_each_language_sorts_countries_in_its_own_alphabet(client, demo_content):
    english = [row[1] for row in table(client.get("/en/declaration/")).rows]
    french = [row[1] for row in table(client.get("/fr/declaration/")).rows]
    # Germany comes after France in English; Allemagne right after Albanie in French.
    assert english.index("Germany") > english.index("France")
    assert french.index("Allemagne") == french.count("Albanie")
    assert french.index("Allemagne") < english.index("Germany")
    french_rows = [row[1:] for row in table(client.get("/fr/declaration/")).rows]
    assert french_rows == sorted_by_country_then_name(french_rows)
    assert "Royaume-Uni" in french and "Grèce" in french


@pytest.mark.django_db
def test_counter_sentence_is_computed_in_both_languages(client, demo_content):
    english = client.get("/en/declaration/").content.decode()
    french = client.get("/fr/declaration/").content.decode()
    assert re.search(
        r"<strong>122</strong> municipalities, cities and regions from 34 countries\s+have so far "
        r"signed the Declaration against anti-Gypsyism.",
        english,
    )
    assert re.search(
        r"<strong>122</strong> municipalités, villes et régions de 34 pays\s+ont signé à ce "
        r"jour la Déclaration contre l’antitsiganisme.",
        french,
    )


@pytest.mark.django_db
def test_counters_follow_a_new_signatory_and_a_hidden_one(client, demo_content):
    def sentence():
        html = client.get("/en/declaration/").content.decode()
        return re.search(
            r"<strong>(\d+)</strong> municipalities.*? from (\d+) countr", html
        ).groups()

    assert sentence() == ("122", "34")
    added = Signatory.objects.create(name="Reykjavík", kind="city", country="IS")
    assert sentence() == ("123", "35")
    assert ("Iceland", "Reykjavík") in [
        row[1:] for row in table(client.get("/en/declaration/")).rows
    ]
    added.is_public = False
    added.save()
    assert sentence() == ("122", "34")
    sisli = Signatory.objects.get(name="Şişli")
    sisli.is_public = False
    sisli.save()
    assert sentence() == ("121", "34")
    assert "Şişli" not in client.get("/en/declaration/").content.decode()


@pytest.mark.django_db
def test_counter_sentence_uses_singular_forms(client):
    Signatory.objects.create(name="Strasbourg", kind="city", country="FR")
    english = client.get("/en/declaration/").content.decode()
    french = client.get("/fr/declaration/").content.decode()
    assert re.search(
        r"<strong>1</strong> municipality, city or region from 1 country\s+has so far signed",
        english,
    )
    assert re.search(
        r"<strong>1</strong> municipalité, ville ou région de 1 pays\s+a signé", french
    )


@pytest.mark.django_db
def test_page_shows_the_text_and_the_facts_the_sources_give(client, demo_content):
    english = client.get("/en/declaration/").content.decode()
    french = client.get("/fr/declaration/").content.decode()
    assert "<h1>Declaration against anti-Gypsyism</h1>" in english
    assert "at its 32nd session, in March 2017" in english
    assert "34 languages in all" in english and "voluntary contributions" in english
    assert "<h1>Déclaration contre l’antitsiganisme</h1>" in french
    assert "a adopté la Déclaration des maires et des élus locaux et régionaux" in french


@pytest.mark.django_db
def test_sign_link_appears_once_the_form_exists(client, demo_content, settings):
    # The sign form belongs to another part of the site; until its address exists, the
    # page offers no dead link.
    html = client.get("/en/declaration/").content.decode()
    assert ("Sign the Declaration here" in html) == _url_exists("submissions:sign")


def _url_exists(name):
    from django.urls import NoReverseMatch, reverse

    try:
        with translation.override("en"):
            reverse(name)
    except NoReverseMatch:
        return False
    return True


@pytest.mark.django_db
def test_text_is_sanitised_when_saved():
    declaration = Declaration.load()
    declaration.body_en = (
        '<p onclick="x()">Text</p><script>alert(1)</script><a href="javascript:x">l</a>'
    )
    declaration.body_fr = "Premier paragraphe.\n\nSecond paragraphe."
    declaration.save()
    declaration.refresh_from_db()
    assert "script" not in declaration.body_en and "onclick" not in declaration.body_en
    assert "javascript" not in declaration.body_en
    assert declaration.body_fr == "<p>Premier paragraphe.</p>\n\n<p>Second paragraphe.</p>"


@pytest.mark.django_db
def test_translations_are_listed_by_their_own_names(client, demo_content, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    declaration = Declaration.load()
    DeclarationTranslation.objects.create(
        declaration=declaration,
        language="de",
        document=SimpleUploadedFile("erklaerung.pdf", b"%PDF-1.4 test", "application/pdf"),
    )
    DeclarationTranslation.objects.create(
        declaration=declaration, language="hu", text="Nyilatkozat.\n\nMásodik bekezdés."
    )
    DeclarationTranslation.objects.create(
        declaration=declaration, language="rom", text="Deklaracija."
    )
    html = client.get("/fr/declaration/").content.decode()
    assert 'lang="de">Deutsch</a> <span class="meta">(PDF)</span>' in html
    assert '<span lang="hu">Magyar</span>' in html
    assert '<span lang="rom">Romani čhib</span>' in html
    # Sorted by the languages' own names.
    assert html.index(">Deutsch<") < html.index(">Magyar<") < html.index(">Romani čhib<")

    for lang in ("en", "fr"):
        response = assert_public_page(client, f"/{lang}/declaration/translations/hu/", lang)
        assert '<div class="translation-text" lang="hu" dir="ltr">' in response.content.decode()
        assert "<p>Második bekezdés.</p>" in response.content.decode()
    # A translation given only as a document has no page of its own.
    assert client.get("/en/declaration/translations/de/").status_code == 404
    assert client.get("/en/declaration/translations/xx/").status_code == 404


@pytest.mark.django_db
def test_admin_shows_which_translations_exist(client, demo_content):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    declaration = Declaration.load()
    DeclarationTranslation.objects.create(declaration=declaration, language="hu", text="x")
    DeclarationTranslation.objects.create(declaration=declaration, language="fi", text="x")
    response = client.get("/admin/declaration/declaration/", follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert '2 languages: Finnish (<span lang="fi">suomi</span>), Hungarian' in html


@pytest.mark.django_db
@pytest.mark.parametrize("size", [10, 1000])
def test_declaration_page_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries, size
):
    Signatory.objects.bulk_create(
        Signatory(name=f"Town {n}", country=["FR", "DE", "GR", "UA"][n % 4]) for n in range(size)
    )
    Declaration.load()
    SiteSettings.load()
    # 10: with the main menu's pages (pages.context_processors.navigation), one query,
    # and the growth chart's participants and signatories by year, one query each.
    with django_assert_max_num_queries(10):
        response = client.get("/en/declaration/")
    assert len(table(response).rows) == min(size, DeclarationView.per_page)


# Open data --------------------------------------------------------------------------


@pytest.mark.django_db
def test_signatories_csv_gives_the_122_sorted_with_iso_codes(client, demo_content):
    response = client.get("/signatories.csv", headers={"accept-language": "fr"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="signatories.csv"'
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert list(rows[0]) == [
        "number", "name", "kind", "country_code", "country_name", "date_signed",
        "participant_slug",
    ]  # fmt: skip
    assert len(rows) == 122
    assert len({row["country_code"] for row in rows}) == 34
    assert [row["number"] for row in rows] == [str(n) for n in range(1, 123)]
    pairs = [(row["country_name"], row["name"]) for row in rows]
    assert pairs == sorted_by_country_then_name(pairs)
    sisli = next(row for row in rows if row["country_code"] == "TR" and row["name"] == "Şişli")
    assert sisli["country_name"] == "Türkiye"
    # The public table and the file agree, row for row.
    page = table(client.get("/en/declaration/"))
    assert [row[1:] for row in page.rows] == pairs


@pytest.mark.django_db
def test_signatories_json_leaves_out_hidden_records(client, demo_content):
    Signatory.objects.filter(country="GB").update(is_public=False)
    rows = json.loads(client.get("/signatories.json").content.decode("utf-8"))
    assert len(rows) == 114
    assert "GB" not in {row["country_code"] for row in rows}
    assert rows[0] == {
        "number": 1,
        "name": "Belsh",
        "kind": "",
        "country_code": "AL",
        "country_name": "Albania",
        "date_signed": "",
        "participant_slug": "",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_of_the_table_matches_one_sort_of_the_whole_table(demo_content, lang):
    """Reading only the countries a page spans gives the rows a full sort would."""
    from core.countries import RowsByLocalCountry

    Signatory.objects.create(name="Nowhere", kind="municipality", country="")
    with translation.override(lang):
        public = Signatory.objects.public()
        expected = list(public.in_local_order())
        table = RowsByLocalCountry(public)
        assert table.count() == len(expected) == 123
        for size in (1, 7, 50, 200):
            pages = [table[start : start + size] for start in range(0, table.count(), size)]
            assert [row for page in pages for row in page] == expected, size
        assert table[len(expected) : len(expected) + 10] == []


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "0", "99", "-1"])
def test_a_page_of_signatories_that_does_not_exist_is_not_found(client, demo_content, page):
    assert client.get(f"/en/declaration/?page={page}").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_table_is_rendered_once_and_follows_a_new_signatory(client, demo_content, lang):
    section = "declaration/includes/signatories.html"
    assert section in [t.name for t in client.get(f"/{lang}/declaration/").templates]
    again = client.get(f"/{lang}/declaration/?from=newsletter")
    assert again["X-Page-Cache"] == "miss"
    assert section not in [t.name for t in again.templates]
    assert len(table(again).rows) == 122
    Signatory.objects.create(name="Tromsø", kind="municipality", country="NO")
    assert len(table(client.get(f"/{lang}/declaration/?from=newsletter")).rows) == 123
