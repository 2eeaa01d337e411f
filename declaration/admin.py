from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin

from alliance_site.admin_permissions import ModelPermissionImportExportMixin
from alliance_site.csp import NonceMediaAdmin
from alliance_site.history import HistoryAdmin
from core.admin import NamedAutocompleteAdmin, SideBySideTranslationAdmin
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
    NamedAutocompleteAdmin,
    ModelPermissionImportExportMixin,
    SpreadsheetImportExportMixin,
    ImportExportMixin,
    HistoryAdmin,
):
    resource_classes = [SignatoryResource]
    list_display = ("name", "country", "kind", "date_signed", "is_public", "participant")
    list_filter = ("is_public", "country", "kind")
    list_select_related = ("participant",)
    search_fields = ("name", "signatory_name")
    date_hierarchy = "date_signed"
    autocomplete_fields = ("participant",)
    readonly_fields = ("suggested_participants",)
    fieldsets = (
        (None, {"fields": ("name", "kind", "country", "is_public")}),
        (
            _("Signature"),
            {"fields": ("signatory_name", "signatory_position", "date_signed", "scan")},
        ),
        (
            _("The same authority among the participants"),
            {"fields": ("participant", "suggested_participants")},
        ),
    )

    @admin.display(description=_("suggested participants"))
    def suggested_participants(self, obj):
        """The participants that look like this authority, each with a button that links it.

        The buttons submit to the link view (`formaction`): the change form's own
        CSRF token goes with them, and nothing else of the form is saved.
        """
        if obj is None or obj.pk is None:
            return _("Save the signatory first.")
        if obj.participant_id:
            return _("Linked: remove the participant above to see suggestions.")
        matches = obj.matching_participants()
        if not matches:
            return _("No participant of the same country has this name.")
        action = reverse("admin:declaration_signatory_link_participant", args=[obj.pk])
        return format_html(
            '<ul class="suggested-participants">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({}) '
                '<button type="submit" class="button" formaction="{}" formnovalidate '
                'name="participant" value="{}">{}</button></li>',
                (
                    (
                        reverse("admin:participants_participant_change", args=[p.pk]),
                        p.name_en,
                        p.country.name,
                        action,
                        p.pk,
                        _("Link"),
                    )
                    for p in matches
                ),
            ),
        )

    def get_urls(self):
        link = self.admin_site.admin_view(require_POST(self.link_participant_view))
        return [
            path(
                "<path:object_id>/link-participant/",
                link,
                name="declaration_signatory_link_participant",
            ),
            *super().get_urls(),
        ]

    def link_participant_view(self, request, object_id):
        """Link the signatory to one of its suggested participants (POST, change permission)."""
        signatory = get_object_or_404(Signatory, pk=object_id)
        if not self.has_change_permission(request, signatory):
            raise PermissionDenied
        change_url = reverse("admin:declaration_signatory_change", args=[signatory.pk])
        chosen = request.POST.get("participant", "")
        match = next((p for p in signatory.matching_participants() if str(p.pk) == chosen), None)
        if match is None:
            self.message_user(
                request,
                _("That participant is not among the suggestions any more: nothing was linked."),
                messages.WARNING,
            )
            return redirect(change_url)
        signatory.participant = match
        signatory.save()
        self.log_change(request, signatory, [{"changed": {"fields": ["participant"]}}])
        self.message_user(
            request,
            _("%(signatory)s is now linked to the participant %(participant)s.")
            % {"signatory": signatory.name, "participant": match.name_en},
            messages.SUCCESS,
        )
        return redirect(change_url)
