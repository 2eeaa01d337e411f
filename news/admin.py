import base64

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TranslationTabularInline,
)
from modeltranslation.utils import build_localized_fieldname
from taggit.models import Tag as TaggitTag

from alliance_site import dashboard
from alliance_site.csp import NonceMediaAdmin
from alliance_site.history import HistoryAdmin
from core.admin import NamedAutocompleteAdmin, SideBySideTranslationAdmin, StableSlugAdmin

from .forms import ArticleImageField
from .models import Article, ArticleDocument, Tag

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]
# The translated fields whose translation is missing when the English has text.
CHECKED_FIELDS = ("title", "lead", "body", "image_alt", "image_credit")


def missing_translations(article):
    """Labels of the translated fields that have English text but none in `code`."""
    missing = {}
    for code in OTHER_LANGUAGES:
        labels = [
            Article._meta.get_field(name).verbose_name
            for name in CHECKED_FIELDS
            if getattr(article, build_localized_fieldname(name, DEFAULT_LANGUAGE))
            and not getattr(article, build_localized_fieldname(name, code))
        ]
        title_field = build_localized_fieldname("title", code)
        if any(not getattr(document, title_field) for document in article.documents.all()):
            labels.append(_("document titles"))
        if labels:
            missing[code] = labels
    return missing


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("published", _("Published")),
            ("scheduled", _("Scheduled")),
            ("draft", _("Draft")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "published":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.filter(is_published=True, published_at__gt=timezone.now())
        if self.value() == "draft":
            return queryset.filter(is_published=False)
        return queryset


class TranslationFilter(dashboard.TranslationFilter):
    fields = CHECKED_FIELDS


class ArticleDocumentInline(TranslationTabularInline):
    model = ArticleDocument
    extra = 0
    fields = ("title", "file", "position")


@admin.register(Article)
class ArticleAdmin(
    NamedAutocompleteAdmin,
    StableSlugAdmin,
    NonceMediaAdmin,
    HistoryAdmin,
    SideBySideTranslationAdmin,
):
    formfield_overrides = {
        models.ImageField: {"form_class": ArticleImageField},
        models.URLField: {"assume_scheme": "https"},
    }
    inlines = [ArticleDocumentInline]
    list_display = (
        "title",
        "status_label",
        "published_at",
        "event_dates",
        "tag_list",
        "translation_status",
    )
    list_filter = (StatusFilter, TranslationFilter, "tags", "published_at")
    date_hierarchy = "published_at"
    search_fields = ("title_en", "title_fr", "lead_en", "lead_fr", "slug", "=legacy_id")
    actions = ("publish", "unpublish")
    list_per_page = 50
    autocomplete_fields = ("participants",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "lead", "body", "tags", "participants")}),
        (
            _("Publication"),
            {"fields": ("is_published", "published_at")},
        ),
        (
            _("Event"),
            {
                "description": _(
                    "Fill in the date for an article about an event: it then appears on "
                    "the agenda and in the calendar feeds. Leave the date empty for news."
                ),
                "fields": (
                    ("event_start", "event_end"),
                    ("event_start_time", "event_end_time", "event_time_zone"),
                    ("event_city", "event_country", "event_online"),
                    "event_url",
                    "event_status",
                ),
            },
        ),
        (_("Image"), {"fields": ("image", "image_alt", "image_credit")}),
        (_("Video"), {"fields": ("video_url",)}),
        (_("Old site"), {"fields": ("legacy_id",), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags", "documents")

    def dashboard_tasks(self, request):
        changelist = reverse("admin:news_article_changelist")
        missing = Article.objects.filter(dashboard.missing_translation(CHECKED_FIELDS))
        return [
            dashboard.Task(
                _("articles missing their French"),
                missing.count(),
                f"{changelist}?translation=missing",
            )
        ]

    def dashboard_schedule(self, request):
        scheduled = Article.objects.filter(is_published=True, published_at__gt=timezone.now())
        return [
            dashboard.Task(
                article.title,
                1,
                reverse("admin:news_article_change", args=[article.pk]),
                when=article.published_at,
            )
            for article in scheduled.order_by("published_at")[:20]
        ]

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("preview/<str:language>/", preview, name="news_article_preview"),
            path(
                "<int:object_id>/preview/<str:language>/",
                preview,
                name="news_article_preview_saved",
            ),
            *super().get_urls(),
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField) and field is not None:
            # The date and the time each get a name of their own (the field's
            # label only names the first), for screen readers.
            date, time = field.widget.widgets
            date.attrs["aria-label"] = _("%(field)s: date") % {"field": db_field.verbose_name}
            time.attrs["aria-label"] = _("%(field)s: time") % {"field": db_field.verbose_name}
        return field

    def render_change_form(self, request, context, *args, **kwargs):
        context["preview_languages"] = settings.LANGUAGES
        return super().render_change_form(request, context, *args, **kwargs)

    def preview_view(self, request, language, object_id=None):
        """The article as visitors will see it in `language`, from the form as typed
        (sent here by the form's preview buttons), or as saved (a plain visit)."""
        if language not in dict(settings.LANGUAGES):
            raise Http404
        article = self.get_object(request, str(object_id)) if object_id else None
        if object_id and article is None:
            raise Http404
        allowed = (
            self.has_change_permission(request, article)
            if article
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        image_url, tags = None, []
        if request.method == "POST":
            form_class = self.get_form(request, article, change=article is not None)
            form = form_class(request.POST, request.FILES, instance=article)
            if not form.is_valid():
                context = {**self.admin_site.each_context(request), "form": form}
                context["title"] = _("Preview")
                return TemplateResponse(request, "admin/news/article/preview_errors.html", context)
            article = form.save(commit=False)
            tags = sorted(form.cleaned_data.get("tags") or [])
            upload = request.FILES.get("image")
            if upload and form.cleaned_data.get("image") is upload:
                upload.seek(0)
                encoded = base64.b64encode(upload.read()).decode()
                image_url = f"data:{upload.content_type};base64,{encoded}"
        elif article is not None:
            tags = sorted(tag.name for tag in article.tags.all())
        else:
            raise Http404
        with translation.override(language):
            body = article._meta.get_field("body").sanitize(article.body or "")
            html = render_to_string(
                "admin/news/article/preview.html",
                {
                    "article": article,
                    # Sanitised just now, by the editor's own sanitiser.
                    "body": mark_safe(body),  # noqa: S308
                    "image_url": image_url,
                    "tags": tags,
                    "saved": request.method != "POST",
                },
                request,
            )
        response = HttpResponse(html)
        response["Content-Language"] = language
        response["X-Robots-Tag"] = "noindex"
        add_never_cache_headers(response)
        return response

    def get_fieldsets(self, request, obj=None):
        # One note on the time zone, instead of a warning beside each time field.
        note = _("Dates and times are in the time zone %(zone)s (see “Language and time zone”).")
        return tuple(
            (
                name,
                {**options, "description": note % {"zone": timezone.get_current_timezone_name()}},
            )
            if name == _("Publication")
            else (name, options)
            for name, options in super().get_fieldsets(request, obj)
        )

    @admin.display(description=_("status"))
    def status_label(self, obj):
        return obj.status

    @admin.display(description=_("event"))
    def event_dates(self, obj):
        if obj.is_multi_day_event:
            return f"{obj.event_start:%d/%m/%Y} – {obj.event_end:%d/%m/%Y}"
        if obj.event_start:
            return f"{obj.event_start:%d/%m/%Y}"
        return ""

    @admin.display(description=_("tags"))
    def tag_list(self, obj):
        return ", ".join(sorted(tag.name for tag in obj.tags.all()))

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        """A short badge; which fields lack their translation is in its tooltip and,
        for screen readers, in its text."""
        missing = missing_translations(obj)
        if not missing:
            return format_html('<span class="translation-badge complete">{}</span>', _("Complete"))
        return format_html_join(
            " ",
            '<span class="translation-badge missing" title="{}">{}'
            '<span class="visually-hidden">: {}</span></span>',
            (
                (fields, _("%(language)s missing") % {"language": code.upper()}, fields)
                for code, labels in missing.items()
                for fields in [", ".join(str(label) for label in labels)]
            ),
        )

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(is_published=True, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d article published. Those dated in the future appear at their date.",
                "%(count)d articles published. Those dated in the future appear at their date.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish the selected articles (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        count = queryset.update(is_published=False, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d article is now a draft.",
                "%(count)d articles are now drafts.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


# Tags are news.Tag, edited below; taggit's own table stays empty.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


@admin.register(Tag)
class TagAdmin(HistoryAdmin, SideBySideTranslationAdmin):
    """The tags, each with its name in every language and how many articles use it."""

    list_display = ("name_en", "name_fr", "slug", "article_count")
    list_display_links = ("name_en",)
    search_fields = ("name_en", "name_fr", "slug")
    fields = ("name", "slug")
    ordering = ("name_en",)
    list_per_page = 100

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(articles=Count("news_taggedarticle_items"))

    @admin.display(description=_("articles"), ordering="articles")
    def article_count(self, obj):
        return obj.articles
