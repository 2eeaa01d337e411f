import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from pages.models import SiteSettings
from participants.models import Participant

from ..pages_helpers import assert_public_page

BASE_DIR = Path(__file__).resolve().parents[2]

# Every public page that needs no data of its own; feature tests add theirs.
PUBLIC_PATHS = ["/{lang}/"]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_page_has_the_chrome(client, demo_content, lang, path):
    assert_public_page(client, path.format(lang=lang), lang)


@pytest.mark.django_db
def test_root_sends_the_visitor_to_the_language_the_browser_prefers(client):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    response = client.get("/", headers={"accept-language": "de,en;q=0.5"})
    assert response["Location"] == "/en/"


@pytest.mark.django_db
def test_hreflang_alternates_in_the_head(client, demo_content):
    html = client.get("/fr/").content.decode()
    assert 'rel="alternate" hreflang="en" href="http://testserver/en/"' in html
    assert 'rel="alternate" hreflang="fr" href="http://testserver/fr/"' in html


@pytest.mark.django_db
def test_sidebar_shows_the_staff_edited_settings_in_each_language(client, demo_content):
    settings = SiteSettings.load()
    settings.contact_name = "Ms Ada Example"
    settings.twitter_url = "https://twitter.com/example"
    settings.save()
    english = client.get("/en/").content.decode()
    french = client.get("/fr/").content.decode()
    assert "Ms Ada Example" in english and "Ms Ada Example" in french
    assert 'href="https://twitter.com/example"' in english
    assert "Alliance Task Force" in english
    assert "Task Force de l’Alliance" in french
    assert "Please note" in english
    assert "Veuillez noter" in french


@pytest.mark.django_db
def test_counter_shows_what_the_data_holds(client, demo_content):
    Participant.objects.all().delete()
    Participant.objects.create(name="Strasbourg", kind="city", country="FR")
    assert "<strong>1</strong> city or region" in client.get("/en/news/").content.decode()
    Participant.objects.create(name="Lyon", kind="city", country="FR")
    Participant.objects.create(name="Heraklion", kind="city", country="GR")
    left = Participant.objects.create(name="Innsbruck", kind="city", country="AT")
    left.is_active = False
    left.save()
    english = client.get("/en/news/").content.decode()
    french = client.get("/fr/news/").content.decode()
    assert "<strong>3</strong> cities and regions" in english
    assert "from <strong>2</strong> countries" in english
    assert "<strong>3</strong> villes et régions" in french
    assert "de <strong>2</strong> pays" in french


@pytest.mark.django_db
def test_counter_is_one_query(django_assert_num_queries):
    Participant.objects.create(name="Strasbourg", kind="city", country="FR")
    with django_assert_num_queries(1):
        assert Participant.objects.counter() == {"participants": 1, "countries": 1}


@pytest.mark.django_db
def test_demo_content_loads_twice_to_the_same_site():
    call_command("load_demo_content", stdout=StringIO())
    first = SiteSettings.objects.values().get()
    call_command("load_demo_content", stdout=StringIO())
    assert SiteSettings.objects.count() == 1
    assert SiteSettings.objects.values().get() == first


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:  # pragma: no cover - the failure path
        pytest.fail(f"Models have changes without a migration:\n{out.getvalue()}")


def test_production_start_without_a_secret_key_names_it():
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment.update(DEBUG="false", ALLOWED_HOSTS="alliance.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_french_catalogue_is_compiled():
    assert (BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.mo").exists()
