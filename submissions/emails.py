"""The emails a submission causes, each written in the language of its reader.

Every message is stored as an `OutgoingEmail` first, then queued for the
worker, which sends it outside the request (submissions/tasks.py): a slow or
broken mail server never holds a visitor. When sending fails the message stays
in the database, visible in the admin, and is tried again.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alliance_site.models import staff_language_at

from . import tasks
from .models import OutgoingEmail, Submission

SUBJECTS = {
    OutgoingEmail.Purpose.ACKNOWLEDGEMENT: {
        Submission.Kind.JOIN: _("We have received your request to join the Alliance"),
        Submission.Kind.COOPERATE: _("We have received your proposal for cooperation"),
        Submission.Kind.SIGN: _("We have received your signature of the Declaration"),
        Submission.Kind.PRACTICE: _("We have received your proposal of a good practice"),
    },
    OutgoingEmail.Purpose.APPROVAL: {
        Submission.Kind.JOIN: _("Welcome to the Alliance"),
        Submission.Kind.COOPERATE: _("Your proposal for cooperation is accepted"),
        Submission.Kind.SIGN: _("Your signature of the Declaration is recorded"),
        Submission.Kind.PRACTICE: _("Your proposal of a good practice is accepted"),
    },
    OutgoingEmail.Purpose.REJECTION: {
        Submission.Kind.JOIN: _("Your request to join the Alliance"),
        Submission.Kind.COOPERATE: _("Your proposal for cooperation"),
        Submission.Kind.SIGN: _("Your signature of the Declaration"),
        Submission.Kind.PRACTICE: _("Your proposal of a good practice"),
    },
}


def one_line(text):
    """Text fit for an email header: no line breaks, no runs of spaces."""
    return " ".join(str(text).split())


def _send(submission, purpose, recipient, language, subject, context=None):
    with translation.override(language):
        body = render_to_string(
            f"submissions/email/{purpose}.txt", {"submission": submission, **(context or {})}
        )
        subject = one_line(subject)
    email = OutgoingEmail.objects.create(
        submission=submission, purpose=purpose, recipient=recipient, subject=subject, body=body
    )
    tasks.queue(email)
    return email


def _to_sender(submission, purpose, context=None):
    if not submission.email:
        return None
    with translation.override(submission.language):
        subject = str(SUBJECTS[purpose][submission.kind])
    return _send(submission, purpose, submission.email, submission.language, subject, context)


def acknowledge(submission):
    """Tell the sender, in their language, that the form arrived."""
    return _to_sender(submission, OutgoingEmail.Purpose.ACKNOWLEDGEMENT)


def notify_staff(submission, request):
    """Tell the Task Force a submission waits for them, with the admin link to it."""
    admin_url = request.build_absolute_uri(
        reverse("admin:submissions_submission_change", args=[submission.pk])
    )
    # In the language its reader chose for the admin.
    language = staff_language_at(settings.STAFF_NOTIFICATION_EMAIL)
    with translation.override(language):
        subject = _("New submission to review: %(form)s, %(name)s") % {
            "form": submission.get_kind_display(),
            "name": submission.name,
        }
    return _send(
        submission,
        OutgoingEmail.Purpose.STAFF_NOTIFICATION,
        settings.STAFF_NOTIFICATION_EMAIL,
        language,
        subject,
        {"admin_url": admin_url},
    )


def announce_decision(submission):
    """Tell the sender that their submission was approved or rejected (with the reason)."""
    if submission.status == Submission.Status.APPROVED:
        return _to_sender(submission, OutgoingEmail.Purpose.APPROVAL)
    if submission.status == Submission.Status.REJECTED:
        return _to_sender(submission, OutgoingEmail.Purpose.REJECTION)
    return None
