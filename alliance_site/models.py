"""Abstract bases shared by the content apps."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        abstract = True


def unique_slug(instance, text, field="slug", max_length=200):
    """A slug made from `text` that no other row of the model has yet.

    Appends -2, -3, ... on a clash. Used once, when the record is first saved,
    so that a published address never changes when the title is edited.
    """
    base = slugify(text)[:max_length].strip("-") or "item"
    model = type(instance)
    candidate, n = base, 1
    while model._default_manager.filter(**{field: candidate}).exclude(pk=instance.pk).exists():
        n += 1
        suffix = f"-{n}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
    return candidate
