from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TabbedTranslationAdmin

from alliance_site.admin_permissions import ModelPermissionImportExportMixin
from alliance_site.history import HistoryAdmin

from .imports import SpreadsheetImportExportMixin
from .models import NationalNetwork, Participant
from .resources import ParticipantResource


@admin.register(Participant)
class ParticipantAdmin(
    ModelPermissionImportExportMixin,
    SpreadsheetImportExportMixin,
    ImportExportMixin,
    HistoryAdmin,
    TabbedTranslationAdmin,
):
    resource_classes = [ParticipantResource]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "kind", "country", "date_joined", "has_coordinates", "is_active")
    list_filter = ("is_active", "kind", "country", "national_network")
    search_fields = ("name_en", "name_fr", "slug")
    list_select_related = ("national_network",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "country", "is_active")}),
        (
            _("Membership"),
            {"fields": (("date_joined", "date_joined_precision"), "national_network")},
        ),
        (_("On the map"), {"fields": (("latitude", "longitude"),)}),
        (_("About"), {"fields": ("website", "description")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # The address is made on first save and stays: links to it must keep working.
        return ("slug",) if obj else ()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            first = dict(fieldsets[0][1])
            first["fields"] = tuple(f for f in first["fields"] if f != "slug")
            fieldsets = ((None, first), *fieldsets[1:])
        return fieldsets

    @admin.display(boolean=True, description=_("on the map"))
    def has_coordinates(self, obj):
        return obj.has_coordinates


@admin.register(NationalNetwork)
class NationalNetworkAdmin(TabbedTranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "country", "founded")
    fields = ("name", "country", ("founded", "founded_precision"), "website", "description")
