import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_a_country_page_lists_its_participants_and_signatories_in_both_languages(
    client, demo_content
):
    for language, name in (("en", "France"), ("fr", "France")):
        with translation.override(language):
            url = reverse("countries:detail", kwargs={"code": "fr"})
        html = client.get(url).content.decode()
        assert f"<h1>{name}</h1>" in html
        assert "Strasbourg" in html


def test_the_index_links_every_country_with_a_record(client, demo_content):
    html = client.get("/fr/countries/").content.decode()
    assert 'href="/fr/countries/fr/"' in html
    assert "Allemagne" in html or "Albanie" in html


@pytest.mark.parametrize("code", ["zz", "FR", "aq"])
def test_an_unknown_code_an_upper_case_one_or_a_country_without_records_is_not_found(
    client, demo_content, code
):
    assert client.get(f"/en/countries/{code}/").status_code == 404
