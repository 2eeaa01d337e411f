"""What other pages show of the Declaration, without importing its models."""

from pathlib import PurePosixPath

from django import template

from ..models import DeclarationTranslation, Signatory

register = template.Library()


@register.simple_tag
def declaration_translations():
    """The Declaration's translations, each with its link, file type and size: one query.

    `{% declaration_translations as translations %}`, as on the Resources page.
    """
    translations = list(DeclarationTranslation.objects.order_by("language"))
    for translation in translations:
        translation.link = translation.url or translation.get_absolute_url()
        translation.file_type = translation.file_size = None
        if translation.document:
            translation.link = translation.document.url
            translation.file_type = PurePosixPath(translation.document.name).suffix[1:].upper()
            try:
                translation.file_size = translation.document.size
            except OSError:  # the file is missing from the storage: show the link anyway
                pass
    return translations


@register.simple_tag
def signatory_figures():
    """{"signatories": N, "countries": M}: one aggregate query."""
    return Signatory.objects.counter()
