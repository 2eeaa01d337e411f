from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import PrizeEdition, PrizeWinner


class PrizeWinnerInline(TranslationTabularInline):
    model = PrizeWinner
    extra = 3
    autocomplete_fields = ("participant",)


@admin.register(PrizeEdition)
class PrizeEditionAdmin(TranslationAdmin):
    list_display = ("year",)
    inlines = [PrizeWinnerInline]
