"""The four public forms, from the visitor's side and through to the public record."""

import pytest
from django.core import mail

from declaration.models import Signatory
from participants.models import Participant
from submissions.models import NGOPartner, OutgoingEmail, Submission

from ..pages_helpers import assert_public_page
from ..submissions_helpers import FORM_URLS, THANKS_URLS, answers, run_email_worker

LANGS = ["en", "fr"]
KINDS = ["join", "cooperate", "sign", "practice"]
ACKNOWLEDGEMENT_SUBJECTS = {
    ("join", "en"): "We have received your request to join the Alliance",
    ("join", "fr"): "Nous avons bien reçu votre demande d'adhésion à l'Alliance",
    ("cooperate", "en"): "We have received your proposal for cooperation",
    ("cooperate", "fr"): "Nous avons bien reçu votre proposition de coopération",
    ("sign", "en"): "We have received your signature of the Declaration",
    ("sign", "fr"): "Nous avons bien reçu votre signature de la Déclaration",
    ("practice", "en"): "We have received your proposal of a good practice",
    ("practice", "fr"): "Nous avons bien reçu votre proposition de bonne pratique",
}


def send(client, kind, lang, **changes):
    return client.post(FORM_URLS[kind].format(lang=lang), answers(kind, **changes))


def approve(client, moderator, submission, publish=True):
    client.force_login(moderator)
    action = "approve_published" if publish else "approve_unpublished"
    response = client.post(
        "/admin/submissions/submission/",
        {"action": action, "_selected_action": [submission.pk]},
    )
    assert response.status_code == 302
    client.logout()
    submission.refresh_from_db()
    return submission


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_form_and_thank_you_pages_are_public_pages(client, demo_content, kind, lang):
    form_page = assert_public_page(client, FORM_URLS[kind].format(lang=lang), lang)
    html = form_page.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'href="/{lang}/privacy/"' in html
    assert client.get(f"/{lang}/privacy/").status_code == 200
    assert 'name="homepage"' in html and 'class="hp-field"' in html
    assert 'name="shown_at"' in html
    assert_public_page(client, THANKS_URLS[kind].format(lang=lang), lang)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_partners_page_is_a_public_page(client, demo_content, lang):
    assert_public_page(client, f"/{lang}/partners/", lang)


@pytest.mark.django_db
def test_sidebar_links_to_the_join_and_cooperate_forms(client, demo_content):
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/join/"' in html
    assert 'href="/fr/cooperate/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_valid_submission_is_stored_acknowledged_and_announced(client, kind, lang):
    response = send(client, kind, lang)

    assert response.status_code == 302
    assert response["Location"] == THANKS_URLS[kind].format(lang=lang)
    submission = Submission.objects.get()
    assert submission.kind == kind
    assert submission.status == Submission.Status.PENDING
    assert submission.language == lang
    assert submission.country.code == answers(kind)["country"]
    assert Submission.objects.pending().count() == 1

    run_email_worker()
    acknowledgement, notification = sorted(mail.outbox, key=lambda m: m.to != [submission.email])
    assert acknowledgement.to == [submission.email]
    assert acknowledgement.subject == ACKNOWLEDGEMENT_SUBJECTS[kind, lang]
    assert submission.name in acknowledgement.body
    assert notification.to == ["alliance@coe.int"]
    admin_link = f"http://testserver/admin/submissions/submission/{submission.pk}/change/"
    assert admin_link in notification.body
    assert submission.name in notification.subject
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db
def test_stored_answers_keep_what_the_sender_wrote(client):
    send(client, "join", "en")
    data = Submission.objects.get().data
    assert data["authority_name"] == "City of Kragujevac"
    assert data["roma_population"] == 5000
    assert data["address"] == "Trg Slobode 3\n34000 Kragujevac"
    assert data["consent"] is True and data["commitment"] is True
    assert "homepage" not in data and "shown_at" not in data


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_approved_join_request_counts_on_the_site(client, moderator, lang):
    send(client, "join", lang)
    assert "<strong>0</strong>" in client.get(f"/{lang}/").content.decode()

    submission = approve(client, moderator, Submission.objects.get())

    participant = Participant.objects.get()
    assert submission.participant == participant
    assert submission.status == Submission.Status.APPROVED
    assert submission.decided_by == moderator and submission.decided_at is not None
    assert (participant.name, participant.kind, participant.country.code) == (
        "City of Kragujevac",
        "city",
        "RS",
    )
    assert participant.is_active
    assert participant.website == "https://www.kragujevac.rs"
    assert participant.date_joined is not None
    counter = client.get(f"/{lang}/").content.decode()
    assert "<strong>1</strong>" in counter
    listing = client.get(f"/{lang}/participants/").content.decode()
    assert f'href="/{lang}/participants/city-of-kragujevac/"' in listing
    page = assert_public_page(client, f"/{lang}/participants/city-of-kragujevac/", lang)
    assert "City of Kragujevac" in page.content.decode()
    run_email_worker()
    approval = mail.outbox[-1]
    assert approval.to == ["jelena@example.org"]
    assert (
        approval.subject
        == {"en": "Welcome to the Alliance", "fr": "Bienvenue dans l'Alliance"}[lang]
    )


@pytest.mark.django_db
def test_join_request_approved_unpublished_stays_off_the_counter(client, moderator):
    send(client, "join", "en")
    submission = approve(client, moderator, Submission.objects.get(), publish=False)
    assert submission.participant.is_active is False
    assert Participant.objects.counter() == {"participants": 0, "countries": 0}
    assert "City of Kragujevac" not in client.get("/en/participants/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_approved_signature_joins_the_public_signatories(client, moderator, lang):
    send(client, "sign", lang)
    submission = approve(client, moderator, Submission.objects.get())

    signatory = Signatory.objects.public().get()
    assert submission.signatory == signatory
    assert signatory.name == "Municipality of Tivat"
    assert signatory.signatory_name == "Ivan Example"
    assert signatory.signatory_position == "Mayor"
    assert str(signatory.date_signed) == "2019-03-12"
    assert Signatory.objects.counter() == {"signatories": 1, "countries": 1}
    table = client.get(f"/{lang}/declaration/").content.decode()
    assert f'href="/{lang}/declaration/sign/"' in table  # "Sign the Declaration here"
    country = {"en": "Montenegro", "fr": "Monténégro"}[lang]
    assert (
        f'<td><a href="/{lang}/countries/me/">{country}</a></td>'
        '<th scope="row">Municipality of Tivat</th>'
    ) in table
    assert "Ivan Example" not in table  # the person who signed stays off the public page


@pytest.mark.django_db
def test_signature_approved_unpublished_is_not_public(client, moderator):
    send(client, "sign", "en")
    approve(client, moderator, Submission.objects.get(), publish=False)
    assert Signatory.objects.count() == 1
    assert not Signatory.objects.public().exists()
    assert "Municipality of Tivat" not in client.get("/en/declaration/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_approved_ngo_appears_on_the_partners_page(client, moderator, lang):
    send(client, "cooperate", lang)
    page = client.get(f"/{lang}/partners/").content.decode()
    assert "Roma Education Example" not in page

    submission = approve(client, moderator, Submission.objects.get())

    assert submission.partner.fields_of_work == ["education", "housing"]
    page = client.get(f"/{lang}/partners/").content.decode()
    link = '<a href="https://ngo.example.org" rel="external noopener">Roma Education Example</a>'
    assert link in page
    assert {"en": "Education, Housing", "fr": "Éducation, Logement"}[lang] in page
    assert {"en": "Hungary", "fr": "Hongrie"}[lang] in page


@pytest.mark.django_db
def test_ngo_approved_unpublished_stays_off_the_partners_page(client, moderator):
    send(client, "cooperate", "en")
    approve(client, moderator, Submission.objects.get(), publish=False)
    assert "Roma Education Example" not in client.get("/en/partners/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_public_pages_show_no_personal_data(client, moderator, lang):
    for kind in KINDS:
        send(client, kind, lang)
    for submission in Submission.objects.all():
        approve(client, moderator, submission)
    for url in [
        f"/{lang}/",
        f"/{lang}/partners/",
        f"/{lang}/participants/",
        f"/{lang}/participants/city-of-kragujevac/",
        f"/{lang}/declaration/",
        f"/{lang}/good-practices/",
        f"/{lang}/good-practices/homework-club-in-the-settlement/",
        "/participants.json",
        "/signatories.csv",
        *[u.format(lang=lang) for u in FORM_URLS.values()],
    ]:
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        html = body.decode()
        for private in (
            "Anna Example",
            "anna@example.org",
            "+36 1 234 5678",
            "Jelena Example",
            "jelena@example.org",
            "mayor@example.org",
            "Ivan Example",
            "mediators programme",
            "Marta Example",
            "marta@example.org",
            "Example Volunteers",
        ):
            assert private not in html, (url, private)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_rejection_sends_the_reason_in_the_senders_language(client, moderator, kind, lang):
    send(client, kind, lang)
    submission = Submission.objects.get()
    client.force_login(moderator)

    confirm = client.post(
        "/admin/submissions/submission/",
        {"action": "reject", "_selected_action": [submission.pk]},
    )
    assert confirm.status_code == 200
    assert "Reason, sent to the sender" in confirm.content.decode()
    response = client.post(
        "/admin/submissions/submission/",
        {
            "action": "reject",
            "_selected_action": [submission.pk],
            "apply": "yes",
            "reason": "Only local and regional authorities of member States can take part.",
        },
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED
    assert submission.decided_by == moderator
    assert submission.record is None
    run_email_worker()
    rejection = mail.outbox[-1]
    assert rejection.to == [submission.email]
    assert "Only local and regional authorities of member States can take part." in rejection.body
    assert {"en": "we cannot", "fr": "ne pas pouvoir"}[lang] in rejection.body
    assert not Participant.objects.exists() and not NGOPartner.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_errors_are_summarised_named_at_each_field_and_values_kept(client, lang):
    response = send(client, "join", lang, contact_email="not an address", website="", consent=None)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert '<a href="#id_contact_email">' in html
    assert '<a href="#id_website">' in html
    assert '<a href="#id_consent">' in html
    assert 'id="id_contact_email_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="City of Kragujevac"' in html
    assert 'value="not an address"' in html
    assert ">\nWe run a Roma mediators programme.</textarea>" in html
    message = {
        "en": "Enter an email address, for example name@example.org.",
        "fr": "Saisissez une adresse électronique, par exemple nom@example.org.",
    }
    assert message[lang] in html
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_fields_have_visible_labels_hints_and_required_marks(client):
    html = client.get("/en/cooperate/").content.decode()
    assert '<label for="id_ngo_name">Name of the NGO <span class="required"' in html
    assert '<legend>Fields of work <span class="required"' in html
    assert 'id="id_contact_phone_helptext"' in html
    assert 'aria-describedby="id_contact_phone_helptext"' in html
    assert 'maxlength="3000"' in html
    assert "placeholder" not in html


@pytest.mark.django_db
def test_checkbox_group_error_links_to_its_first_box(client):
    html = send(client, "cooperate", "en", fields_of_work=None).content.decode()
    assert '<a href="#id_fields_of_work_0">Tick at least one field of work.</a>' in html
    assert 'id="id_fields_of_work_0"' in html


@pytest.mark.django_db
def test_a_bad_web_address_is_named_once_with_an_example(client):
    html = send(client, "cooperate", "en", website="nope").content.decode()
    assert html.count("Enter a web address, for example https://www.example.org.") == 2
    assert "Enter a valid URL" not in html
