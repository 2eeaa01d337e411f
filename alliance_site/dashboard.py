"""The admin as the staff's workplace: its home page says what needs doing.

`AdminSite` replaces Django's default site (see `apps.AdminConfig`). Its index
is a dashboard: each ModelAdmin may offer `dashboard_tasks(request)`, a list of
`Task` (what waits, how many, and the filtered list that shows them), and
`dashboard_schedule(request)`, the `Task`s that go out at a given time. Below
them the models are grouped by what staff do with them; the technical ones
(accounts, the login lockout) are shown to superusers only.

Each staff member chooses the admin's language and time zone
(`StaffPreferences`); every admin page is rendered in them.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .models import StaffPreferences

# The index's groups, by task. A model of the site's own apps that is not
# named here goes to Content; any other (third-party) one is technical.
GROUPS = [
    (
        "content",
        _("Content"),
        [
            "news.article",
            "pages.page",
            "practices.practice",
            "practices.theme",
            "resources.document",
            "prize.prizeedition",
            "prize.prizewinner",
            "declaration.declaration",
            "declaration.declarationtranslation",
            "taggit.tag",
        ],
    ),
    (
        "network",
        _("The network"),
        [
            "participants.participant",
            "participants.nationalnetwork",
            "declaration.signatory",
            "submissions.ngopartner",
        ],
    ),
    (
        "moderation",
        _("Forms and moderation"),
        ["submissions.submission", "submissions.outgoingemail"],
    ),
    ("settings", _("Site settings"), ["pages.sitesettings"]),
]
TECHNICAL = ("technical", _("Accounts and technical records"))
SITE_APPS = {"news", "pages", "participants", "declaration", "resources", "prize", "practices"}
SITE_APPS |= {"search", "submissions", "alliance_site"}


def missing_translation(fields):
    """A filter on the rows where one of `fields` has English text and no text in
    another language."""
    default = settings.LANGUAGE_CODE
    missing = Q()
    for code, _name in settings.LANGUAGES:
        if code == default:
            continue
        for name in fields:
            english, other = (
                build_localized_fieldname(name, default),
                build_localized_fieldname(name, code),
            )
            missing |= (
                ~Q(**{english: ""})
                & Q(**{f"{english}__isnull": False})
                & (Q(**{other: ""}) | Q(**{f"{other}__isnull": True}))
            )
    return missing


class TranslationFilter(admin.SimpleListFilter):
    """The list's rows whose translation is incomplete, or complete (`fields`)."""

    title = _("French translation")
    parameter_name = "translation"
    fields = ()

    def lookups(self, request, model_admin):
        return [("missing", _("Incomplete")), ("complete", _("Complete"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(missing_translation(self.fields))
        if self.value() == "complete":
            return queryset.exclude(missing_translation(self.fields))
        return queryset


@dataclass
class Task:
    """One line of the dashboard: `count` things, listed at `url`."""

    label: str
    count: int
    url: str
    when: datetime | None = None


class PreferencesForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("time zone"),
        choices=[(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())],
        help_text=_("Dates and times in the admin are shown and entered in this time zone."),
    )

    class Meta:
        model = StaffPreferences
        fields = ("language", "time_zone")


class AdminSite(admin.AdminSite):
    site_header = _("European Alliance of Cities and Regions for Roma Inclusion")
    site_title = _("Alliance admin")
    index_title = _("Dashboard")
    index_template = "admin/dashboard.html"
    # The dashboard lists every model: lists and forms get the page's whole width.
    enable_nav_sidebar = False

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def in_preferences(request, *args, **kwargs):
            """Render the page in the staff member's language and time zone; until they
            choose, in the language their browser asks for."""
            user = request.user
            preferences = StaffPreferences.of(user) if user.is_active and user.is_staff else None
            if preferences is None or not preferences.pk:
                return inner(request, *args, **kwargs)
            request.LANGUAGE_CODE = preferences.language
            # For this request only: the worker thread serves other people next.
            with (
                translation.override(preferences.language),
                timezone.override(zoneinfo.ZoneInfo(preferences.time_zone)),
            ):
                response = inner(request, *args, **kwargs)
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                return response

        return in_preferences

    def get_urls(self):
        preferences = path(
            "preferences/", self.admin_view(self.preferences_view), name="preferences"
        )
        return [preferences, *super().get_urls()]

    def each_context(self, request):
        context = super().each_context(request)
        notices = []
        if request.user.is_active and request.user.is_staff:
            for model_admin in self._registry.values():
                if hasattr(model_admin, "header_notice"):
                    notices.extend(model_admin.header_notice(request))
            context["admin_language"] = translation.get_language()
            context["time_zone"] = timezone.get_current_timezone_name()
        context["header_notices"] = notices
        return context

    def get_app_list(self, request, app_label=None):
        if app_label is not None:
            return super().get_app_list(request, app_label)
        models = {}
        for app in self._build_app_dict(request).values():
            for model in app["models"]:
                models[model["model"]._meta.label_lower] = model
        groups = []
        for slug, name, labels in GROUPS:
            groups.append((slug, name, [models.pop(label) for label in labels if label in models]))
        content = groups[0][2]
        technical = []
        for label, model in sorted(models.items(), key=lambda item: str(item[1]["name"])):
            if label.split(".")[0] in SITE_APPS:
                content.append(model)
            elif request.user.is_superuser:
                technical.append(model)
        groups.append((*TECHNICAL, technical))
        return [
            {
                "name": name,
                "app_label": slug,
                "app_url": reverse("admin:index", current_app=self.name) + f"#{slug}",
                "has_module_perms": True,
                "models": group_models,
            }
            for slug, name, group_models in groups
            if group_models
        ]

    def index(self, request, extra_context=None):
        tasks, schedule = [], []
        for model_admin in self._registry.values():
            if not model_admin.has_view_permission(request):
                continue
            if hasattr(model_admin, "dashboard_tasks"):
                tasks.extend(model_admin.dashboard_tasks(request))
            if hasattr(model_admin, "dashboard_schedule"):
                schedule.extend(model_admin.dashboard_schedule(request))
        schedule.sort(key=lambda task: task.when)
        extra_context = {
            **(extra_context or {}),
            "tasks": [task for task in tasks if task.count],
            "schedule": schedule,
        }
        return super().index(request, extra_context)

    def preferences_view(self, request):
        """The staff member's language and time zone for the admin (and staff emails)."""
        preferences = StaffPreferences.of(request.user)
        form = PreferencesForm(request.POST or None, instance=preferences)
        next_url = request.POST.get("next") or request.GET.get("next") or ""
        if not url_has_allowed_host_and_scheme(
            next_url, {request.get_host()}, require_https=request.is_secure()
        ):
            next_url = ""
        if request.method == "POST" and form.is_valid():
            form.instance.user = request.user
            form.save()
            return redirect(next_url or "admin:index")
        context = {
            **self.each_context(request),
            "title": _("Your preferences"),
            "form": form,
            "next": next_url,
        }
        return TemplateResponse(request, "admin/preferences.html", context)
