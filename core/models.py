"""Abstract bases shared by the content apps."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname


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


class SluggedModel(models.Model):
    """A record addressed by its slug: made from the English `slug_source` when the
    record is first saved without one, and stable once published.

    Links from elsewhere point at a published address, so the admin shows the
    slug read-only while `published_field` is true (`core.admin.StableSlugAdmin`);
    staff may still correct it on a draft. The model declares its own `slug`
    field (its length, help text and reserved words are its own).
    """

    slug_source = "title"
    published_field = "is_published"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_slug()
        super().save(*args, **kwargs)

    @property
    def is_address_published(self):
        return bool(getattr(self, self.published_field))

    def english_slug_source(self):
        english = build_localized_fieldname(self.slug_source, settings.LANGUAGE_CODE)
        return getattr(self, english, None) or getattr(self, self.slug_source)

    def fill_slug(self):
        if not self.slug:
            max_length = self._meta.get_field("slug").max_length
            self.slug = unique_slug(self, self.english_slug_source(), max_length=max_length)


class SingletonModel(models.Model):
    """A model of one record, which the site reads with `load()` (created empty if missing)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj
