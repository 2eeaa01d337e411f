"""The four public forms. They share one base: the checks against bots, the
consent to the privacy notice, and how a valid form becomes a `Submission`."""

import hashlib
import json
import re
import time

from django import forms
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import RegexValidator, URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance_site.languages import marked
from core.uploads import validate_document, validate_scan
from participants.models import Participant
from practices.models import Practice, Theme

from .models import NGOPartner, Submission
from .validators import no_control_characters, no_control_characters_in_text

phone_number = RegexValidator(
    r"^\+?[0-9][0-9 ().\-/]{4,28}[0-9]$",
    _("Enter a phone number using digits, spaces and + ( ) - only, for example +33 3 88 41 20 00."),
)
web_address = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address, for example https://www.example.org."),
)


def country_field():
    return CountryField(_("Country"), blank_label=_("Choose a country")).formfield(
        required=True,
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )


def kind_field():
    return forms.ChoiceField(
        label=_("Kind of authority"),
        choices=[("", _("Choose a kind"))] + Participant.Kind.choices,
        error_messages={"invalid_choice": _("Choose a kind of authority from the list.")},
    )


class WebAddressField(forms.URLField):
    """A web page's address: http or https only, with a message that shows an example."""

    default_validators = [web_address]
    default_error_messages = {"invalid": web_address.message}


def website_field(label, help_text=None, **kwargs):
    return WebAddressField(
        label=label,
        max_length=200,
        assume_scheme="https",
        help_text=help_text or _("For example: https://www.example.org"),
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
        **kwargs,
    )


def text_field(label, max_length=200, autocomplete=None, **kwargs):
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return forms.CharField(
        label=label, max_length=max_length, widget=forms.TextInput(attrs=attrs), **kwargs
    )


def long_text_field(label, max_length, **kwargs):
    return forms.CharField(
        label=label, max_length=max_length, widget=forms.Textarea(attrs={"rows": 6}), **kwargs
    )


def email_field(label=None):
    return forms.EmailField(
        label=label or _("Contact email"),
        max_length=254,
        help_text=_("We write to this address about your form."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address, for example name@example.org.")},
    )


def phone_field():
    return forms.CharField(
        label=_("Contact phone"),
        max_length=30,
        validators=[phone_number],
        help_text=_("With the country code, for example +33 3 88 41 20 00."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


class SubmissionForm(forms.Form):
    """What every public form has, and how it is stored.

    Against bots: a honeypot field people never see (a bot that fills it is
    thanked, and its submission is set aside as spam), and a signed time stamp
    of when the form was shown: a form sent back sooner than a person could
    fill it, or with a forged or stale stamp, is shown again with a message.
    """

    submission_kind = None  # a Submission.Kind, set by each form
    name_field = "authority_name"
    email_field = "contact_email"
    file_field = "scan"  # kept in Submission.scan, where only staff can read it
    fieldsets = ()  # ((legend, (field names...)), ...) in the order of the page

    MIN_SECONDS = 5
    MAX_AGE = 60 * 60 * 24
    SALT = "submissions.form-shown-at"

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    shown_at = forms.CharField(widget=forms.HiddenInput, required=False)
    consent = forms.BooleanField(
        label=_("I agree to the privacy notice"),
        error_messages={"required": _("Tick the box to agree to the privacy notice.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not field.widget.is_hidden:
                is_text = isinstance(field.widget, forms.Textarea)
                field.validators.append(
                    no_control_characters_in_text if is_text else no_control_characters
                )
        self.fields["consent"].help_text = format_html(
            _('Read the <a href="{url}">privacy notice</a>: how we use and keep what you send.'),
            url=f"/{get_language()}/privacy/",
        )
        self.order_fields([name for _legend, names in self.fieldsets for name in names])
        # The time stamp of the first showing survives errors, so a person who
        # corrects a field is not sent back to wait; a missing, forged or stale
        # one is replaced by a fresh stamp.
        self.shown_at = self._read_stamp(self.data.get("shown_at")) if self.is_bound else None
        stamp = self.data.get("shown_at") if self.shown_at else self.new_stamp()
        if self.is_bound:
            self.data = self.data.copy()
            self.data["shown_at"] = stamp
        else:
            self.initial["shown_at"] = stamp

    def grouped_fields(self):
        """The visible fields, in fieldsets, for the template."""
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def error_links(self):
        """(target id, message) for the error summary, in the order of the page."""
        links = [(None, error) for error in self.non_field_errors()]
        for field in self:
            target = field.auto_id
            if field.field.widget.use_fieldset:
                target = f"{target}_0"
            links += [(target, error) for error in field.errors]
        return links

    @classmethod
    def new_stamp(cls, at=None):
        return signing.dumps(at if at is not None else time.time(), salt=cls.SALT)

    def _read_stamp(self, stamp):
        try:
            shown_at = signing.loads(stamp or "", salt=self.SALT, max_age=self.MAX_AGE)
        except signing.BadSignature:
            return None
        if not isinstance(shown_at, int | float) or not 0 <= time.time() - shown_at <= self.MAX_AGE:
            return None
        return shown_at

    def clean(self):
        cleaned_data = super().clean()
        if self.shown_at is None:
            raise forms.ValidationError(
                _("This form was open for too long. Check your answers and send it again."),
                code="stale",
            )
        if time.time() - self.shown_at < self.MIN_SECONDS:
            raise forms.ValidationError(
                _("This form was sent very quickly. Check your answers and send it again."),
                code="too_fast",
            )
        return cleaned_data

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("homepage"))

    def submission_data(self):
        """The answers, as stored: everything but the checks against bots and the file."""
        skip = {"homepage", "shown_at", self.file_field}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}

    def fingerprint(self):
        digest = hashlib.sha256(self.submission_kind.encode())
        digest.update(
            json.dumps(self.submission_data(), sort_keys=True, cls=DjangoJSONEncoder).encode()
        )
        if upload := self.cleaned_data.get(self.file_field):
            for chunk in upload.chunks():
                digest.update(chunk)
        return digest.hexdigest()

    def save(self, language):
        """Store the submission; the same one sent twice in a row is kept once.

        Returns the submission and whether it is new.
        """
        data = self.submission_data()
        submission = Submission(
            kind=self.submission_kind,
            status=Submission.Status.SPAM if self.is_spam else Submission.Status.PENDING,
            name=data[self.name_field],
            country=data["country"],
            email=data[self.email_field],
            data=data,
            language=language,
            fingerprint=self.fingerprint(),
        )
        if submission.status == Submission.Status.PENDING:
            duplicate = Submission.objects.pending().filter(fingerprint=submission.fingerprint)
            if existing := duplicate.first():
                return existing, False
        if upload := self.cleaned_data.get(self.file_field):
            submission.scan = upload
        try:
            with transaction.atomic():
                submission.save()
        except IntegrityError:
            # The same form arrived twice at the same moment: keep the first.
            if submission.scan:
                submission.scan.delete(save=False)
            return Submission.objects.pending().get(fingerprint=submission.fingerprint), False
        return submission, True


class JoinForm(SubmissionForm):
    submission_kind = Submission.Kind.JOIN

    authority_name = text_field(
        _("Name of the authority"),
        help_text=_("The municipality, city or region, for example: City of Strasbourg."),
        autocomplete="organization",
    )
    kind = kind_field()
    country = country_field()
    address = long_text_field(_("Postal address"), 500)
    website = website_field(_("Website of the authority"))
    contact_name = text_field(_("Contact person"), autocomplete="name")
    contact_position = text_field(
        _("Position of the contact person"),
        help_text=_("For example: Deputy Mayor, Head of the Social Affairs Department."),
        autocomplete="organization-title",
    )
    contact_email = email_field()
    contact_phone = phone_field()
    roma_population = forms.CharField(
        label=_("Estimated Roma population (optional)"),
        required=False,
        max_length=12,
        help_text=_("A whole number, for example 2500, if you know it."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    motivation = long_text_field(
        _("Motivation"),
        2000,
        help_text=_(
            "In a few sentences: what your authority does or plans for Roma inclusion "
            "(2,000 characters at most)."
        ),
    )
    commitment = forms.BooleanField(
        label=_("Our authority commits to the objectives of the Alliance"),
        error_messages={"required": _("Tick the box to commit to the objectives of the Alliance.")},
    )

    fieldsets = (
        (_("The authority"), ("authority_name", "kind", "country", "address", "website")),
        (
            _("Contact details"),
            ("contact_name", "contact_position", "contact_email", "contact_phone"),
        ),
        (_("Roma inclusion"), ("roma_population", "motivation")),
        (_("Commitment"), ("commitment", "consent")),
    )

    def clean_roma_population(self):
        value = self.cleaned_data["roma_population"]
        digits = "".join(value.split()).replace(",", "").replace(".", "").replace("\u202f", "")
        if not digits:
            return None
        # ASCII digits only: str.isdigit() also takes "²" or "①", which int() refuses.
        if not re.fullmatch(r"[0-9]+", digits) or int(digits) > 10_000_000:
            raise forms.ValidationError(
                _("Enter a whole number, for example 2500, or leave the field empty."),
                code="invalid",
            )
        return int(digits)


class SignForm(SubmissionForm):
    submission_kind = Submission.Kind.SIGN
    authority_name = text_field(
        _("Name of the authority"),
        help_text=_("The municipality, city or region that signs, for example: Tirana."),
        autocomplete="organization",
    )
    kind = kind_field()
    country = country_field()
    signatory_name = text_field(
        _("Name of the elected representative who signs"), autocomplete="name"
    )
    signatory_position = text_field(
        _("Position of the elected representative"),
        help_text=_("For example: Mayor, President of the Regional Council."),
        autocomplete="organization-title",
    )
    contact_email = email_field()
    date_signed = forms.DateField(
        label=_("Date of signature"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"],
        # Browsers show their own date picker, in the visitor's format.
        help_text=_("The day the elected representative signed the Declaration."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as day/month/year, for example 31/12/2019.")},
    )
    scan = forms.FileField(
        label=_("Scan of the signed Declaration (optional)"),
        required=False,
        max_length=200,
        validators=[validate_scan],
        help_text=_("A PDF, JPEG or PNG file smaller than 10 MB."),
        widget=forms.FileInput(
            attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}
        ),
    )
    commitment = forms.BooleanField(
        label=_(
            "Our authority signs the Declaration against anti-Gypsyism and commits to act on it"
        ),
        error_messages={"required": _("Tick the box to confirm the signature.")},
    )

    fieldsets = (
        (_("The authority"), ("authority_name", "kind", "country")),
        (
            _("The signature"),
            ("signatory_name", "signatory_position", "date_signed", "scan", "contact_email"),
        ),
        (_("Commitment"), ("commitment", "consent")),
    )

    def clean_date_signed(self):
        value = self.cleaned_data["date_signed"]
        if value > timezone.localdate():
            raise forms.ValidationError(
                _("The date of signature cannot be in the future."), code="future"
            )
        if value.year < 2000:
            raise forms.ValidationError(
                _("Check the year of the date of signature."), code="too_old"
            )
        return value


class CooperateForm(SubmissionForm):
    submission_kind = Submission.Kind.COOPERATE
    name_field = "ngo_name"

    ngo_name = text_field(_("Name of the NGO"), autocomplete="organization")
    country = country_field()
    website = website_field(_("Website of the NGO"))
    contact_name = text_field(_("Contact person"), autocomplete="name")
    contact_email = email_field()
    contact_phone = phone_field()
    fields_of_work = forms.MultipleChoiceField(
        label=_("Fields of work"),
        choices=NGOPartner.FieldOfWork.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick all that apply."),
        error_messages={
            "required": _("Tick at least one field of work."),
            "invalid_choice": _("Choose fields of work from the list."),
        },
    )
    proposal = long_text_field(
        _("Proposal for cooperation"),
        3000,
        help_text=_(
            "What your NGO does and how it would work with the Alliance (3,000 characters at most)."
        ),
    )

    fieldsets = (
        (_("The NGO"), ("ngo_name", "country", "website", "fields_of_work")),
        (_("Contact details"), ("contact_name", "contact_email", "contact_phone")),
        (_("Your proposal"), ("proposal", "consent")),
    )


class PracticeForm(SubmissionForm):
    """A good practice proposed for the database: what the practice's page shows,
    and who proposed it (which is never published)."""

    submission_kind = Submission.Kind.PRACTICE
    name_field = "title"
    file_field = "document"

    title = text_field(
        _("Title of the practice"),
        help_text=_("A short name that says what was done, for example: Roma school mediators."),
    )
    summary = long_text_field(
        _("Summary"),
        1000,
        help_text=_(
            "Two or three sentences: what was done, for whom, and with what results "
            "(1,000 characters at most)."
        ),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick all that apply."),
        error_messages={
            "required": _("Tick at least one theme."),
            "invalid_choice": _("Choose themes from the list."),
        },
    )
    type = forms.ChoiceField(
        label=_("Type of practice"),
        choices=Practice.Type.choices,
        widget=forms.RadioSelect,
        help_text=Practice._meta.get_field("type").help_text,
        error_messages={
            "required": _("Choose the type of practice."),
            "invalid_choice": _("Choose a type of practice from the list."),
        },
    )
    country = country_field()
    place = text_field(_("City or region"), help_text=Practice._meta.get_field("place").help_text)
    year = forms.IntegerField(
        label=_("Year the practice started (optional)"),
        required=False,
        min_value=Practice.FIRST_YEAR,
        help_text=_("Four digits, for example 2015."),
        # Not a number input: browsers change its value when the page is scrolled.
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _(
                "Enter the year as four digits, for example 2015, or leave the field empty."
            ),
            "min_value": _("Check the year the practice started."),
        },
    )
    link = website_field(
        _("Link (optional)"),
        help_text=_("The project's own website, for example https://www.example.org"),
        required=False,
    )
    document = forms.FileField(
        label=_("Document (optional)"),
        required=False,
        max_length=200,
        validators=[validate_document],
        help_text=_("A report or description of the practice, as a PDF file smaller than 10 MB."),
        widget=forms.FileInput(attrs={"accept": ".pdf,application/pdf"}),
    )
    contact_name = text_field(_("Your name"), autocomplete="name")
    contact_organisation = text_field(
        _("Your organisation"),
        help_text=_("The authority, NGO or institution you work for."),
        autocomplete="organization",
    )
    contact_email = email_field(_("Your email address"))

    fieldsets = (
        (_("The practice"), ("title", "summary", "themes", "type")),
        (_("Where and when"), ("country", "place", "year")),
        (_("To find out more"), ("link", "document")),
        (_("About you"), ("contact_name", "contact_organisation", "contact_email", "consent")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff may add themes: they are read each time the form is made.
        # A theme without a name in this language is marked with its own (alliance_site.languages).
        self.fields["themes"].choices = [
            (theme.slug, marked(theme, "name")) for theme in Theme.objects.all()
        ]

    def clean_year(self):
        value = self.cleaned_data["year"]
        if value is not None and value > timezone.localdate().year:
            raise forms.ValidationError(
                _("The year the practice started cannot be in the future."), code="future"
            )
        return value


FORM_CLASSES = {
    Submission.Kind.JOIN: JoinForm,
    Submission.Kind.COOPERATE: CooperateForm,
    Submission.Kind.SIGN: SignForm,
    Submission.Kind.PRACTICE: PracticeForm,
}


class RejectionForm(forms.Form):
    """The reason a moderator gives when rejecting: it is sent to the sender."""

    reason = forms.CharField(
        label=_("Reason, sent to the sender"),
        max_length=2000,
        validators=[no_control_characters_in_text],
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_("Written to the sender, in their language if you can."),
    )


class NGOPartnerAdminForm(forms.ModelForm):
    fields_of_work = forms.MultipleChoiceField(
        label=_("Fields of work"),
        choices=NGOPartner.FieldOfWork.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = NGOPartner
        fields = ("fields_of_work",)
