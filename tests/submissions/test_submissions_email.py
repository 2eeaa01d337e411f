"""A mail server that is down loses nothing; old personal data does not linger."""

import os
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from participants.models import Participant
from submissions.models import OutgoingEmail, Submission

from ..submissions_helpers import (
    FORM_URLS,
    THANKS_URLS,
    answers,
    pdf_bytes,
    run_email_worker,
    upload,
)

LANGS = ["en", "fr"]
KINDS = ["join", "cooperate", "sign", "practice"]
BROKEN = "tests.submissions_helpers.BrokenMailServer"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


def send_pending_emails():
    out, err = StringIO(), StringIO()
    call_command("send_pending_emails", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_mail_server_down_keeps_the_submission_and_retries_later(client, settings, kind, lang):
    settings.EMAIL_BACKEND = BROKEN
    response = client.post(FORM_URLS[kind].format(lang=lang), answers(kind))

    assert response.status_code == 302
    assert response["Location"] == THANKS_URLS[kind].format(lang=lang)
    submission = Submission.objects.pending().get()
    failed = OutgoingEmail.objects.filter(submission=submission)
    assert set(failed.values_list("status", flat=True)) == {"waiting"}  # not sent in the request
    run_email_worker()
    assert [(e.status, e.attempts) for e in failed] == [("failed", 1), ("failed", 1)]
    assert "SMTPServerDisconnected" in failed[0].last_error
    assert mail.outbox == []

    out, err = send_pending_emails()  # cron, while the server is still down
    assert "0 sent, 2 failed." in out
    assert "Connection unexpectedly closed" in err
    assert set(failed.values_list("attempts", flat=True)) == {2}

    settings.EMAIL_BACKEND = WORKING
    out, _err = send_pending_emails()
    assert "2 sent, 0 failed." in out
    assert set(failed.values_list("status", flat=True)) == {"sent"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([submission.email, "alliance@coe.int"])
    acknowledgement = next(m for m in mail.outbox if m.to == [submission.email])
    hello = {"en": "Hello,", "fr": "Bonjour,"}[lang]
    assert acknowledgement.body.startswith(hello)

    assert send_pending_emails()[0].startswith("0 sent, 0 failed.")  # nothing sent twice
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_failed_emails_are_visible_in_the_admin(client, settings, moderator):
    settings.EMAIL_BACKEND = BROKEN
    client.post("/en/join/", answers("join"))
    run_email_worker()
    submission = Submission.objects.get()
    client.force_login(moderator)

    listing = client.get("/admin/submissions/submission/")
    assert listing.context["cl"].result_list[0].has_failed_email is True
    page = client.get(f"/admin/submissions/submission/{submission.pk}/change/").content.decode()
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in page
    emails = client.get("/admin/submissions/outgoingemail/?status__exact=failed")
    assert len(emails.context["cl"].result_list) == 2

    settings.EMAIL_BACKEND = WORKING
    ids = list(OutgoingEmail.objects.values_list("pk", flat=True))
    client.post(
        "/admin/submissions/outgoingemail/", {"action": "send_now", "_selected_action": ids}
    )
    assert len(mail.outbox) == 2
    assert not OutgoingEmail.objects.unsent().exists()


@pytest.mark.django_db
def test_decision_is_kept_when_its_email_cannot_be_sent(client, settings, moderator):
    client.post("/fr/join/", answers("join"))
    submission = Submission.objects.get()
    settings.EMAIL_BACKEND = BROKEN
    client.force_login(moderator)

    response = client.post(
        "/admin/submissions/submission/",
        {"action": "approve_published", "_selected_action": [submission.pk]},
        follow=True,
    )
    run_email_worker()

    assert "will be sent" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED
    assert Participant.objects.active().count() == 1
    approval = OutgoingEmail.objects.get(purpose="approval")
    assert approval.status == "failed"

    settings.EMAIL_BACKEND = WORKING
    send_pending_emails()
    assert mail.outbox[-1].subject == "Bienvenue dans l'Alliance"


@pytest.mark.django_db
def test_an_email_is_given_up_after_its_last_attempt(client, settings):
    settings.EMAIL_BACKEND = BROKEN
    client.post("/en/join/", answers("join"))
    run_email_worker()
    OutgoingEmail.objects.update(attempts=OutgoingEmail.MAX_ATTEMPTS)
    settings.EMAIL_BACKEND = WORKING

    assert send_pending_emails()[0].startswith("0 sent, 0 failed.")
    assert OutgoingEmail.objects.filter(status="failed").count() == 2


# Retention of personal data


def age(submission, days):
    Submission.objects.filter(pk=submission.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )


@pytest.mark.django_db
def test_old_submissions_lose_their_personal_data(
    client, settings, moderator, django_capture_on_commit_callbacks
):
    settings.SUBMISSION_RETENTION_DAYS = 30
    client.post("/en/declaration/sign/", answers("sign", scan=upload("s.pdf", pdf_bytes())))
    client.post("/en/join/", answers("join"))
    client.post("/en/cooperate/", answers("cooperate"))
    client.post("/en/cooperate/", answers("cooperate", ngo_name="Recent NGO"))
    client.post("/en/join/", answers("join", authority_name="Spam", homepage="x"))
    signature, join, cooperate, recent, spam = Submission.objects.order_by("pk")
    signature.approve(moderator, publish=True)
    join.reject(moderator, "Not a local authority.")
    scan_path = signature.scan.path
    for old in (signature, join, cooperate, spam):
        age(old, 31)

    out = StringIO()
    err = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_old_submissions", stdout=out, stderr=err)

    assert "1 approved submissions were anonymised, 2 rejected or spam were deleted" in (
        out.getvalue()
    )
    assert "1 pending submissions are older than the retention period" in err.getvalue()
    signature.refresh_from_db()
    assert signature.data == {
        "authority_name": "Municipality of Tivat",
        "kind": "municipality",
        "country": "ME",
        "date_signed": "2019-03-12",
    }
    assert signature.email == "" and not signature.scan and signature.anonymised_at
    assert not OutgoingEmail.objects.filter(submission=signature).exists()
    assert signature.signatory.name == "Municipality of Tivat"  # the public record stays
    assert not Submission.objects.filter(pk__in=[join.pk, spam.pk]).exists()
    assert Submission.objects.filter(pk__in=[cooperate.pk, recent.pk]).count() == 2
    assert not os.path.exists(scan_path)


@pytest.mark.django_db
def test_retention_dry_run_changes_nothing(client, settings):
    settings.SUBMISSION_RETENTION_DAYS = 30
    client.post("/en/join/", answers("join", homepage="x"))
    age(Submission.objects.get(), 31)
    out = StringIO()
    call_command("purge_old_submissions", "--dry-run", stdout=out)
    assert "1 rejected or spam would be deleted" in out.getvalue()
    assert Submission.objects.count() == 1
