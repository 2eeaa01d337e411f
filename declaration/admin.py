from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin

from alliance_site.admin_permissions import ModelPermissionImportExportMixin
from alliance_site.csp import NonceMediaAdmin
from alliance_site.history import HistoryAdmin
from core.admin import SideBySideTranslationAdmin
from core.imports import SpreadsheetImportExportMixin

from .models import Declaration, DeclarationTranslation, Signatory
from .resources import SignatoryResource


class DeclarationTranslationInline(admin.TabularInline):
    model = DeclarationTranslation
    fields = ("language", "document", "url", "text")
    extra = 1
    # Each translation's own page has its history.
    show_change_link = True


@admin.register(Declaration)
class DeclarationAdmin(NonceMediaAdmin, HistoryAdmin, SideBySideTranslationAdmin):
    """A single record: the list goes straight to its form."""

    inlines = [DeclarationTranslationInline]
    fields = ("title", "intro", "commitments", "body", "document_url", "translations_present")
    readonly_fields = ("translations_present",)

    @admin.display(description=_("translations present"))
    def translations_present(self, obj):
        translations = sorted(obj.translations.all(), key=lambda t: t.name_english)
        if not translations:
            return _("None yet: add them below, one per language.")
        count = ngettext("%(count)d language: ", "%(count)d languages: ", len(translations)) % {
            "count": len(translations)
        }
        names = format_html_join(
            ", ",
            '{} (<span lang="{}">{}</span>)',
            ((t.name_english, t.language, t.name_local) for t in translations),
        )
        return format_html("{}{}", count, names)

    def has_add_permission(self, request):
        return not Declaration.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        declaration = Declaration.load()
        return redirect(reverse("admin:declaration_declaration_change", args=[declaration.pk]))


@admin.register(DeclarationTranslation)
class DeclarationTranslationAdmin(HistoryAdmin):
    """Each translation on its own page, with its history; also edited within the Declaration."""

    list_display = ("__str__", "language", "updated_at")
    fields = ("declaration", "language", "document", "text")


@admin.register(Signatory)
class SignatoryAdmin(
    ModelPermissionImportExportMixin,
    SpreadsheetImportExportMixin,
    ImportExportMixin,
    HistoryAdmin,
):
    resource_classes = [SignatoryResource]
    list_display = ("name", "country", "kind", "date_signed", "is_public")
    list_filter = ("is_public", "country", "kind")
    search_fields = ("name", "signatory_name")
    date_hierarchy = "date_signed"
    fieldsets = (
        (None, {"fields": ("name", "kind", "country", "is_public")}),
        (
            _("Signature"),
            {"fields": ("signatory_name", "signatory_position", "date_signed", "scan")},
        ),
    )
