from modeltranslation.translator import TranslationOptions, register

from .models import PrizeEdition, PrizeWinner


@register(PrizeEdition)
class PrizeEditionTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(PrizeWinner)
class PrizeWinnerTranslationOptions(TranslationOptions):
    fields = ("name", "project")
    required_languages = {"en": ("name",)}
