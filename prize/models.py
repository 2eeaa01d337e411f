from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import TimestampedModel


class PrizeEdition(TimestampedModel):
    """One edition of the Dosta!-Congress Prize, awarded every two years."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("A few words on the edition: its theme, the ceremony. Plain text."),
    )

    class Meta:
        verbose_name = _("edition of the prize")
        verbose_name_plural = _("editions of the prize")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def get_absolute_url(self):
        return f"{reverse('prize:index')}#edition-{self.year}"


class PrizeWinner(models.Model):
    """A municipality awarded the prize in one edition."""

    edition = models.ForeignKey(
        PrizeEdition, on_delete=models.CASCADE, related_name="winners", verbose_name=_("edition")
    )
    name = models.CharField(_("municipality"), max_length=200)
    country = CountryField(_("country"))
    rank = models.PositiveSmallIntegerField(
        _("prize"),
        null=True,
        blank=True,
        choices=[(1, _("1st prize")), (2, _("2nd prize")), (3, _("3rd prize"))],
        help_text=_("Give two winners the same prize when it was shared. Leave empty if unknown."),
    )
    project = models.CharField(
        _("project"), max_length=300, blank=True, help_text=_("The project the prize rewarded.")
    )
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="prizes",
        verbose_name=_("participant"),
        help_text=_("The winner's page among the Alliance's participants, if it has one."),
    )

    class Meta:
        verbose_name = _("winner")
        verbose_name_plural = _("winners")
        # By prize; winners without a recorded rank in the order staff entered them.
        ordering = [F("rank").asc(nulls_last=True), "pk"]

    def __str__(self):
        return f"{self.name} ({self.edition})"
