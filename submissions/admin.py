"""Moderation of the public forms.

Submissions are read-only: moderators decide (approve, publishing or not;
reject with a reason; mark as spam) through the actions, each decision is
recorded with who took it and when, and only a superuser can delete one (the
retention command does the rest). The emails each submission caused are listed
with it, so a failure is visible and can be sent again.
"""

import mimetypes
from pathlib import PurePath

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Value, When
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from django_countries import countries
from django_countries.filters import CountryFilter

from alliance_site import dashboard
from alliance_site.history import HistoryAdmin

from . import emails
from .forms import FORM_CLASSES, NGOPartnerAdminForm, RejectionForm
from .models import AlreadyDecided, NGOPartner, OutgoingEmail, Submission


class RecordOnlyMixin:
    """A change page that shows a record without offering to save it: every field is
    read-only, and what staff may do is in the actions."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class OutgoingEmailInline(admin.TabularInline):
    model = OutgoingEmail
    fields = ("purpose", "recipient", "status", "attempts", "last_error", "created_at", "sent_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(RecordOnlyMixin, admin.ModelAdmin):
    list_display = (
        "created_at",
        "kind",
        "name",
        "country",
        "status",
        "language",
        "decided_by",
        "decided_at",
        "record_link",
        "email_failed",
    )
    list_display_links = ("created_at", "name")
    list_filter = ("kind", "status", ("country", CountryFilter), "language")
    list_select_related = ("decided_by", "participant", "signatory", "partner", "practice")
    search_fields = ("name", "email")
    actions = ("approve_published", "approve_unpublished", "reject", "mark_as_spam")
    inlines = (OutgoingEmailInline,)
    change_form_template = "admin/submissions/submission/change_form.html"
    fieldsets = (
        (None, {"fields": ("kind", "status", "created_at", "language")}),
        (_("What was sent"), {"fields": ("name", "country", "email", "answers", "scan_link")}),
        (
            _("Decision"),
            {
                "fields": (
                    "decided_by",
                    "decided_at",
                    "rejection_reason",
                    "record_link",
                    "anonymised_at",
                )
            },
        ),
    )
    readonly_fields = (
        "kind",
        "status",
        "created_at",
        "language",
        "name",
        "country",
        "email",
        "answers",
        "scan_link",
        "decided_by",
        "decided_at",
        "rejection_reason",
        "record_link",
        "anonymised_at",
    )

    def has_moderate_permission(self, request, obj=None):
        """The decisions (approve, reject, spam): the moderation permission, with the change one."""
        return self.has_change_permission(request, obj) and request.user.has_perm(
            "submissions.moderate_submission"
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_moderate_permission": self.has_moderate_permission(request),
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        failed = OutgoingEmail.objects.filter(
            submission=OuterRef("pk"), status=OutgoingEmail.Status.FAILED
        )
        return super().get_queryset(request).annotate(has_failed_email=Exists(failed))

    def header_notice(self, request):
        """The count of pending submissions, in the header of every admin page."""
        if not self.has_view_permission(request):
            return []
        return [
            dashboard.Task(
                _("Pending submissions"),
                Submission.objects.pending().count(),
                reverse("admin:submissions_submission_changelist") + "?status__exact=pending",
            )
        ]

    def dashboard_tasks(self, request):
        pending = dict(Submission.objects.pending().values_list("kind").annotate(count=Count("pk")))
        changelist = reverse("admin:submissions_submission_changelist")
        return [
            dashboard.Task(
                _("waiting for a decision: %(form)s") % {"form": label},
                pending.get(kind, 0),
                f"{changelist}?status__exact=pending&kind__exact={kind}",
            )
            for kind, label in Submission.Kind.choices
        ]

    def get_ordering(self, request):
        pending_first = Case(
            When(status=Submission.Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [pending_first.asc(), "-created_at"]

    def get_urls(self):
        scan = path(
            "<int:pk>/scan/",
            self.admin_site.admin_view(self.scan_view),
            name="submissions_submission_scan",
        )
        return [scan, *super().get_urls()]

    def scan_view(self, request, pk):
        """The uploaded file, for staff only, as a download that a browser never runs."""
        submission = get_object_or_404(Submission, pk=pk)
        if not self.has_view_permission(request, submission):
            raise PermissionDenied
        if not submission.scan:
            raise Http404
        content_type = mimetypes.guess_type(submission.scan.name)[0] or "application/octet-stream"
        response = FileResponse(
            submission.scan.open("rb"),
            as_attachment=True,
            filename=f"submission-{submission.pk}{PurePath(submission.scan.name).suffix}",
            content_type=content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response

    @admin.display(description=_("answers"))
    def answers(self, submission):
        """The form's answers under the labels the sender saw."""
        if not submission.data:
            return "-"
        fields = FORM_CLASSES[submission.kind]().fields
        # In the order of the form (PostgreSQL does not keep the order of JSON keys).
        names = [name for name in fields if name in submission.data]
        names += sorted(name for name in submission.data if name not in fields)
        rows = []
        for name in names:
            field = fields.get(name)
            label = field.label if field else name
            rows.append((label, self._answer(name, submission.data[name], field)))
        return format_html(
            '<table class="submission-answers"><tbody>{}</tbody></table>',
            format_html_join("", '<tr><th scope="row">{}</th><td>{}</td></tr>', rows),
        )

    @staticmethod
    def _answer(name, value, field):
        if value is None or value == "":
            return "-"
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if name == "country":
            return countries.name(value) or value
        choices = dict(getattr(field, "choices", None) or ())
        if isinstance(value, list):
            return ", ".join(str(choices.get(item, item)) for item in value)
        if value in choices:
            return choices[value]
        return linebreaksbr(str(value), autoescape=True)

    @admin.display(description=_("uploaded file"))
    def scan_link(self, submission):
        if not submission.scan:
            return "-"
        url = reverse("admin:submissions_submission_scan", args=[submission.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the file"))

    @admin.display(description=_("record created"))
    def record_link(self, submission):
        record = submission.record
        if record is None:
            return "-"
        opts = record._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        return format_html('<a href="{}">{}: {}</a>', url, opts.verbose_name, record)

    @admin.display(description=_("email failed"), boolean=True)
    def email_failed(self, submission):
        return submission.has_failed_email

    def _report_linked_participant(self, request, submission):
        """Tell the moderator which participant an approved signature was linked to."""
        approved = submission.status == Submission.Status.APPROVED
        signatory = submission.signatory if approved else None
        participant = signatory.participant if signatory else None
        if participant is None:
            return
        url = reverse("admin:participants_participant_change", args=[participant.pk])
        self.message_user(
            request,
            format_html(
                _(
                    "The signatory {signatory} is the participant {participant}: they are "
                    'linked (<a href="{url}">see the participant</a>).'
                ),
                signatory=signatory.name,
                participant=participant.name_en,
                url=url,
            ),
            messages.INFO,
        )

    def _decide(self, request, queryset, decide, success):
        """Apply `decide` to each submission, log it, tell the sender; report in messages."""
        decided = skipped = queued = 0
        for submission in queryset:
            try:
                decide(submission)
            except AlreadyDecided:
                skipped += 1
                continue
            decided += 1
            self.log_change(request, submission, submission.get_status_display())
            self._report_linked_participant(request, submission)
            email = emails.announce_decision(submission)
            if email is not None:
                queued += 1
        if decided:
            self.message_user(request, success % {"count": decided}, messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d submission was already decided: it was left as it was.",
                    "%(count)d submissions were already decided: they were left as they were.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
        if queued:
            self.message_user(
                request,
                ngettext(
                    "%(count)d email to a sender will be sent in a moment (see Outgoing emails).",
                    "%(count)d emails to senders will be sent in a moment (see Outgoing emails).",
                    queued,
                )
                % {"count": queued},
                messages.INFO,
            )

    @admin.action(description=_("Approve and publish"), permissions=["moderate"])
    def approve_published(self, request, queryset):
        self._decide(
            request,
            queryset,
            lambda submission: submission.approve(request.user, publish=True),
            ngettext_lazy(
                "%(count)d submission approved and published.",
                "%(count)d submissions approved and published.",
                "count",
            ),
        )
        return self._to_new_record(request, queryset)

    @admin.action(description=_("Approve without publishing"), permissions=["moderate"])
    def approve_unpublished(self, request, queryset):
        self._decide(
            request,
            queryset,
            lambda submission: submission.approve(request.user, publish=False),
            ngettext_lazy(
                "%(count)d submission approved; its record is not published yet.",
                "%(count)d submissions approved; their records are not published yet.",
                "count",
            ),
        )
        return self._to_new_record(request, queryset)

    def _to_new_record(self, request, queryset):
        """Approved from its own page, a submission leads to the record it created, for
        the moderator to complete it (a new participant's coordinates, its French name)."""
        if "_from_submission_page" not in request.POST:
            return None
        approved = [s for s in queryset if s.status == Submission.Status.APPROVED]
        if len(approved) != 1 or approved[0].record is None:
            return None
        record = approved[0].record
        opts = record._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", record.pk)

    @admin.action(
        description=_("Reject, with a reason sent to the sender"), permissions=["moderate"]
    )
    def reject(self, request, queryset):
        form = RejectionForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            self._decide(
                request,
                queryset,
                lambda submission: submission.reject(request.user, reason),
                ngettext_lazy(
                    "%(count)d submission rejected; the reason was sent.",
                    "%(count)d submissions rejected; the reason was sent.",
                    "count",
                ),
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject submissions"),
            "opts": self.model._meta,
            "queryset": queryset,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/submissions/submission/reject.html", context)

    @admin.action(description=_("Mark as spam"), permissions=["moderate"])
    def mark_as_spam(self, request, queryset):
        self._decide(
            request,
            queryset,
            lambda submission: submission.mark_as_spam(request.user),
            ngettext_lazy(
                "%(count)d submission marked as spam.",
                "%(count)d submissions marked as spam.",
                "count",
            ),
        )


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(RecordOnlyMixin, admin.ModelAdmin):
    list_display = ("created_at", "purpose", "recipient", "subject", "status", "attempts")
    list_filter = ("status", "purpose")
    search_fields = ("recipient", "subject")
    list_select_related = ("submission",)
    actions = ("send_now",)
    fields = (
        "submission",
        "purpose",
        "recipient",
        "subject",
        "body",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
    )
    readonly_fields = fields

    def dashboard_tasks(self, request):
        failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
        return [
            dashboard.Task(
                _("emails that failed to send"),
                failed.count(),
                reverse("admin:submissions_outgoingemail_changelist") + "?status__exact=failed",
            )
        ]

    @admin.action(description=_("Send now"), permissions=["change"])
    def send_now(self, request, queryset):
        sent = failed = 0
        for email in queryset.unsent():
            if email.send():
                sent += 1
            else:
                failed += 1
        if sent:
            self.message_user(
                request,
                ngettext("%(count)d email sent.", "%(count)d emails sent.", sent) % {"count": sent},
                messages.SUCCESS,
            )
        if failed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d email failed again; see its last error.",
                    "%(count)d emails failed again; see their last errors.",
                    failed,
                )
                % {"count": failed},
                messages.ERROR,
            )


@admin.register(NGOPartner)
class NGOPartnerAdmin(HistoryAdmin):
    form = NGOPartnerAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "country", "website", "is_public")
    list_editable = ("is_public",)
    list_filter = ("is_public", ("country", CountryFilter))
    search_fields = ("name",)
