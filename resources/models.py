from pathlib import PurePosixPath

from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel

# Every language Django has a name for, the name translated when shown.
DOCUMENT_LANGUAGES = [(code, _(name)) for code, name in global_settings.LANGUAGES]
DOCUMENT_EXTENSIONS = ["pdf", "doc", "docx", "odt", "rtf", "txt", "ppt", "pptx", "xls", "xlsx"]


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """Published, and with a file or a link: the Resources page links every document."""
        return self.filter(is_published=True).exclude(file="", url="")


class Document(TimestampedModel):
    """A document on the Resources page: an adopted text of the Congress, a brochure..."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("Resolution")
        RECOMMENDATION = "recommendation", _("Recommendation")
        BROCHURE = "brochure", _("Brochure")
        OTHER = "other", _("Other document")

    ADOPTED_TEXTS = (Kind.RESOLUTION, Kind.RECOMMENDATION)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.CharField(
        _("number"),
        max_length=20,
        blank=True,
        help_text=_("For resolutions and recommendations, for example: 333"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("Year of adoption or publication.")
    )
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=DOCUMENT_LANGUAGES,
        default="en",
        help_text=_("The language the document is written in."),
    )
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/",
        blank=True,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
        help_text=_("The document itself. Give a file or a link to it elsewhere."),
    )
    url = models.URLField(
        _("link"),
        blank=True,
        help_text=_("Where the document is published elsewhere, when there is no file here."),
    )
    file_type = models.CharField(_("file type"), max_length=10, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, editable=False)
    is_published = models.BooleanField(_("published"), default=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-year", "kind", "number", "title"]

    def __str__(self):
        return self.reference or self.title

    @property
    def reference(self):
        """`Resolution 333 (2011)` for an adopted text; empty for other documents."""
        if self.kind not in self.ADOPTED_TEXTS or not self.number:
            return ""
        year = f" ({self.year})" if self.year else ""
        return f"{self.get_kind_display()} {self.number}{year}"

    def get_list_url(self):
        return reverse("resources:list") + f"#document-{self.pk}"

    @property
    def link(self):
        return self.file.url if self.file else self.url

    def clean(self):
        if self.kind in self.ADOPTED_TEXTS and not (self.number and self.year):
            raise ValidationError(_("Resolutions and recommendations need their number and year."))
        if self.is_published and not self.file and not self.url:
            raise ValidationError(
                {"file": _("Give the document's file or its link: the page links every document.")}
            )

    def save(self, *args, **kwargs):
        # Type and size are read once, here, so that listing documents touches no file.
        if self.file:
            self.file_type = PurePosixPath(self.file.name).suffix.lstrip(".").upper()[:10]
            self.file_size = self.file.size
        else:
            self.file_type, self.file_size = "", None
        super().save(*args, **kwargs)
