from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname, get_language

from core.countries import local_country_order
from core.dates import DatePrecision, partial_date_display, partial_date_iso
from core.models import AuthorityKind, NotReserved, SluggedModel, TimestampedModel


class NationalNetwork(TimestampedModel):
    """A national network of authorities working with the Alliance (e.g. the Ukrainian one)."""

    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"))
    founded = models.DateField(
        _("founded"),
        null=True,
        blank=True,
        help_text=_("For a month or a year only, give its first day and set the precision."),
    )
    founded_precision = models.CharField(
        _("precision of the founding date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("national network")
        verbose_name_plural = _("national networks")
        ordering = ["country", "name"]

    def __str__(self):
        return self.name

    @property
    def founded_display(self):
        return partial_date_display(self.founded, self.founded_precision)


def local_name(field="name"):
    """The field in the active language, or in English where it was left empty."""
    english = build_localized_fieldname(field, "en")
    localized = build_localized_fieldname(field, get_language())
    if localized == english:
        return F(english)
    return Coalesce(NullIf(localized, Value("")), english)


class ParticipantQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def counter(self):
        """How many active participants, from how many countries: one query."""
        return self.active().aggregate(
            participants=Count("pk"), countries=Count("country", distinct=True)
        )

    def in_local_order(self):
        """By country name in the active language, then by name (see `local_country_order`)."""
        return self.order_by(local_country_order(self), local_name(), "pk")

    def on_map(self):
        return self.filter(latitude__isnull=False, longitude__isnull=False)


class Participant(SluggedModel, TimestampedModel):
    slug_source = "name"
    published_field = "is_active"

    """A city, region or other authority taking part in the Alliance."""

    Kind = AuthorityKind

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        validators=[NotReserved("map")],
        help_text=_(
            "The participant's address on the site. Leave empty: it is made from the English "
            "name when first saved, and must not change once published."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CITY)
    country = CountryField(_("country"))
    date_joined = models.DateField(
        _("date joined"),
        null=True,
        blank=True,
        help_text=_("For a month or a year only, give its first day and set the precision."),
    )
    date_joined_precision = models.CharField(
        _("precision of the date joined"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, north positive, e.g. 48.58392. Leave empty if unknown."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, east positive, e.g. 7.74553. Leave empty if unknown."),
    )
    description = models.TextField(
        _("short description"),
        blank=True,
        help_text=_("A few sentences shown on the participant's page. Plain text."),
    )
    national_network = models.ForeignKey(
        NationalNetwork,
        verbose_name=_("national network"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick when the authority leaves the Alliance: it drops from the counters."),
    )

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["country", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Give both coordinates, or neither.")})

    def save(self, *args, **kwargs):
        # Records created in code (an approved form, an import) may carry the name
        # in another language only: English is the fallback, so it must be there.
        if not self.name_en:
            self.name_en = self.name
        self.fill_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("participants:detail", kwargs={"slug": self.slug})

    def place_from_gazetteer(self):
        """Set the coordinates, where none are set, from the offline gazetteer when
        the name (in either language) and the country match one city. Whether it did."""
        if self.has_coordinates or not self.country:
            return False
        from .gazetteer import locate

        found = locate([self.name_en, self.name_fr, self.name], self.country.code)
        if found is None:
            return False
        self.latitude, self.longitude = found
        return True

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def date_joined_display(self):
        return partial_date_display(self.date_joined, self.date_joined_precision)

    @property
    def date_joined_iso(self):
        return partial_date_iso(self.date_joined, self.date_joined_precision)
