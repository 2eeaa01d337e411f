from pathlib import PurePosixPath

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from declaration.models import DeclarationTranslation

from .models import Document

# The headings of the Resources page, in order, and the kinds of document under each.
SECTIONS = [
    ("adopted-texts", _("Adopted texts of the Congress"), Document.ADOPTED_TEXTS),
    ("brochures", _("Brochures"), (Document.Kind.BROCHURE,)),
    ("other", _("Other documents"), (Document.Kind.OTHER,)),
]


class ResourceListView(TemplateView):
    """Every published document, under its heading: one query."""

    template_name = "resources/list.html"

    def get_context_data(self, **kwargs):
        documents = list(Document.objects.published())
        sections = []
        for key, title, kinds in SECTIONS:
            items = [document for document in documents if document.kind in kinds]
            if items:
                sections.append({"key": key, "title": title, "documents": items})
        return super().get_context_data(
            sections=sections, translations=declaration_translations(), **kwargs
        )


def declaration_translations():
    """The Declaration's translations, each with its link, file type and size: one query."""
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
