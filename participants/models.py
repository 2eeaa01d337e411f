from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class ParticipantQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def counter(self):
        """How many active participants, from how many countries: one query."""
        return self.active().aggregate(
            participants=Count("pk"), countries=Count("country", distinct=True)
        )


class Participant(models.Model):
    """A city, region or other authority taking part in the Alliance."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        CITY = "city", _("City")
        REGION = "region", _("Region")
        METROPOLITAN_CITY = "metropolitan_city", _("Metropolitan city")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CITY)
    country = CountryField(_("country"))
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
