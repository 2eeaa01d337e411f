from modeltranslation.translator import TranslationOptions, register

from .models import Document


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"en": ("title",)}
