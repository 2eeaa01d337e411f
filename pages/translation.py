from modeltranslation.translator import TranslationOptions, register

from .models import Page, SiteSettings


@register(SiteSettings)
class SiteSettingsTranslationOptions(TranslationOptions):
    fields = ("mission", "note_on_terms", "contact_role", "contact_address")


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    # The English text is required; French falls back to it where empty.
    required_languages = {"en": ("title", "body")}
