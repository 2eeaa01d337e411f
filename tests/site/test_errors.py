import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from ..pages_helpers import outline


@pytest.mark.django_db
@pytest.mark.parametrize("lang,heading", [("en", "Page not found"), ("fr", "Page introuvable")])
def test_404_is_in_the_sites_design_and_language(client, demo_content, lang, heading):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    page = outline(response)
    assert page.html_lang == lang and page.h1_count == 1 and page.has_sidebar
    assert f"<h1>{heading}</h1>" in html
    assert f'action="/{lang}/search/"' in html
    assert f'href="/{lang}/"' in html


@pytest.mark.parametrize("lang,heading", [("en", "Sorry, something went wrong"), ("fr", "Désolé")])
def test_500_renders_without_a_request_or_a_database(lang, heading):
    # No django_db mark: any query here would fail the test.
    with translation.override(lang):
        html = render_to_string("500.html")
    assert f'<html lang="{lang}"' in html
    assert heading in html
    assert f'action="/{lang}/search/"' in html and f'href="/{lang}/"' in html


@pytest.mark.django_db
def test_a_server_error_shows_the_500_page(demo_content, monkeypatch):
    from pages import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.PageView, "get_object", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/fr/about-us/")
    assert response.status_code == 500
    assert "Désolé" in response.content.decode()
