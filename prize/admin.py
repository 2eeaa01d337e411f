from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from alliance_site.history import HistoryAdmin
from core.admin import NamedAutocompleteAdmin, SideBySideTranslationAdmin

from .models import PrizeEdition, PrizeWinner


class PrizeWinnerInline(NamedAutocompleteAdmin, TranslationTabularInline):
    model = PrizeWinner
    extra = 3
    autocomplete_fields = ("participant",)
    # Each winner's own page has its history.
    show_change_link = True


@admin.register(PrizeEdition)
class PrizeEditionAdmin(HistoryAdmin, SideBySideTranslationAdmin):
    list_display = ("year",)
    inlines = [PrizeWinnerInline]


@admin.register(PrizeWinner)
class PrizeWinnerAdmin(NamedAutocompleteAdmin, HistoryAdmin, SideBySideTranslationAdmin):
    """Each winner on its own page, with its history; also edited within the edition."""

    list_display = ("name", "edition", "country", "rank")
    list_filter = ("edition",)
    search_fields = ("name_en", "name_fr")
    autocomplete_fields = ("participant",)
