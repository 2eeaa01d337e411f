from modeltranslation.translator import TranslationOptions, register

from .models import Practice, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"en": ("name",)}


@register(Practice)
class PracticeTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = {"en": ("title", "summary")}
