from modeltranslation.translator import TranslationOptions, register

from .models import Declaration


@register(Declaration)
class DeclarationTranslationOptions(TranslationOptions):
    fields = ("title", "intro", "body", "commitments", "document_url")
