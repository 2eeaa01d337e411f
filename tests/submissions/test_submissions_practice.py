"""Proposing a good practice: the form, and what a moderator's decision makes of it."""

import os
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alliance_site.typography import french_typography
from practices.models import Practice
from submissions.models import Submission

from ..pages_helpers import assert_public_page
from ..submissions_helpers import (
    FORM_URLS,
    THANKS_URLS,
    answers,
    image_bytes,
    pdf_bytes,
    run_email_worker,
    upload,
)

LANGS = ["en", "fr"]
FORM = FORM_URLS["practice"]
SLUG = "homework-club-in-the-settlement"
APPROVAL_SUBJECTS = {
    "en": "Your proposal of a good practice is accepted",
    "fr": "Votre proposition de bonne pratique est acceptée",
}


def propose(client, lang="en", **changes):
    return client.post(FORM.format(lang=lang), answers("practice", **changes))


def approve(client, moderator, publish=True):
    client.force_login(moderator)
    response = client.post(
        "/admin/submissions/submission/",
        {
            "action": "approve_published" if publish else "approve_unpublished",
            "_selected_action": [Submission.objects.get().pk],
        },
    )
    assert response.status_code == 302
    client.logout()
    return Submission.objects.get()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "en",
            [
                "<h1>Propose a good practice</h1>",
                '<label for="id_title">Title of the practice <span class="required"',
                '<legend>Themes <span class="required"',
                '<label for="id_themes_0">Education</label>',
                '<legend>Type of practice <span class="required"',
                '<label for="id_type_0">Demonstrated</label>',
                "Demonstrated: results shown by an evaluation.",
                '<label for="id_place">City or region <span class="required"',
                '<label for="id_year">Year the practice started (optional)</label>',
                '<label for="id_document">Document (optional)</label>',
                '<label for="id_contact_organisation">Your organisation <span class="required"',
                "published without your name or contact details",
            ],
        ),
        (
            "fr",
            [
                "<h1>Proposer une bonne pratique</h1>",
                '<label for="id_title">Titre de la pratique <span class="required"',
                '<legend>Thèmes <span class="required"',
                '<label for="id_themes_0">Éducation</label>',
                '<legend>Type de pratique <span class="required"',
                '<label for="id_type_0">Éprouvée</label>',
                "Éprouvée : résultats démontrés par une évaluation.",
                '<label for="id_place">Ville ou région <span class="required"',
                '<label for="id_year">Année de début de la pratique (facultatif)</label>',
                '<label for="id_document">Document (facultatif)</label>',
                '<label for="id_contact_organisation">Votre organisation <span class="required"',
                "publiée sans votre nom ni vos coordonnées",
            ],
        ),
    ],
)
def test_the_form_speaks_the_visitors_language(client, demo_content, lang, texts):
    response = assert_public_page(client, FORM.format(lang=lang), lang)
    html = response.content.decode()
    for text in texts:
        assert french_typography(text, lang) in html
    assert 'enctype="multipart/form-data"' in html
    assert f'href="/{lang}/good-practices/"' in html  # back to the database
    assert "placeholder" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "link"),
    [
        ("en", '<a class="button" href="/en/good-practices/propose/">Propose a good practice</a>'),
        (
            "fr",
            '<a class="button" href="/fr/good-practices/propose/">Proposer une bonne pratique</a>',
        ),
    ],
)
def test_the_good_practices_list_links_to_the_form(client, lang, link):
    empty = client.get(f"/{lang}/good-practices/").content.decode()
    assert link in empty
    Practice.objects.create(
        title_en="Mobile clinic", summary_en="x", country="BG", place="x", type="replicated"
    )
    assert link in client.get(f"/{lang}/good-practices/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_errors_are_named_at_each_field_and_the_answers_kept(client, lang):
    response = propose(client, lang, themes=None, type=None, year="2999", link="nope")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    for target in ("id_themes_0", "id_type_0", "id_year", "id_link"):
        assert f'<a href="#{target}">' in html
    for field in ("themes", "type", "year", "link"):
        assert f'id="id_{field}_error"' in html
    messages = {
        "en": [
            "Tick at least one theme.",
            "Choose the type of practice.",
            "The year the practice started cannot be in the future.",
            "Enter a web address, for example https://www.example.org.",
        ],
        "fr": [
            "Cochez au moins un thème.",
            "Choisissez le type de pratique.",
            "L&#x27;année de début de la pratique ne peut pas être dans le futur.",
            "Saisissez une adresse web, par exemple https://www.example.org.",
        ],
    }
    for message in messages[lang]:
        assert french_typography(message, lang) in html
    assert 'value="Homework club in the settlement"' in html
    summary = answers("practice")["summary"]
    assert f">\n{summary}</textarea>" in html
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_the_chosen_themes_and_type_are_kept_after_an_error(client):
    html = propose(client, contact_email="marta@").content.decode()
    assert 'value="education" id="id_themes_0" checked' in html
    assert 'value="participation" id="id_themes_6" checked' in html
    assert 'value="promising" id="id_type_2" required checked' in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_a_proposal_is_stored_as_sent_and_acknowledged(client, lang):
    response = propose(client, lang)

    assert response.status_code == 302
    assert response["Location"] == THANKS_URLS["practice"].format(lang=lang)
    submission = Submission.objects.pending().get()
    assert submission.kind == Submission.Kind.PRACTICE
    assert submission.name == "Homework club in the settlement"
    assert submission.email == "marta@example.org"
    assert submission.country.code == "SK"
    assert submission.language == lang
    assert submission.data["themes"] == ["education", "participation"]
    assert submission.data["year"] == 2018
    assert submission.data["contact_organisation"] == "Example Volunteers"
    assert "document" not in submission.data and not submission.scan
    assert not Practice.objects.exists()  # nothing public before a decision

    run_email_worker()
    acknowledgement = next(m for m in mail.outbox if m.to == ["marta@example.org"])
    name = {"en": "“Homework club in the settlement”", "fr": "« Homework club in the settlement »"}
    assert name[lang] in acknowledgement.body
    run_email_worker()
    notification = next(m for m in mail.outbox if m.to == ["alliance@coe.int"])
    assert "Propose a good practice" in notification.subject
    assert f"/admin/submissions/submission/{submission.pk}/change/" in notification.body


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_approval_publishes_the_practice_in_both_languages(client, moderator, lang):
    propose(client, lang)
    submission = approve(client, moderator)

    practice = Practice.objects.published().get()
    assert submission.practice == practice == submission.record
    assert submission.status == Submission.Status.APPROVED
    assert submission.decided_by == moderator
    assert practice.title_en == "Homework club in the settlement"
    assert practice.summary_en == answers("practice")["summary"]
    assert (practice.country.code, practice.place, practice.type, practice.year) == (
        "SK",
        "Example County",
        "promising",
        2018,
    )
    assert practice.link == "https://homework.example.org"
    assert sorted(practice.themes.values_list("slug", flat=True)) == ["education", "participation"]
    assert practice.slug == SLUG
    for language in LANGS:
        listing = client.get(f"/{language}/good-practices/").content.decode()
        assert f'<a href="/{language}/good-practices/{SLUG}/">' in listing
        page = assert_public_page(client, f"/{language}/good-practices/{SLUG}/", language)
        assert "Homework club in the settlement" in page.content.decode()
    themes = client.get("/fr/good-practices/?theme=participation").content.decode()
    assert "Homework club in the settlement" in themes
    run_email_worker()
    approval = mail.outbox[-1]
    assert approval.to == ["marta@example.org"]
    assert approval.subject == APPROVAL_SUBJECTS[lang]


@pytest.mark.django_db
def test_a_practice_approved_unpublished_stays_hidden(client, moderator):
    propose(client)
    submission = approve(client, moderator, publish=False)

    assert submission.practice.is_published is False
    assert not Practice.objects.published().exists()
    for lang in LANGS:
        html = client.get(f"/{lang}/good-practices/").content.decode()
        assert "Homework club in the settlement" not in html
        assert client.get(f"/{lang}/good-practices/{SLUG}/").status_code == 404
        search = client.get(f"/{lang}/search/?q=homework").content.decode()
        assert "Homework club in the settlement" not in search


@pytest.mark.django_db
def test_a_french_proposal_keeps_its_french_text_when_staff_translate_it(client, moderator):
    propose(client, "fr", title="Aide aux devoirs", summary="Des bénévoles aident les élèves.")
    practice = approve(client, moderator).practice

    # English, the language every other falls back to, holds the text until staff translate it.
    assert practice.title_en == practice.title_fr == "Aide aux devoirs"
    practice.title_en = "Homework help"
    practice.save()
    french = client.get(f"/fr/good-practices/{practice.slug}/").content.decode()
    assert "<h1>Aide aux devoirs</h1>" in french
    english = client.get(f"/en/good-practices/{practice.slug}/").content.decode()
    assert "<h1>Homework help</h1>" in english


@pytest.mark.django_db
def test_an_english_proposal_leaves_the_french_text_to_the_fallback(client, moderator):
    propose(client, "en")
    practice = approve(client, moderator).practice
    assert practice.title_fr in (None, "")
    assert practice.summary_fr in (None, "")


@pytest.mark.django_db
def test_the_proposers_details_never_reach_the_public_pages(client, moderator):
    propose(client)
    approve(client, moderator)
    for url in (
        "/en/good-practices/",
        f"/en/good-practices/{SLUG}/",
        f"/fr/good-practices/{SLUG}/",
        "/en/search/?q=homework",
    ):
        html = client.get(url).content.decode()
        for private in ("Marta Example", "marta@example.org", "Example Volunteers"):
            assert private not in html, (url, private)


@pytest.mark.django_db
def test_the_admin_shows_the_answers_under_the_forms_labels(client, moderator):
    propose(client, "fr")
    submission = Submission.objects.get()
    client.force_login(moderator)

    html = client.get(f"/admin/submissions/submission/{submission.pk}/change/").content.decode()
    assert '<th scope="row">Title of the practice</th>' in html
    assert '<th scope="row">Themes</th><td>Education, Participation</td>' in html
    assert '<th scope="row">Type of practice</th><td>Promising</td>' in html
    assert '<th scope="row">Country</th><td>Slovakia</td>' in html
    assert '<th scope="row">Your organisation</th><td>Example Volunteers</td>' in html
    listing = client.get("/admin/submissions/submission/?kind__exact=practice")
    assert [s.pk for s in listing.context["cl"].result_list] == [submission.pk]


# The document


@pytest.mark.django_db
def test_a_document_is_kept_privately_then_published_with_the_practice(client, settings, moderator):
    content = pdf_bytes()
    propose(client, document=upload("Report.PDF", content, "application/pdf"))
    submission = Submission.objects.get()
    assert submission.scan.read() == content
    assert submission.scan.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))

    practice = approve(client, moderator).practice

    assert practice.document.read() == content
    assert practice.document.path.startswith(str(settings.MEDIA_ROOT))
    assert practice.document.name.startswith("practices/") and practice.document.name.endswith(
        ".pdf"
    )
    page = client.get(f"/en/good-practices/{SLUG}/").content.decode()
    assert f'href="{practice.document.url}"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.png", image_bytes("PNG"), "Choose a PDF file."),
        ("report.docx", b"PK\x03\x04", "Choose a PDF file."),
        ("report.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "Choose a PDF file."),
        ("report.pdf", image_bytes("PNG"), "is not a PDF document"),
        ("report.pdf", pdf_bytes(b"<< /S /JavaScript /JS (x) >>\n"), "Send a plain PDF."),
        ("report.pdf", pdf_bytes(b"<html><script>alert(1)</script></html>\n"), "Send a plain PDF."),
        ("report.pdf", b"", "The submitted file is empty"),
    ],
)
def test_a_document_that_is_not_a_plain_pdf_is_refused_at_the_field(client, name, content, message):
    response = propose(client, document=upload(name, content))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_document_error"' in html
    assert message in html
    assert "please choose it again" not in html  # the field in error says what to do
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_document_too_large_is_refused_in_french(client):
    content = b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024) + b"\n%%EOF\n"
    response = propose(client, "fr", document=upload("report.pdf", content))
    assert response.status_code == 200
    assert "choisissez un fichier de moins de 10 Mo" in response.content.decode()


# Retention


@pytest.mark.django_db
def test_anonymising_keeps_only_what_the_practice_page_shows(
    client, settings, moderator, django_capture_on_commit_callbacks
):
    settings.SUBMISSION_RETENTION_DAYS = 30
    propose(client, document=upload("report.pdf", pdf_bytes(), "application/pdf"))
    submission = approve(client, moderator)
    private_copy = submission.scan.path
    Submission.objects.update(created_at=timezone.now() - timedelta(days=31))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_old_submissions", stdout=StringIO(), stderr=StringIO())

    submission.refresh_from_db()
    assert submission.anonymised_at is not None
    assert submission.data == {
        "title": "Homework club in the settlement",
        "summary": answers("practice")["summary"],
        "country": "SK",
        "place": "Example County",
        "themes": ["education", "participation"],
        "type": "promising",
        "year": 2018,
        "link": "https://homework.example.org",
    }
    assert set(submission.data) == set(Submission.PUBLIC_DATA[Submission.Kind.PRACTICE])
    assert submission.email == "" and not submission.scan
    assert not submission.emails.exists()
    assert not os.path.exists(private_copy)
    # The public record and its own copy of the document stay.
    practice = Practice.objects.published().get()
    assert submission.practice == practice
    assert os.path.exists(practice.document.path)
