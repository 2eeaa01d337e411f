from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from modeltranslation.utils import build_localized_fieldname

from alliance_site.csp import NonceMediaAdmin
from alliance_site.history import HistoryAdmin

from .forms import ArticleImageField
from .models import Article, ArticleDocument

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


class TranslationFilter(admin.SimpleListFilter):
    title = _("French translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("missing", _("Incomplete")), ("complete", _("Complete"))]

    def queryset(self, request, queryset):
        if self.value() not in ("missing", "complete"):
            return queryset
        incomplete = Q()
        for code in OTHER_LANGUAGES:
            for name in CHECKED_FIELDS:
                english = build_localized_fieldname(name, DEFAULT_LANGUAGE)
                other = build_localized_fieldname(name, code)
                incomplete |= (
                    ~Q(**{english: ""})
                    & Q(**{f"{english}__isnull": False})
                    & (Q(**{other: ""}) | Q(**{f"{other}__isnull": True}))
                )
        if self.value() == "missing":
            return queryset.filter(incomplete)
        return queryset.exclude(incomplete)


class ArticleDocumentInline(TranslationTabularInline):
    model = ArticleDocument
    extra = 0
    fields = ("title", "file", "position")


@admin.register(Article)
class ArticleAdmin(NonceMediaAdmin, HistoryAdmin, TabbedTranslationAdmin):
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
    fieldsets = (
        (None, {"fields": ("title", "slug", "lead", "body", "tags")}),
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

    def get_readonly_fields(self, request, obj=None):
        # A published address is linked from elsewhere: it never changes.
        if obj is not None and obj.is_published:
            return ("slug",)
        return ()

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
        missing = missing_translations(obj)
        if not missing:
            return _("Complete")
        return "; ".join(
            _("%(language)s missing: %(fields)s")
            % {"language": code.upper(), "fields": ", ".join(str(label) for label in labels)}
            for code, labels in missing.items()
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
