"""Abstract bases shared by the content apps, and the staff's own preferences."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


@deconstructible
class NotReserved:
    """Refuses a slug that is already another address of the site: a participant
    slugged `map` would sit behind the map's page."""

    def __init__(self, *words):
        self.words = frozenset(words)

    def __call__(self, value):
        if value in self.words:
            raise ValidationError(
                _("“%(value)s” is already the address of another page: choose another."),
                code="reserved",
                params={"value": value},
            )

    def __eq__(self, other):
        return isinstance(other, NotReserved) and self.words == other.words


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        abstract = True


def unique_slug(instance, text, field="slug", max_length=200):
    """A slug made from `text` that no other row of the model has yet.

    Appends -2, -3, ... on a clash, or when the field's NotReserved validator
    refuses it. Used once, when the record is first saved,
    so that a published address never changes when the title is edited.
    """
    base = slugify(text)[:max_length].strip("-") or "item"
    model = type(instance)
    reserved = set().union(
        *(v.words for v in model._meta.get_field(field).validators if isinstance(v, NotReserved))
    )
    candidate, n = base, 1
    while (
        candidate in reserved
        or model._default_manager.filter(**{field: candidate}).exclude(pk=instance.pk).exists()
    ):
        n += 1
        suffix = f"-{n}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
    return candidate


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
