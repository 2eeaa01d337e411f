from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from alliance_site import dashboard
from alliance_site.admin_permissions import ModelPermissionImportExportMixin
from alliance_site.history import HistoryAdmin
from core.admin import SideBySideTranslationAdmin, StableSlugAdmin
from core.imports import SpreadsheetImportExportMixin

from .models import NationalNetwork, Participant
from .resources import ParticipantResource


class MapFilter(admin.SimpleListFilter):
    title = _("on the map")
    parameter_name = "map"

    def lookups(self, request, model_admin):
        return [("yes", _("on the map")), ("no", _("not on the map"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.on_map()
        if self.value() == "no":
            return queryset.exclude(pk__in=Participant.objects.on_map())
        return queryset


@admin.register(Participant)
class ParticipantAdmin(
    StableSlugAdmin,
    ModelPermissionImportExportMixin,
    SpreadsheetImportExportMixin,
    ImportExportMixin,
    HistoryAdmin,
    SideBySideTranslationAdmin,
):
    resource_classes = [ParticipantResource]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "kind", "country", "date_joined", "has_coordinates", "is_active")
    list_filter = ("is_active", MapFilter, "kind", "country", "national_network")
    search_fields = ("name_en", "name_fr", "slug")
    list_select_related = ("national_network",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "country", "is_active")}),
        (
            _("Membership"),
            {
                "fields": (
                    ("date_joined", "date_joined_precision"),
                    "national_network",
                    "signatory_link",
                )
            },
        ),
        (_("On the map"), {"fields": (("latitude", "longitude"),)}),
        (_("About"), {"fields": ("website", "description")}),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            first = dict(fieldsets[0][1])
            first["fields"] = tuple(f for f in first["fields"] if f != "slug")
            fieldsets = ((None, first), *fieldsets[1:])
        missing = {
            f"{field}_fr" if field == "name" else field for field, _what in self.missing(obj)
        }
        return tuple(
            (name, {**options, "classes": ("needs-attention",)})
            if missing & set(flatten_fieldsets([(name, options)]))
            else (name, options)
            for name, options in fieldsets
        )

    @staticmethod
    def missing(obj):
        """What a participant's pages need and it lacks: (field, what to give)."""
        if obj is None or obj.pk is None:
            return []
        missing = []
        if not obj.has_coordinates:
            missing.append(("latitude", _("its coordinates, to put it on the map")))
        if obj.name_en and not obj.name_fr:
            missing.append(("name_fr", _("its name in French")))
        return missing

    def save_model(self, request, obj, form, change):
        if not obj.has_coordinates:
            if obj.place_from_gazetteer():
                self.message_user(
                    request,
                    _(
                        "%(name)s is on the map: its place was found in GeoNames "
                        "(%(latitude)s, %(longitude)s). Correct it if it is not the right one."
                    )
                    % {"name": obj, "latitude": obj.latitude, "longitude": obj.longitude},
                    messages.SUCCESS,
                )
            else:
                self.message_user(
                    request,
                    _(
                        "%(name)s is not on the map: no single place of that name was found "
                        "in its country. Give its latitude and longitude."
                    )
                    % {"name": obj},
                    messages.WARNING,
                )
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["missing_fields"] = self.missing(obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def dashboard_tasks(self, request):
        off_map = Participant.objects.active().exclude(pk__in=Participant.objects.on_map())
        return [
            dashboard.Task(
                _("active participants not on the map"),
                off_map.count(),
                reverse("admin:participants_participant_changelist") + "?is_active__exact=1&map=no",
            )
        ]

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "signatory_link")

    @admin.display(description=_("signatory of the Declaration"))
    def signatory_link(self, obj):
        """The signatory that is this same authority: linked from the signatory's page."""
        signatory = getattr(obj, "signatory", None) if obj and obj.pk else None
        if signatory is None:
            return _("None: link it from the signatory's page, which suggests matches.")
        opts = signatory._meta
        return format_html(
            '<a href="{}">{}</a>',
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[signatory.pk]),
            signatory.name,
        )

    @admin.display(boolean=True, description=_("on the map"))
    def has_coordinates(self, obj):
        return obj.has_coordinates


@admin.register(NationalNetwork)
class NationalNetworkAdmin(HistoryAdmin, SideBySideTranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "country", "founded")
    fields = ("name", "country", ("founded", "founded_precision"), "website", "description")
