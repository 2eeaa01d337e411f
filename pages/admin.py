from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance_site import dashboard
from alliance_site.csp import NonceMediaAdmin
from alliance_site.history import HistoryAdmin
from core.admin import NamedAutocompleteAdmin, SideBySideTranslationAdmin, StableSlugAdmin

from .models import Page, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(HistoryAdmin, SideBySideTranslationAdmin):
    """A single record: the list goes straight to its form."""

    fieldsets = (
        (None, {"fields": ("mission", "note_on_terms")}),
        (
            _("Contact"),
            {
                "fields": (
                    ("contact_civility", "contact_name"),
                    "contact_role",
                    "contact_phone",
                    "contact_email",
                    "contact_address",
                )
            },
        ),
        (_("Social networks"), {"fields": ("facebook_url", "twitter_url")}),
    )

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        settings = SiteSettings.load()
        return redirect(reverse("admin:pages_sitesettings_change", args=[settings.pk]))


class PageTranslationFilter(dashboard.TranslationFilter):
    fields = ("title", "summary", "body")


@admin.register(Page)
class PageAdmin(
    NamedAutocompleteAdmin,
    StableSlugAdmin,
    NonceMediaAdmin,
    HistoryAdmin,
    SideBySideTranslationAdmin,
):
    list_display = ("title", "path", "show_in_navigation", "is_published", "order", "updated_at")
    list_filter = ("is_published", "show_in_navigation", PageTranslationFilter)
    list_editable = ("order",)
    search_fields = ("title_en", "title_fr", "path")
    autocomplete_fields = ("parent",)
    fieldsets = (
        (None, {"fields": ("title", "summary", "body")}),
        (
            _("Address and menu"),
            {"fields": ("parent", "slug", "order", "show_in_navigation", "legacy_id")},
        ),
        (_("Publication"), {"fields": ("is_published",)}),
    )
    actions = ("publish", "unpublish")

    @admin.action(description=_("Publish the selected pages"), permissions=["change"])
    def publish(self, request, queryset):
        queryset.update(is_published=True)

    @admin.action(description=_("Hide the selected pages"), permissions=["change"])
    def unpublish(self, request, queryset):
        queryset.update(is_published=False)

    def dashboard_tasks(self, request):
        missing = Page.objects.filter(dashboard.missing_translation(PageTranslationFilter.fields))
        return [
            dashboard.Task(
                _("pages missing their French"),
                missing.count(),
                reverse("admin:pages_page_changelist") + "?translation=missing",
            )
        ]

    def view_on_site(self, obj):
        return obj.get_absolute_url()
