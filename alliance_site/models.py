"""The staff's own preferences: the language and time zone of their admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffPreferences(models.Model):
    """How one staff member reads the admin: its language and time zone. The
    notices sent to staff are written in that language too."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences"
    )
    language = models.CharField(
        _("language of the admin"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The admin's pages and the notices sent to you are in this language."),
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default=settings.TIME_ZONE)

    class Meta:
        verbose_name = _("staff preferences")
        verbose_name_plural = _("staff preferences")

    def __str__(self):
        return str(self.user)

    @classmethod
    def of(cls, user):
        """The user's preferences; the site's defaults (unsaved) if they chose none."""
        try:
            return user.preferences
        except cls.DoesNotExist:
            return cls(user=user)


def staff_language(user):
    """The language a staff member reads the admin and their notices in."""
    if user is None:
        return settings.LANGUAGE_CODE
    return StaffPreferences.of(user).language


def staff_language_at(address):
    """The language of the staff member whose email address this is; the site's
    default language for an address that is no staff member's (a shared box)."""
    from django.contrib.auth import get_user_model

    user = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, email__iexact=address)
        .select_related("preferences")
        .order_by("pk")
        .first()
    )
    return staff_language(user)
