"""One number per signatory: the French table, the English table and /signatories.csv agree."""

import csv
import io

import pytest
from selectolax.lexbor import LexborHTMLParser

from declaration.models import Signatory


def table(client, lang, page=None):
    path = f"/{lang}/declaration/" + (f"?page={page}" if page else "")
    response = client.get(path)
    assert response.status_code == 200
    rows = LexborHTMLParser(response.content.decode()).css("table.signatories tbody tr")
    return [
        (int(row.css_first("td").text()), row.css("td")[1].text(), row.css_first("th").text())
        for row in rows
    ]


def open_data(client):
    text = b"".join(client.get("/signatories.csv").streaming_content).decode("utf-8-sig")
    return {(int(row["number"]), row["name"]) for row in csv.DictReader(io.StringIO(text))}


@pytest.mark.django_db
def test_each_signatory_has_the_same_number_in_both_languages_and_the_open_data(
    client, demo_content
):
    english, french = table(client, "en"), table(client, "fr")
    assert len(english) == len(french) == Signatory.objects.public().count() == 122
    numbered = {(number, name) for number, _country, name in english}
    assert {(number, name) for number, _country, name in french} == numbered
    assert open_data(client) == numbered
    # The English table counts its rows in order; the French one lists the
    # countries in French order, each signatory keeping its number.
    assert [number for number, _country, _name in english] == list(range(1, 123))
    french_countries = [country for _number, country, _name in french]
    assert french_countries[0] == "Albanie" and "Allemagne" in french_countries[:20]
    german = [number for number, country, _name in french if country == "Allemagne"]
    assert german and min(german) > 20, "Germany keeps its English place (G) in French"
    assert "the same number in every language" in client.get("/en/declaration/").content.decode()


@pytest.mark.django_db
def test_numbers_agree_across_pages_of_the_table(client, settings):
    from declaration.views import DeclarationView

    countries = ["DE", "AL", "ES", "FR", "AT"]  # Allemagne, Albanie, Espagne, France, Autriche
    for index in range(25):
        Signatory.objects.create(name=f"Town {index:02d}", country=countries[index % 5])
    DeclarationView.per_page = 7
    try:
        english = [row for page in range(1, 5) for row in table(client, "en", page)]
        french = [row for page in range(1, 5) for row in table(client, "fr", page)]
    finally:
        DeclarationView.per_page = 200
    numbered = {(number, name) for number, _country, name in english}
    assert len(numbered) == 25
    assert {(number, name) for number, _country, name in french} == numbered
    assert open_data(client) == numbered
    assert [country for _n, country, _name in french][:5] == ["Albanie"] * 5
    assert [country for _n, country, _name in french][5:10] == ["Allemagne"] * 5
