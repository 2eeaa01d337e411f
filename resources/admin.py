from django.contrib import admin

from alliance_site.history import HistoryAdmin
from core.admin import SideBySideTranslationAdmin

from .models import Document


@admin.register(Document)
class DocumentAdmin(HistoryAdmin, SideBySideTranslationAdmin):
    list_display = ("__str__", "title", "kind", "year", "language", "file_type", "is_published")
    list_filter = ("kind", "is_published", "language", "year")
    search_fields = ("title_en", "title_fr", "number")
    fields = ("kind", "number", "year", "title", "language", "file", "url", "is_published")
