from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """A single record: the list goes straight to its form."""

    fieldsets = (
        (None, {"fields": ("mission", "note_on_terms")}),
        (
            _("Contact"),
            {
                "fields": (
                    "contact_name",
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
