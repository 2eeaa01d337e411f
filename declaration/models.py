from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance_site.models import TimestampedModel
from participants.models import Participant


class SignatoryQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def counter(self):
        """How many public signatories, from how many countries: one query."""
        return self.public().aggregate(
            signatories=Count("pk"), countries=Count("country", distinct=True)
        )


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
        choices=Participant.Kind.choices,
        default=Participant.Kind.MUNICIPALITY,
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
        help_text=_("PDF or image. Kept for the records; not shown on the public page."),
    )
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick to hide the authority from the public table and the open data."),
    )

    objects = SignatoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["country", "name"]

    def __str__(self):
        return self.name
