from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import NotReserved, SluggedModel, TimestampedModel
from core.richtext import RichTextField, excerpt, sanitise_rich_text


class ThemeManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Theme(models.Model):
    """A field of Roma inclusion: education, housing, employment..."""

    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in filter addresses."))
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveIntegerField(_("order"), default=0)

    # Known by its slug in backups: migrate creates the themes, so a restore
    # must match them, not add them again.
    objects = ThemeManager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class PracticeQuerySet(models.QuerySet):
    SEARCH_FIELDS = ["title", "summary", "place"]

    def published(self):
        return self.filter(is_published=True)

    def search(self, query):
        """Practices whose title, summary or place holds every word of the query."""
        words = query.split()
        if not words:
            return self
        languages = [code for code, _name in settings.LANGUAGES]
        fields = [
            f"{field}_{code}" if field != "place" else field
            for field in self.SEARCH_FIELDS
            for code in languages
        ]
        return self.filter(
            reduce(
                and_,
                (reduce(or_, (Q(**{f"{f}__icontains": word}) for f in fields)) for word in words),
            )
        )


class Practice(SluggedModel, TimestampedModel):
    """A good practice of Roma inclusion by a city or region."""

    class Type(models.TextChoices):
        DEMONSTRATED = "demonstrated", _("Demonstrated")
        REPLICATED = "replicated", _("Replicated")
        PROMISING = "promising", _("Promising")

    # The earliest year a practice may have started.
    FIRST_YEAR = 1950

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        validators=[NotReserved("propose")],
        help_text=_("Leave empty to make it from the English title. Do not change it later."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences shown in the list. Plain text.")
    )
    description = RichTextField(_("description"), blank=True)
    country = CountryField(_("country"))
    place = models.CharField(
        _("city or region"), max_length=200, help_text=_("Where the practice was carried out.")
    )
    # Named by string so that this app does not import the participants'.
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("participant"),
        help_text=_(
            "The participant of the Alliance that carried out the practice, if it is one: "
            "the practice is then listed on its page."
        ),
    )
    themes = models.ManyToManyField(Theme, related_name="practices", verbose_name=_("themes"))
    type = models.CharField(
        _("type"),
        max_length=20,
        choices=Type.choices,
        help_text=_(
            "Demonstrated: results shown by an evaluation. Replicated: taken up elsewhere. "
            "Promising: new, with early results."
        ),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)],
        help_text=_("When the practice started."),
    )
    link = models.URLField(_("link"), blank=True, help_text=_("The project's own website."))
    document = models.FileField(
        _("document"),
        upload_to="practices/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "doc", "docx", "odt"])],
        help_text=_("A report or description of the practice."),
    )
    is_published = models.BooleanField(_("published"), default=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = [F("year").desc(nulls_last=True), "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:detail", kwargs={"slug": self.slug})

    def description_text(self):
        return self.summary or excerpt(self.description)

    def save(self, *args, **kwargs):
        self.fill_slug()
        sanitise_rich_text(self)
        super().save(*args, **kwargs)
