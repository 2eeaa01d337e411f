"""Linked profiles: a participant and the signatory that is the same authority.

What staff do to link them (the admin's suggestions, the approval of a sign form),
what the demo links, what a visitor sees on a participant's page, the Declaration's
table and an article, and the open data columns that carry the link.
"""

import csv
import io
import json
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.utils import timezone

from declaration.models import Signatory
from news.models import Article
from pages.models import SiteSettings
from participants.models import Participant
from practices.models import Practice
from prize.models import PrizeEdition, PrizeWinner
from search.names import authority_key
from submissions.models import Submission

from ..pages_helpers import assert_public_page
from ..submissions_helpers import FORM_URLS, answers

LANGS = ["en", "fr"]


def text(response):
    """The page's text, tags dropped and spaces (no-break ones too) made plain."""
    html = response.content.decode()
    plain = re.sub(r"<[^>]+>", "", html).replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", plain)


def make_participant(name="Strasbourg", country="FR", **fields):
    return Participant.objects.create(name_en=name, country=country, **fields)


def make_profile(name="Strasbourg", country="FR", count=1):
    """A participant with a signature, `count` practices, prizes and articles, and as
    many unpublished ones that its page must not show."""
    participant = make_participant(name, country, name_fr=name)
    Signatory.objects.create(
        name=f"City of {name}", country=country, date_signed=date(2018, 5, 24),
        participant=participant,
    )  # fmt: skip
    for n in range(count):
        for published in (True, False):
            label = "Shown" if published else "Hidden"
            Practice.objects.create(
                title_en=f"{label} practice {name} {n}", title_fr=f"Pratique {label} {name} {n}",
                summary_en="x", country=country, place=name, type="promising", year=2016,
                participant=participant, is_published=published,
            )  # fmt: skip
            Article.objects.create(
                title_en=f"{label} article {name} {n}", title_fr=f"Article {label} {name} {n}",
                is_published=published, published_at=timezone.now() - timedelta(days=n + 1),
            ).participants.add(participant)  # fmt: skip
        edition, _ = PrizeEdition.objects.get_or_create(year=2011 + 2 * n)
        PrizeWinner.objects.create(
            edition=edition, name_en=name, country=country, rank=2, participant=participant,
            project_en=f"Project {n}", project_fr=f"Projet {n}",
        )  # fmt: skip
    return participant


def test_authority_names_fold_case_accents_and_the_words_of_local_government():
    assert authority_key("City of Strasbourg") == authority_key("Strasbourg") == "strasbourg"
    assert authority_key("Megara Municipality") == authority_key("Mégara") == "megara"
    assert authority_key("Ville de Lyon") == authority_key("LYON")
    assert authority_key("Obstina Tivat") == authority_key("Municipality of Tivat") == "tivat"
    # A region is not the city of the same name.
    assert authority_key("Salzburg – Region") != authority_key("Salzburg")
    assert authority_key("Val-de-Marne") == authority_key("Val de Marne")


# The demo's signatories and participants that are plainly one authority.
DEMO_PAIRS = {
    ("City of Strasbourg", "strasbourg"),
    ("Megara Municipality", "megara"),
    ("Obstina Tivat", "tivat"),
}


def test_the_demo_links_the_pairs_that_are_plainly_one_authority(demo_content):
    linked = Signatory.objects.filter(participant__isnull=False)
    assert {(s.name, s.participant.slug) for s in linked} == DEMO_PAIRS


@pytest.mark.parametrize("lang", LANGS)
def test_a_participants_page_shows_its_signature_practices_prize_and_news(client, db, lang):
    participant = make_profile()
    signatory = participant.signatory

    response = assert_public_page(client, f"/{lang}/participants/strasbourg/", lang)
    page = text(response)
    html = response.content.decode()

    expected = {
        "en": ["Signed the Declaration against anti-Gypsyism on 24 May 2018.", "No. 1 in the",
               "Good practices", "Dosta!-Congress Prize", "Edition 2011", "2nd prize",
               "In the news", "Shown practice Strasbourg 0", "Shown article Strasbourg 0",
               "Project 0"],
        "fr": ["A signé la Déclaration contre l’antitsiganisme le 24 mai 2018.", "N° 1 dans le",
               "Bonnes pratiques", "Prix Dosta!-Congrès", "Édition 2011", "2e prix",
               "Dans l’actualité", "Pratique Shown Strasbourg 0", "Article Shown Strasbourg 0",
               "Projet 0"],
    }[lang]  # fmt: skip
    for words in expected:
        assert words in page, words
    assert "Hidden" not in page
    assert f'href="/{lang}/declaration/#signatories"' in html
    assert signatory.number == 1
    practice = Practice.objects.get(title_en="Shown practice Strasbourg 0")
    assert f'href="/{lang}/good-practices/{practice.slug}/"' in html


def test_a_participant_without_signature_says_nothing_of_it(client, db):
    make_participant("Lille")
    Signatory.objects.create(name="Lille", country="FR", is_public=False)
    page = text(client.get("/en/participants/lille/"))
    assert "Declaration against anti-Gypsyism" not in page
    assert "In the news" not in page


@pytest.mark.parametrize("size", [1, 10])
def test_a_participants_page_runs_a_constant_number_of_queries(
    client, db, django_assert_max_num_queries, size
):
    make_profile("Lyon", count=size)
    SiteSettings.load()
    # The participant, its practices, prizes and articles, its signature's number (5),
    # and the chrome as a first visitor meets it (menu, settings, counter, schedule).
    with django_assert_max_num_queries(9):
        response = client.get("/en/participants/lyon/")
    assert text(response).count("Shown article Lyon") == size


def test_the_signatory_number_is_the_one_of_the_table_and_the_open_data(client, demo_content):
    rows = list(csv.DictReader(io.StringIO(download(client, "/signatories.csv"))))
    by_name = {row["name"]: int(row["number"]) for row in rows}
    for signatory in Signatory.objects.filter(participant__isnull=False):
        assert signatory.number == by_name[signatory.name]
    assert Signatory.objects.numbers() == {
        s.pk: by_name[s.name] for s in Signatory.objects.public()
    }


# The admin: suggestions and the one-click link.


def staff(codenames):
    user = User.objects.create_user("editor", "editor@example.org", "x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


EDITOR = ["view_signatory", "change_signatory", "view_participant"]
READER = ["view_signatory", "view_participant"]


@pytest.fixture
def unlinked(db):
    strasbourg = make_participant("Strasbourg")
    make_participant("Strasbourg", country="BE", slug="strasbourg-be")  # another country
    make_participant("Lyon")
    signatory = Signatory.objects.create(name="Ville de Strasbourg", country="FR")
    return signatory, strasbourg


def change_url(signatory):
    return f"/admin/declaration/signatory/{signatory.pk}/change/"


def link_url(signatory):
    return f"/admin/declaration/signatory/{signatory.pk}/link-participant/"


@pytest.mark.parametrize("lang", LANGS)
def test_the_signatory_admin_suggests_participants_of_its_country_and_name(unlinked, lang):
    signatory, strasbourg = unlinked
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(staff(EDITOR))

    html = client.get(change_url(signatory)).content.decode()
    suggestions = re.search(r'<ul class="suggested-participants">(.*?)</ul>', html, re.S)[1]
    assert suggestions.count("<li>") == 1  # not Lyon, not the Belgian Strasbourg
    assert f'formaction="{link_url(signatory)}"' in suggestions
    assert f'value="{strasbourg.pk}"' in suggestions
    assert {"en": ">Link</button>", "fr": ">Lier</button>"}[lang] in suggestions
    assert 'name="csrfmiddlewaretoken"' in html

    # The button submits the change form (its CSRF token with it) to the link view.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    response = client.post(
        link_url(signatory),
        {"csrfmiddlewaretoken": token, "participant": strasbourg.pk, "name": "ignored"},
        follow=True,
    )
    signatory.refresh_from_db()
    assert signatory.participant == strasbourg
    assert signatory.name == "Ville de Strasbourg"  # nothing else of the form was saved
    message = {"en": "is now linked to the participant", "fr": "est désormais lié au participant"}
    assert message[lang] in text(response)
    assert signatory.history.latest().participant_id == strasbourg.pk
    # Linked: the participant's admin page names its signatory.
    participant_page = client.get(f"/admin/participants/participant/{strasbourg.pk}/change/")
    assert (
        f'href="{change_url(signatory)}">Ville de Strasbourg</a>'
        in participant_page.content.decode()
    )


def test_linking_needs_the_change_permission_csrf_and_a_post(unlinked):
    signatory, strasbourg = unlinked
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff(READER))
    html = client.get(change_url(signatory)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]

    refused = client.post(
        link_url(signatory), {"csrfmiddlewaretoken": token, "participant": strasbourg.pk}
    )
    assert refused.status_code == 403

    User.objects.get().user_permissions.add(Permission.objects.get(codename="change_signatory"))
    assert client.post(link_url(signatory), {"participant": strasbourg.pk}).status_code == 403
    assert client.get(link_url(signatory)).status_code == 405
    signatory.refresh_from_db()
    assert signatory.participant is None


def test_a_participant_that_is_not_a_suggestion_is_not_linked(unlinked, client):
    signatory, _strasbourg = unlinked
    client.force_login(staff(EDITOR))
    lyon = Participant.objects.get(name_en="Lyon")
    response = client.post(link_url(signatory), {"participant": lyon.pk}, follow=True)
    assert "nothing was linked" in text(response)
    signatory.refresh_from_db()
    assert signatory.participant is None


# The moderator's approval of a sign form.


def submit_signature(client, **changes):
    response = client.post(FORM_URLS["sign"].format(lang="en"), answers("sign", **changes))
    assert response.status_code == 302
    return Submission.objects.latest("pk")


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("moderator", "moderator@example.org", "x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_submission", "change_submission", "moderate_submission"]
        )
    )
    return user


@pytest.mark.parametrize("lang", LANGS)
def test_approving_a_signature_from_a_participant_links_them(client, moderator, lang):
    tivat = make_participant("Tivat", country="ME", kind="municipality")
    make_participant("Kotor", country="ME")
    submission = submit_signature(client, authority_name="Municipality of Tivat")
    client.force_login(moderator)

    response = client.post(
        "/admin/submissions/submission/",
        {"action": "approve_published", "_selected_action": [submission.pk]},
        headers={"accept-language": lang},
        follow=True,
    )

    submission.refresh_from_db()
    assert submission.signatory.participant == tivat
    said = {
        "en": "The signatory Municipality of Tivat is the participant Tivat: they are linked",
        "fr": "Le signataire Municipality of Tivat est le participant Tivat : ils sont liés",
    }[lang]
    assert said in text(response)
    assert f'href="/admin/participants/participant/{tivat.pk}/change/"' in response.content.decode()


@pytest.mark.parametrize(
    "name", ["Tivat Region", "Tivat Bay Municipality", "Kotor"], ids=["region", "other", "none"]
)
def test_approval_links_on_an_exact_folded_match_only(client, moderator, name):
    make_participant("Tivat", country="ME")
    submission = submit_signature(client, authority_name=name)
    submission.approve(moderator, publish=True)
    assert submission.signatory.participant is None


def test_approval_does_not_choose_between_two_matches(client, moderator):
    make_participant("Tivat", country="ME")
    make_participant("Tivat", country="ME", slug="tivat-2", kind="region")
    submission = submit_signature(client, authority_name="Municipality of Tivat")
    submission.approve(moderator, publish=True)
    assert submission.signatory.participant is None


# What visitors see elsewhere: the Declaration's table, articles, the open data.


@pytest.mark.parametrize("lang", LANGS)
def test_the_declarations_table_links_a_signatory_to_its_participant(client, demo_content, lang):
    html = assert_public_page(client, f"/{lang}/declaration/", lang).content.decode()
    row = re.search(r'<tr id="signatory-34">.*?</tr>', html, re.S)[0]
    assert f'<a href="/{lang}/participants/strasbourg/">City of Strasbourg</a>' in row
    other = re.search(r'<tr id="signatory-35">.*?</tr>', html, re.S)[0]
    assert '<th scope="row">Saint-Gérand-le-Puy</th>' in other  # no participant to link


@pytest.mark.parametrize("lang", LANGS)
def test_an_article_links_the_participants_it_names(client, db, lang):
    participant = make_profile("Megara", country="GR")
    make_participant("Gone", is_active=False)
    article = Article.objects.get(title_en="Shown article Megara 0")
    article.participants.add(Participant.objects.get(name_en="Gone"))

    response = assert_public_page(
        client, article.get_absolute_url().replace("/en/", f"/{lang}/"), lang
    )
    page, html = text(response), response.content.decode()
    assert {"en": "Participants named", "fr": "Participants cités"}[lang] in page
    assert f'href="/{lang}/participants/{participant.slug}/"' in html
    assert {"en": "signed the Declaration", "fr": "signataire de la Déclaration"}[lang] in page
    assert "Gone" not in page
    assert article.history.latest().participants.count() == 2


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_the_open_data_carries_the_link_in_new_last_columns(client, demo_content):
    participants = list(csv.DictReader(io.StringIO(download(client, "/participants.csv"))))
    signatories = list(csv.DictReader(io.StringIO(download(client, "/signatories.csv"))))
    assert list(participants[0])[-1] == "signatory_number"
    assert list(participants[0])[-2] == "url"
    assert list(signatories[0])[-1] == "participant_slug"
    assert list(signatories[0])[-2] == "date_signed"

    numbers = {row["slug"]: row["signatory_number"] for row in participants}
    slugs = {row["number"]: row["participant_slug"] for row in signatories}
    names = {row["number"]: row["name"] for row in signatories}
    linked = {(names[number], slug) for number, slug in slugs.items() if slug}
    assert linked == DEMO_PAIRS
    for number, slug in slugs.items():
        if slug:
            assert numbers[slug] == number
    assert numbers["lille"] == ""

    as_json = json.loads(client.get("/participants.json").content)
    strasbourg = next(row for row in as_json if row["slug"] == "strasbourg")
    assert strasbourg["signatory_number"] == int(numbers["strasbourg"])
    assert next(row for row in as_json if row["slug"] == "lille")["signatory_number"] is None
    signatories_json = json.loads(client.get("/signatories.json").content)
    assert {row["participant_slug"] for row in signatories_json} == {
        "",
        "strasbourg",
        "megara",
        "tivat",
    }


def test_an_inactive_participant_gives_no_slug_to_its_signatory(client, demo_content):
    Participant.objects.filter(slug="tivat").update(is_active=False)
    rows = json.loads(client.get("/signatories.json").content)
    assert next(r for r in rows if r["name"] == "Obstina Tivat")["participant_slug"] == ""


# Honest figures.


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_and_about_us_say_which_list_they_show(client, demo_content, lang):
    listing = text(assert_public_page(client, f"/{lang}/participants/", lang))
    about = text(assert_public_page(client, f"/{lang}/about-us/", lang))
    said = {
        "en": ("the participants whose membership is published on this site",
               "In April 2019 the Alliance counted 130 participating cities and regions from 29 "
               "countries."),
        "fr": ("les participants dont l’adhésion est publiée sur ce site",
               "En avril 2019, l’Alliance comptait 130 villes et régions participantes de "
               "29 pays."),
    }[lang]  # fmt: skip
    assert said[0] in listing
    assert said[1] in about
    counter = Participant.objects.counter()
    assert counter["participants"] == 13
    # The figure of 2019 is given with its date wherever it appears; the counters are computed.
    assert "130" not in listing


@pytest.mark.parametrize("lang", LANGS)
def test_a_practice_links_to_the_participant_that_carried_it_out(client, db, lang):
    make_profile("Lille")
    practice = Practice.objects.get(title_en="Shown practice Lille 0")
    url = f"/{lang}/good-practices/{practice.slug}/"
    html = assert_public_page(client, url, lang).content.decode()
    assert f'<a href="/{lang}/participants/lille/">Lille</a>' in html


def test_naming_a_participant_in_an_article_renews_its_cached_page(client, db):
    participant = make_participant("Lille")
    article = Article.objects.create(title_en="Lille news", is_published=True)
    assert "Lille news" not in text(client.get("/en/participants/lille/"))  # now cached
    article.participants.add(participant)
    assert "Lille news" in text(client.get("/en/participants/lille/"))
