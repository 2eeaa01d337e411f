from django.contrib import admin

from alliance_site.csp import NonceMediaAdmin
from alliance_site.history import HistoryAdmin
from core.admin import NamedAutocompleteAdmin, SideBySideTranslationAdmin, StableSlugAdmin

from .models import Practice, Theme


@admin.register(Theme)
class ThemeAdmin(HistoryAdmin, SideBySideTranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)


@admin.register(Practice)
class PracticeAdmin(
    NamedAutocompleteAdmin,
    StableSlugAdmin,
    NonceMediaAdmin,
    HistoryAdmin,
    SideBySideTranslationAdmin,
):
    list_display = ("title", "place", "country", "type", "year", "is_published")
    list_filter = ("is_published", "type", "themes", "country")
    search_fields = ("title_en", "title_fr", "summary_en", "summary_fr", "place")
    filter_horizontal = ("themes",)
    autocomplete_fields = ("participant",)
    fields = (
        "title",
        "slug",
        "summary",
        "description",
        "country",
        "place",
        "participant",
        "themes",
        "type",
        "year",
        "link",
        "document",
        "is_published",
    )
