"""Abstract bases shared by the content apps."""

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


class AuthorityKind(models.TextChoices):
    """What kind of local or regional authority a participant or a signatory is."""

    MUNICIPALITY = "municipality", _("Municipality")
    CITY = "city", _("City")
    REGION = "region", _("Region")
    METROPOLITAN_CITY = "metropolitan_city", _("Metropolitan city")
    OTHER = "other", _("Other")


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
