from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from core.countries import collation_key, local_country_order
from core.models import AuthorityKind, SingletonModel, TimestampedModel
from core.richtext import RichTextField, sanitise, sanitise_rich_text
from core.uploads import validate_scan
from search.names import authority_key

# Languages the Declaration can be translated into: every language Django knows by
# its own name, plus Romani, which Django has no interface translation for.
EXTRA_LANGUAGES = {"rom": {"name": "Romani", "name_local": "Romani čhib"}}


def _language_table():
    table = {
        code: {"name": info["name"], "name_local": info["name_local"]}
        for code, info in LANG_INFO.items()
        if "name_local" in info and "-" not in code
    }
    table.update(EXTRA_LANGUAGES)
    return table


LANGUAGES = _language_table()
LANGUAGE_CHOICES = sorted(
    ((code, f"{info['name']} ({info['name_local']})") for code, info in LANGUAGES.items()),
    key=lambda choice: collation_key(choice[1]),
)


class Declaration(SingletonModel):
    """The Declaration against anti-Gypsyism: one record, its text in the site's languages."""

    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_('Shown above the text, before the "Sign the Declaration here" link.'),
    )
    body = RichTextField(
        _("text of the Declaration"),
        blank=True,
        help_text=_(
            "Paste the text: blank lines separate paragraphs. HTML is accepted and cleaned "
            "on save (paragraphs, headings, lists, links, emphasis)."
        ),
    )
    commitments = models.TextField(
        _("what a signatory commits to"),
        blank=True,
        help_text=_(
            "Shown on the Declaration's page and above the sign form. Blank lines separate "
            "paragraphs; HTML is accepted and cleaned on save, as for the text."
        ),
    )
    document_url = models.URLField(
        _("address of the official text"),
        blank=True,
        help_text=_(
            "Where the Council of Europe publishes the Declaration in this language. "
            "Leave empty while no public address is known."
        ),
    )

    class Meta:
        verbose_name = _("Declaration")
        verbose_name_plural = _("Declaration")

    def __str__(self):
        return self.title or str(_("Declaration against anti-Gypsyism"))

    def save(self, *args, **kwargs):
        sanitise_rich_text(self)
        # The commitments are a list written in the admin's plain editor: the same policy.
        for code, _name in settings.LANGUAGES:
            field = f"commitments_{code}"
            if value := getattr(self, field):
                setattr(self, field, sanitise(value))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("declaration:index")


class DeclarationTranslation(TimestampedModel):
    """The Declaration in one more language: an uploaded document or the text itself."""

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, unique=True)
    document = models.FileField(
        _("document"),
        upload_to="declaration/translations/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "doc", "docx", "odt", "rtf", "txt"])],
        help_text=_("PDF or word-processor file. Give a document, the text, or both."),
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("The translated text, shown on its own page. Plain text."),
    )
    url = models.URLField(
        _("address"),
        blank=True,
        help_text=_("Where the Council of Europe publishes this translation, if it does."),
    )

    class Meta:
        verbose_name = _("translation of the Declaration")
        verbose_name_plural = _("translations of the Declaration")
        ordering = ["language"]

    def __str__(self):
        return self.name_local

    def clean(self):
        super().clean()
        if not self.document and not self.text.strip() and not self.url:
            raise ValidationError(
                _("Give the translation as a document, as text or as the address where it is.")
            )

    @property
    def name_local(self):
        """The language's name in that language ("magyar", "Romani čhib")."""
        return LANGUAGES.get(self.language, {}).get("name_local", self.language)

    @property
    def name_english(self):
        return LANGUAGES.get(self.language, {}).get("name", self.language)

    @property
    def bidi(self):
        return LANG_INFO.get(self.language, {}).get("bidi", False)

    @property
    def document_format(self):
        """The document's format as a reader knows it: "PDF", "DOCX"."""
        return self.document.name.rsplit(".", 1)[-1].upper() if self.document else ""

    def get_absolute_url(self):
        return reverse("declaration:translation", kwargs={"language": self.language})


class SignatoryQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def counter(self):
        """How many public signatories, from how many countries: one query."""
        return self.public().aggregate(
            signatories=Count("pk"), countries=Count("country", distinct=True)
        )

    def in_local_order(self):
        """By country name in the active language, then by name."""
        return self.order_by(local_country_order(self), "name", "pk")

    def numbers(self):
        """Each public signatory's number, by id: its place in the English order (country
        name, then name), as on the Declaration's page and in /signatories.csv."""
        with translation.override("en"):
            ordered = self.public().in_local_order().values_list("pk", flat=True)
            return {pk: number for number, pk in enumerate(ordered.iterator(), start=1)}


class Signatory(TimestampedModel):
    """A municipality, city or region that signed the Declaration against anti-Gypsyism."""

    name = models.CharField(
        _("authority"),
        max_length=200,
        help_text=_("The municipality, city or region, as it appears in the public table."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=AuthorityKind.choices,
        blank=True,
        default=AuthorityKind.MUNICIPALITY,
        help_text=_("Leave empty where the sources do not say."),
    )
    country = CountryField(_("country"))
    signatory_name = models.CharField(
        _("signed by"),
        max_length=200,
        blank=True,
        help_text=_("Name of the elected representative who signed."),
    )
    signatory_position = models.CharField(
        _("position"),
        max_length=200,
        blank=True,
        help_text=_("For example: Mayor, President of the Regional Council."),
    )
    date_signed = models.DateField(_("date signed"), null=True, blank=True)
    scan = models.FileField(
        _("scan of the signed text"),
        upload_to="declaration/signatures/",
        blank=True,
        # The same checks as the sign form's upload: content, not only the name.
        validators=[validate_scan],
        help_text=_("PDF or image. Kept for the records; not shown on the public page."),
    )
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick to hide the authority from the public table and the open data."),
    )
    # The same authority as a participant of the Alliance (Strasbourg and "City of
    # Strasbourg"): named by string so that this app does not import the other.
    participant = models.OneToOneField(
        "participants.Participant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signatory",
        verbose_name=_("participant"),
        help_text=_("The participant of the Alliance that is this same authority, if any."),
    )

    objects = SignatoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["country", "name"]

    def __str__(self):
        return self.name

    @cached_property
    def number(self):
        """The number the Declaration's page shows for this signatory (see `numbers`),
        in one query; None while it is not public. A list that numbers many at once
        sets it on each instead."""
        if not self.is_public or self.pk is None:
            return None
        with translation.override("en"):
            mine = collation_key(self.country.name)
            before = [code for code, name in countries if collation_key(name) < mine]
        same_country = Q(country=self.country) & (
            Q(name__lt=self.name) | Q(name=self.name, pk__lt=self.pk)
        )
        earlier = Signatory.objects.public().filter(Q(country__in=before) | same_country)
        return earlier.count() + 1

    def matching_participants(self):
        """The participants of the same country, not linked to another signatory, whose
        name is this one's but for case, accents and words such as "City of"."""
        participants = self._meta.get_field("participant").related_model.objects
        key = authority_key(self.name)
        candidates = participants.filter(country=self.country, signatory__isnull=True).only(
            "name_en", "name_fr", "slug", "country", "is_active"
        )
        return [
            participant
            for participant in candidates.order_by("name_en", "pk")
            if key in {authority_key(participant.name_en), authority_key(participant.name_fr)}
        ]
