"""What the public forms send, how staff decide on it, and the emails it causes.

Every form (join the Alliance, cooperate as NGO, sign the Declaration, propose
a good practice) is stored the same way: a `Submission` with the cleaned data as
JSON. Nothing becomes public until a moderator approves it, which creates the
public record (`Participant`, `Signatory`, `NGOPartner` or `Practice`) and links
it to the submission.
"""

import logging
import os
import uuid
from datetime import date, timedelta
from pathlib import PurePath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.core.mail import EmailMessage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname

from core.models import TimestampedModel
from declaration.models import Signatory
from participants.models import Participant
from practices.models import Practice, Theme

logger = logging.getLogger(__name__)


class PrivateStorage(FileSystemStorage):
    """Files only staff may read: kept outside MEDIA_ROOT and served through the admin.

    The location is read from the settings on every use, so that tests (and a
    changed setting) never write into the real folder.
    """

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage():
    return PrivateStorage()


def scan_path(instance, filename):
    """A name nobody can guess, keeping only the (already checked) extension."""
    extension = PurePath(filename).suffix.lower()
    return f"submissions/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class AlreadyDecided(Exception):
    """A moderator tried to decide on a submission that someone already decided."""


class NGOPartnerQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class NGOPartner(TimestampedModel):
    """A non-governmental organisation cooperating with the Alliance."""

    class FieldOfWork(models.TextChoices):
        EDUCATION = "education", _("Education")
        HOUSING = "housing", _("Housing")
        EMPLOYMENT = "employment", _("Employment")
        HEALTH = "health", _("Health")
        CULTURE = "culture", _("Culture")
        ANTI_DISCRIMINATION = "anti_discrimination", _("Anti-discrimination")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    fields_of_work = models.JSONField(
        _("fields of work"),
        default=list,
        blank=True,
        help_text=_("What the organisation works on; shown on the partners page."),
    )
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick to hide the organisation from the partners page."),
    )

    objects = NGOPartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("NGO partner")
        verbose_name_plural = _("NGO partners")
        ordering = [Lower("name")]

    def __str__(self):
        return self.name

    def fields_of_work_labels(self):
        labels = dict(self.FieldOfWork.choices)
        return [labels[code] for code in self.fields_of_work if code in labels]


class SubmissionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Submission.Status.PENDING)


class Submission(models.Model):
    """One sending of one of the public forms, and the decision taken on it."""

    class Kind(models.TextChoices):
        JOIN = "join", _("Join the Alliance")
        COOPERATE = "cooperate", _("Cooperate as NGO")
        SIGN = "sign", _("Sign the Declaration")
        PRACTICE = "practice", _("Propose a good practice")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    # The data each kind keeps once its retention period is over: what the
    # public record holds anyway, never a person's details.
    PUBLIC_DATA = {
        Kind.JOIN: ("authority_name", "kind", "country", "website"),
        Kind.COOPERATE: ("ngo_name", "country", "website", "fields_of_work"),
        Kind.SIGN: ("authority_name", "kind", "country", "date_signed"),
        Kind.PRACTICE: (
            "title",
            "summary",
            "country",
            "place",
            "themes",
            "type",
            "year",
            "link",
        ),
    }

    kind = models.CharField(_("form"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The authority, organisation or practice, as sent.")
    )
    country = CountryField(_("country"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    data = models.JSONField(_("data sent"), encoder=DjangoJSONEncoder, default=dict)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("The language of the form; emails to the sender use it."),
    )
    scan = models.FileField(
        _("uploaded file"),
        storage=private_storage,
        upload_to=scan_path,
        blank=True,
        help_text=_("Only staff can open it, from this page."),
    )
    fingerprint = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    rejection_reason = models.TextField(
        _("reason for rejection"), blank=True, help_text=_("Sent to the sender.")
    )
    anonymised_at = models.DateTimeField(
        _("anonymised"),
        null=True,
        blank=True,
        help_text=_("When the personal data was removed at the end of the retention period."),
    )

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant created"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    signatory = models.ForeignKey(
        Signatory,
        verbose_name=_("signatory created"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    partner = models.ForeignKey(
        NGOPartner,
        verbose_name=_("NGO partner created"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    practice = models.ForeignKey(
        Practice,
        verbose_name=_("good practice created"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at"]
        # The decisions in the admin: approve, reject, mark as spam.
        permissions = [("moderate_submission", _("Can decide on submissions"))]
        constraints = [
            # The same form sent twice (a double click, a reload) is kept once.
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=Q(status="pending"),
                name="submission_pending_once",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}"

    @property
    def record(self):
        """The public record that approving this submission created, if any."""
        return self.participant or self.signatory or self.partner or self.practice

    @property
    def is_undecided(self):
        """Pending, or set aside as spam by the honeypot: a moderator may still decide."""
        return self.decided_at is None and self.status in (self.Status.PENDING, self.Status.SPAM)

    def _decide(self, user, status, **changes):
        """Record a decision, once: locks the row so two moderators cannot both decide."""
        with transaction.atomic():
            current = Submission.objects.select_for_update().get(pk=self.pk)
            if not current.is_undecided:
                raise AlreadyDecided(self.pk)
            if status == self.Status.APPROVED:
                changes.update(current._create_record(changes.pop("publish")))
            current.status = status
            current.decided_by = user
            current.decided_at = timezone.now()
            for name, value in changes.items():
                setattr(current, name, value)
            current.save()
        self.refresh_from_db()

    def approve(self, user, *, publish):
        """Create the public record (published or not) and link it to this submission."""
        self._decide(user, self.Status.APPROVED, publish=publish)

    def reject(self, user, reason):
        self._decide(user, self.Status.REJECTED, rejection_reason=reason)

    def mark_as_spam(self, user):
        self._decide(user, self.Status.SPAM)

    def _create_record(self, publish):
        """Build the record for this kind of form; returns the field that links it."""
        data = self.data
        # A translated name is stored in the default language, the one every
        # other language falls back to.
        with translation.override(settings.LANGUAGE_CODE):
            if self.kind == self.Kind.JOIN:
                participant = Participant(
                    name=data["authority_name"],
                    kind=data["kind"],
                    country=data["country"],
                    website=data["website"],
                    # Staff who approve without publishing set the date when they publish.
                    date_joined=timezone.localdate() if publish else None,
                    is_active=publish,
                )
                # On the map at once when the gazetteer knows the place; otherwise
                # the admin lists it under "not on the map".
                participant.place_from_gazetteer()
                participant.save()
                return {"participant": participant}
            if self.kind == self.Kind.SIGN:
                signatory = Signatory(
                    name=data["authority_name"],
                    kind=data["kind"],
                    country=data["country"],
                    signatory_name=data["signatory_name"],
                    signatory_position=data["signatory_position"],
                    date_signed=date.fromisoformat(data["date_signed"]),
                    is_public=publish,
                )
                # From an authority that is already a participant: the same authority,
                # when exactly one participant of its country has its folded name.
                matches = signatory.matching_participants()
                if len(matches) == 1:
                    signatory.participant = matches[0]
                self._copy_upload(signatory.scan)
                signatory.save()
                return {"signatory": signatory}
            if self.kind == self.Kind.PRACTICE:
                return self._create_practice(data, publish)
            partner = NGOPartner.objects.create(
                name=data["ngo_name"],
                country=data["country"],
                website=data["website"],
                fields_of_work=data["fields_of_work"],
                is_public=publish,
            )
            return {"partner": partner}

    def _create_practice(self, data, publish):
        """The practice, with its themes and the document, if one was sent.

        Its text is also stored in the language it was written in, when that is
        not the default: a translation that staff write into the default
        language later then leaves the proposer's own words in place.
        """
        practice = Practice(
            title=data["title"],
            summary=data["summary"],
            country=data["country"],
            place=data["place"],
            type=data["type"],
            year=data["year"],
            link=data["link"],
            is_published=publish,
        )
        if self.language != settings.LANGUAGE_CODE:
            for field in ("title", "summary"):
                setattr(practice, build_localized_fieldname(field, self.language), data[field])
        self._copy_upload(practice.document)
        practice.save()
        practice.themes.set(Theme.objects.filter(slug__in=data["themes"]))
        return {"practice": practice}

    def _copy_upload(self, target):
        """Give the record its own copy of the uploaded file, if any, under a new name.

        The submission's copy is deleted when its retention period ends; the
        record's stays.
        """
        if self.scan:
            with self.scan.open("rb") as upload:
                name = f"{uuid.uuid4().hex}{PurePath(self.scan.name).suffix}"
                target.save(name, File(upload), save=False)

    def anonymise(self):
        """Keep what the public record shows; drop every personal detail and the emails."""
        keep = self.PUBLIC_DATA[self.kind]
        self.data = {key: value for key, value in self.data.items() if key in keep}
        self.email = ""
        if self.scan:
            storage, name = self.scan.storage, self.scan.name
            transaction.on_commit(lambda: storage.delete(name))
            self.scan = ""
        self.anonymised_at = timezone.now()
        self.save()
        self.emails.all().delete()


@receiver(post_delete, sender=Submission)
def delete_uploaded_file(sender, instance, **kwargs):
    """A deleted submission takes its file with it, once the deletion is committed."""
    if instance.scan:
        transaction.on_commit(lambda: instance.scan.delete(save=False))


class OutgoingEmailQuerySet(models.QuerySet):
    def unsent(self):
        return self.exclude(status=OutgoingEmail.Status.SENT)

    def retryable(self):
        """Not sent yet and not given up on: what `send_pending_emails` tries again."""
        return self.unsent().filter(attempts__lt=OutgoingEmail.MAX_ATTEMPTS)


class OutgoingEmail(models.Model):
    """An email the site sends, kept until it is sent so no message is lost.

    A task (submissions/tasks.py), run by the worker, sends it outside the
    request; if the mail server fails, the error is recorded, the task tries
    again later, and `manage.py send_pending_emails` (run by cron) too.
    """

    MAX_ATTEMPTS = 10

    class Purpose(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement to the sender")
        STAFF_NOTIFICATION = "staff_notification", _("Notification to staff")
        APPROVAL = "approval", _("Approval")
        REJECTION = "rejection", _("Rejection")

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SENDING = "sending", _("Being sent")

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="emails",
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    recipient = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    claimed_at = models.DateTimeField(
        _("claimed"), null=True, blank=True, help_text=_("When a process last began to send it.")
    )

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    def send(self):
        """Send the message unless another process has it; record the outcome.

        True when it went out. The row is claimed first with one conditional
        UPDATE, so that a worker and `send_pending_emails` running at the same
        time never both send it; a claim older than `claim_seconds()` (a process
        that died while sending) may be taken over.
        """
        now = timezone.now()
        claimable = Q(status__in=[self.Status.WAITING, self.Status.FAILED]) | Q(
            status=self.Status.SENDING, claimed_at__lt=now - timedelta(seconds=claim_seconds())
        )
        claimed = OutgoingEmail.objects.filter(
            claimable, pk=self.pk, attempts__lt=self.MAX_ATTEMPTS
        ).update(status=self.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
        self.refresh_from_db(fields=["status", "attempts", "claimed_at", "sent_at", "last_error"])
        if not claimed:
            return self.status == self.Status.SENT
        try:
            EmailMessage(self.subject, self.body, to=[self.recipient]).send()
        except Exception as error:  # whatever the backend raises, keep the message for later
            logger.warning("Email %s to %s not sent: %r", self.pk, self.recipient, error)
            self.status = self.Status.FAILED
            self.last_error = f"{type(error).__name__}: {error}"[:2000]
        else:
            self.status = self.Status.SENT
            self.sent_at = timezone.now()
            self.last_error = ""
        self.save(update_fields=["status", "last_error", "sent_at"])
        return self.status == self.Status.SENT


def claim_seconds():
    """How long a claim on an email holds: longer than any try can take."""
    return max(60, 3 * (settings.EMAIL_TIMEOUT or 10))
