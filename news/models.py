import posixpath
import re
import zoneinfo
from datetime import datetime, time, timedelta
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, F, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname
from taggit.managers import TaggableManager, _TaggableManager
from taggit.models import NaturalKeyManager, TagBase, TaggedItemBase

from core.models import SluggedModel, TimestampedModel
from core.richtext import RichTextField, sanitise_rich_text
from core.uploads import validate_document_extension, validate_document_size, validate_image_upload

from .images import Picture, delete_renditions, make_renditions

TEASER_WORDS = 70
# The author of every article and feed.
ORGANISATION = _("European Alliance of Cities and Regions for Roma Inclusion")


def live_condition(prefix=""):
    """The condition for what the public sees: published, and its time has come.

    With a prefix, for the articles of a relation: `live_condition("content_object__")`.
    """
    return Q(**{f"{prefix}is_published": True, f"{prefix}published_at__lte": timezone.now()})


def local_today():
    """Today's date where the site is (settings.TIME_ZONE)."""
    return timezone.localdate()


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published, and its publication time has come."""
        return self.filter(live_condition())

    def events(self):
        """The published events, each with `last_day`: its end, or its only day."""
        return (
            self.published()
            .filter(event_start__isnull=False)
            .annotate(last_day=Coalesce("event_end", "event_start"))
        )

    def upcoming_events(self):
        """The published events not over yet, soonest first: for the agenda and the home page."""
        return (
            self.events()
            .filter(last_day__gte=local_today())
            .order_by("event_start", "event_start_time", "pk")
        )

    def agenda(self):
        """Every published event: those not over yet soonest first, then the past
        ones, latest first. Each row carries `is_past`."""
        today = local_today()
        past = Q(last_day__lt=today)
        return (
            self.events()
            .annotate(
                is_past=Case(
                    When(past, then=True), default=False, output_field=models.BooleanField()
                )
            )
            .order_by(
                "is_past",
                Case(When(past, then=None), default=F("event_start")).asc(nulls_last=True),
                F("event_start_time").asc(nulls_first=True),
                "-event_start",
                "-pk",
            )
        )


def next_scheduled_change():
    """The next moment at which what the public sees changes by itself, or None.

    Either a scheduled article's publication time, or the local midnight at
    which the soonest-ending upcoming event moves to the past events. One
    query; the page cache asks at each content version (page_cache.on_schedule).
    """
    now = timezone.now()
    today = local_today()
    moments = Article.objects.filter(is_published=True).aggregate(
        publication=Min("published_at", filter=Q(published_at__gt=now)),
        last_day=Min(
            Coalesce("event_end", "event_start"),
            filter=Q(published_at__lte=now)
            & (Q(event_end__gte=today) | Q(event_end__isnull=True, event_start__gte=today)),
        ),
    )
    candidates = [moments["publication"]]
    if last_day := moments["last_day"]:
        day_after = datetime.combine(last_day + timedelta(days=1), time.min)
        candidates.append(timezone.make_aware(day_after))
    return min((moment for moment in candidates if moment), default=None)


def tags_on_published():
    """The tags of at least one published article: each found without counting."""
    on_published = TaggedArticle.objects.filter(
        live_condition("content_object__"), tag=OuterRef("pk")
    )
    return Tag.objects.filter(Exists(on_published))


def published_years():
    """The years (in local time) with a published article, newest first.

    Truncating every row's date to its year costs a function call per row on
    SQLite (180 ms at 30,000 articles); this asks the date index instead: for
    the first and last dates, then whether each year between holds one. Each
    range has one upper bound, the year's end or now: given both, SQLite walks
    the whole year.
    """
    now = timezone.now()
    published = Article.objects.filter(is_published=True).order_by()
    dates = published.filter(published_at__lte=now).values("published_at")
    # Each query below is read off one row: the values are its subqueries'.
    one_row = Article.objects.order_by()
    bounds = one_row.annotate(
        first=Subquery(dates.order_by("published_at")[:1]),
        last=Subquery(dates.order_by("-published_at")[:1]),
    ).values_list("first", "last")[:1]
    if not bounds or bounds[0][0] is None:
        return []
    first, last = (timezone.localtime(moment).year for moment in bounds[0])
    zone = timezone.get_current_timezone()
    years = range(last, first - 1, -1)

    def in_year(year):
        start, end = (datetime(y, 1, 1, tzinfo=zone) for y in (year, year + 1))
        until = Q(published_at__lt=end) if end <= now else Q(published_at__lte=now)
        return Exists(published.filter(until, published_at__gte=start))

    held = one_row.annotate(**{f"in_{year}": in_year(year) for year in years})
    flags = held.values_list(*(f"in_{year}" for year in years))[:1][0]
    return [year for year, has in zip(years, flags, strict=True) if has]


def tags_in_use(articles):
    """The tags of `articles`, by name in the active language, each with its
    `article_count`: one query."""
    return (
        Tag.objects.filter(news_taggedarticle_items__content_object__in=articles)
        .exclude(slug="")  # a name of punctuation only: nothing to address it by
        .annotate(
            article_count=Count("news_taggedarticle_items"),
            shown_name=Tag.shown_name(),
            shown_language=Tag.shown_language(),
        )
        .order_by("shown_name", "pk")
    )


class Tag(TagBase):
    """A subject that articles share, named in each language, addressed by one slug.

    The name is translated (name_en, name_fr: a French page falls back to the
    English); the slug is made from the English name once and never changes.
    """

    # Unique only by slug: a French name may equal another tag's English one.
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("As visitors read it in lists, filters and feeds."),
    )
    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        allow_unicode=True,
        help_text=_(
            "The last part of the tag's web address (/news/tag/ADDRESS/). Leave empty to make "
            "it from the English name. Changing it breaks links to the tag's page."
        ),
    )

    # Backups name a tag by its slug: the one value that never changes.
    natural_key_fields = ["slug"]

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    @staticmethod
    def shown_name(language=None):
        """The name a page in `language` shows, as a database expression."""
        language = language or get_language() or settings.LANGUAGE_CODE
        english = build_localized_fieldname("name", settings.LANGUAGE_CODE)
        own = build_localized_fieldname("name", language.split("-")[0])
        text = models.CharField()
        if own == english or own not in {f.name for f in Tag._meta.fields}:
            return models.ExpressionWrapper(F(english), output_field=text)
        return Coalesce(NullIf(F(own), Value("")), F(english), output_field=text)

    @staticmethod
    def shown_language(language=None):
        """The language of the name a page in `language` shows, as a database expression."""
        language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
        english = settings.LANGUAGE_CODE
        own = build_localized_fieldname("name", language)
        text = models.CharField()
        if language == english or own not in {f.name for f in Tag._meta.fields}:
            return Value(english, output_field=text)
        return models.Case(
            models.When(~Q(**{own: ""}) & Q(**{f"{own}__isnull": False}), then=Value(language)),
            default=Value(english),
            output_field=text,
        )

    def clean(self):
        # Articles name their tags by name in any language: two tags called alike
        # would be the same to an editor typing it.
        names = [build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES]
        others = Tag.objects.exclude(pk=self.pk)
        errors = {}
        for field in names:
            value = (getattr(self, field) or "").strip()
            if not value:
                continue
            alike = Q()
            for other in names:
                alike |= Q(**{f"{other}__iexact": value})
            if others.filter(alike).exists():
                errors[field] = _("Another tag is already called “%(name)s”.") % {"name": value}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        english = build_localized_fieldname("name", settings.LANGUAGE_CODE)
        if not getattr(self, english):
            # A tag typed in another language's form: that text is its English name
            # until an editor translates it.
            setattr(self, english, self.name)
        if self._state.adding and not self.slug:
            self.slug = self.slugify(getattr(self, english))
        super().save(*args, **kwargs)


class TranslatedTagsManager(_TaggableManager):
    """An article's tags: a tag typed by name is the existing tag with that name in
    any language, so that an editor who sees the French names can save them back."""

    def _to_tag_model_instances(self, tags, tag_kwargs):
        names = [tag for tag in tags if isinstance(tag, str)]
        found = {}
        if names:
            lookup = Q()
            fields = [build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES]
            for field in fields:
                lookup |= Q(**{f"{field}__in": names})
            for tag in Tag.objects.filter(lookup).order_by("pk"):
                for field in fields:
                    found.setdefault(getattr(tag, field), tag)
        english = build_localized_fieldname("name", settings.LANGUAGE_CODE)
        resolved = []
        for tag in tags:
            if isinstance(tag, str):
                if tag not in found:
                    found[tag] = Tag.objects.create(**{english: tag, **tag_kwargs})
                tag = found[tag]
            if tag not in resolved:
                resolved.append(tag)
        return super()._to_tag_model_instances(resolved, tag_kwargs)


class TaggedArticle(TaggedItemBase):
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )
    # taggit gives tagged items a natural key; this one's is the pair it links,
    # so that a backup (dumped with natural keys) loads back.
    natural_key_fields = ["content_object_id", "tag_id"]
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="news_unique_tagging")
        ]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone. Write it as Region/City, for example Europe/Kyiv."),
            code="time_zone",
            params={"value": value},
        )


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Takes place as planned")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


# What calendars show of an event: a change to any of these is a new revision.
EVENT_FIELDS = (
    "title_en",
    "title_fr",
    "event_start",
    "event_end",
    "event_start_time",
    "event_end_time",
    "event_time_zone",
    "event_city_en",
    "event_city_fr",
    "event_country",
    "event_online",
    "event_url",
    "event_status",
)


class Article(SluggedModel, TimestampedModel):
    """A news item or, when it has an event date, an event."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("address"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_(
            "The last part of the article's web address. Leave empty to make it from the "
            "English title. It cannot change once the article is published."
        ),
        error_messages={
            "unique": _(
                "Another article already uses this address. Choose a different one, "
                "or leave the field empty to make one from the title."
            )
        },
    )
    lead = models.TextField(
        _("teaser"),
        blank=True,
        help_text=_(
            "Plain text shown above the body, in lists and in the feeds. "
            "Leave empty to use the beginning of the body."
        ),
    )
    body = RichTextField(_("body"), blank=True)
    image = models.ImageField(
        _("image"),
        upload_to="news/%Y/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        validators=[validate_image_upload],
        help_text=_("A JPEG, PNG or WebP picture, at most 10 MB and 40 megapixels."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_renditions = models.JSONField(default=dict, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the picture shows, for visitors who cannot see it. Required with an image."
        ),
    )
    image_credit = models.CharField(
        _("image credit"),
        max_length=200,
        blank=True,
        help_text=_("Shown under the picture, for example: © Council of Europe"),
    )
    video_url = models.URLField(
        _("video link"),
        blank=True,
        help_text=_(
            "The address of a video on YouTube or Vimeo. The page shows a link; the player "
            "loads only when the visitor asks for it."
        ),
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_(
            "The article appears on the site at this date and time. "
            "A time in the future schedules it."
        ),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Untick to keep the article as a draft that only staff can see."),
    )
    event_start = models.DateField(
        _("event date"),
        null=True,
        blank=True,
        help_text=_("For an event: its date, or its first day. Leave empty for news."),
    )
    event_end = models.DateField(
        _("event end"),
        null=True,
        blank=True,
        help_text=_("For an event over several days: its last day."),
    )
    event_start_time = models.TimeField(
        _("starting time"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an event that lasts the whole day or days."),
    )
    event_end_time = models.TimeField(
        _("ending time"),
        null=True,
        blank=True,
        help_text=_("On the last day. Leave empty if only the starting time is known."),
    )
    event_time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Where the times above are given, for example Europe/Kyiv."),
    )
    event_city = models.CharField(
        _("city"),
        max_length=120,
        blank=True,
        help_text=_("Where the event takes place. Leave empty for an event held only online."),
    )
    event_country = CountryField(_("country"), blank=True)
    event_online = models.BooleanField(
        _("online"),
        default=False,
        help_text=_("Tick if the event can be followed online (alone or besides the place)."),
    )
    event_url = models.URLField(
        _("registration or information link"),
        blank=True,
        help_text=_("The address where visitors register or learn more about the event."),
    )
    event_status = models.CharField(
        _("event status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "A cancelled or postponed event stays on the agenda and in calendars, marked so."
        ),
    )
    event_sequence = models.PositiveIntegerField(
        _("calendar revision"),
        default=0,
        editable=False,
        help_text=_("Counts the changes to the event, so that calendars update their copy."),
    )
    legacy_id = models.PositiveIntegerField(
        _("number on the old site"),
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "The number in the article's address on the old site (/en/page/NUMBER-….html), "
            "so that old links lead here. Leave empty for new articles."
        ),
        error_messages={"unique": _("Another article already has this number.")},
    )
    tags = TaggableManager(
        _("tags"),
        through=TaggedArticle,
        manager=TranslatedTagsManager,
        blank=True,
        help_text=_(
            "Separate tags with commas, for example: ROMACT, Roma Day. A new tag is "
            "created with that name; translate it under News › Tags."
        ),
    )
    # Named by string so that this app does not import the participants'.
    participants = models.ManyToManyField(
        "participants.Participant",
        blank=True,
        related_name="articles",
        verbose_name=_("participants named in this article"),
        help_text=_(
            "The participants of the Alliance the article speaks of: it is listed on their "
            "pages, and they are linked from it."
        ),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        indexes = [
            # The public lists: published rows, newest first. A partial index,
            # because databases test a boolean column by itself, not by equality,
            # so an index that starts with it is never used.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(is_published=True),
                name="news_published_idx",
            ),
            # The feeds' freshness: the latest edit of any article.
            models.Index(fields=["updated_at"], name="news_updated_idx"),
            # A country's events (its page, the count of its records): few among
            # the articles, which would otherwise all be read.
            models.Index(fields=["event_country", "event_start"], name="news_event_country_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.event_end and not self.event_start:
            errors["event_start"] = _("Give the first day of the event as well.")
        elif self.event_end and self.event_end < self.event_start:
            errors["event_end"] = _("The event cannot end before it starts.")
        if (self.event_start_time or self.event_end_time) and not self.event_start:
            errors["event_start"] = _("Give the date of the event for its times.")
        elif self.event_end_time and not self.event_start_time:
            errors["event_start_time"] = _("Give the starting time as well.")
        elif self.is_multi_day_event and self.event_start_time and not self.event_end_time:
            errors["event_end_time"] = _("Give the ending time of an event over several days.")
        elif (
            self.event_end_time
            and not self.is_multi_day_event
            and self.event_end_time <= self.event_start_time
        ):
            errors["event_end_time"] = _("The event cannot end before it starts.")
        alt_field = build_localized_fieldname("image_alt", settings.LANGUAGE_CODE)
        if self.image and not getattr(self, alt_field):
            errors[alt_field] = _("Describe the picture for visitors who cannot see it.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.fill_slug()
        sanitise_rich_text(self)
        if self.pk and self.is_event and self._event_changed():
            self.event_sequence += 1
        super().save(*args, **kwargs)
        self._refresh_renditions()

    def _event_changed(self):
        """Whether what calendars show of the event differs from the stored row."""
        stored = type(self)._base_manager.filter(pk=self.pk).values(*EVENT_FIELDS).first()
        return stored is not None and any(
            stored[name] != getattr(self, name) for name in EVENT_FIELDS
        )

    def _refresh_renditions(self):
        source = self.image.name if self.image else ""
        if self.image_renditions.get("source", "") == source:
            return
        previous = self.image_renditions
        self.image_renditions = make_renditions(self.image) if source else {}
        delete_renditions(previous)
        type(self)._base_manager.filter(pk=self.pk).update(image_renditions=self.image_renditions)

    @property
    def is_live(self):
        return self.is_published and self.published_at <= timezone.now()

    @property
    def status(self):
        if not self.is_published:
            return _("Draft")
        if self.published_at > timezone.now():
            return _("Scheduled")
        return _("Published")

    @property
    def is_event(self):
        return self.event_start is not None

    @property
    def is_multi_day_event(self):
        return bool(self.event_start and self.event_end and self.event_end != self.event_start)

    @property
    def event_last_day(self):
        return self.event_end or self.event_start

    @property
    def is_past_event(self):
        return self.is_event and self.event_last_day < local_today()

    @property
    def is_cancelled(self):
        return self.event_status == EventStatus.CANCELLED

    @property
    def event_zone(self):
        return zoneinfo.ZoneInfo(self.event_time_zone)

    @property
    def event_starts_at(self):
        """The start as an aware date and time, or None for an all-day event."""
        if not (self.event_start and self.event_start_time):
            return None
        return datetime.combine(self.event_start, self.event_start_time, self.event_zone)

    @property
    def event_ends_at(self):
        """The end as an aware date and time, or None when no ending time is given."""
        if not (self.event_start and self.event_end_time):
            return None
        return datetime.combine(self.event_last_day, self.event_end_time, self.event_zone)

    @property
    def event_place(self):
        """ "City, Country", the country alone, or the city alone; "" if neither is given."""
        country = self.event_country.name if self.event_country else ""
        return ", ".join(part for part in (self.event_city, country) if part)

    @cached_property
    def picture(self):
        """The resized versions of the image, or None (no image, or none made)."""
        if not self.image_renditions.get("jpeg"):
            return None
        return Picture(self.image_renditions, self.image_alt)

    @property
    def has_more_text(self):
        """Whether the article's page holds more than its entry in a list: a body or a video.
        Only then does a list link to it with "Read more"."""
        return bool(self.video_url or _block_text(self.body))

    @property
    def teaser(self):
        """What a list shows: the teaser or the beginning of the body, cut after some
        sixty words when the page holds the rest; else the teaser as a summary."""
        if not self.has_more_text:
            return self.lead_as_summary
        text = self.lead or _block_text(self.body)
        return _truncate_paragraphs(text, TEASER_WORDS)

    @property
    def lead_as_summary(self):
        """The teaser without the sentence it ends in when it was cut off ("… This…"):
        for an article of which the site holds only its teaser."""
        return _complete_sentences(self.lead)

    @property
    def summary(self):
        """One line of plain text: for meta descriptions and feeds."""
        text = self.lead or _block_text(self.body)
        return Truncator(" ".join(text.split())).words(TEASER_WORDS, truncate="…")

    @cached_property
    def video(self):
        return Video.from_url(self.video_url) if self.video_url else None


def _block_text(html):
    """The text of some HTML, keeping paragraph breaks as blank lines."""
    html = re.sub(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", "\n\n", html or "")
    return "\n\n".join(
        " ".join(part.split()) for part in strip_tags(html).split("\n\n") if part.strip()
    )


# The end of a sentence: its stop, any closing quotes, then a space or the end.
SENTENCE_END = re.compile(r"[.!?][»”’\")]*(?=\s|$)")
# What a text cut off mid-sentence ends with: "…", "...", "[…]".
CUT_MARK = re.compile(r"\s*(\[…\]|…|\.\.\.)\s*$")


def _complete_sentences(text):
    """`text` up to its last complete sentence when it ends cut off, else unchanged."""
    text = (text or "").strip()
    if not CUT_MARK.search(text):
        return text
    paragraphs = re.split(r"\n\s*\n", text)
    while paragraphs:
        last = CUT_MARK.sub("", paragraphs[-1])
        ends = list(SENTENCE_END.finditer(last))
        if ends:
            paragraphs[-1] = last[: ends[-1].end()]
            return "\n\n".join(paragraphs)
        paragraphs.pop()
    return text


def _truncate_paragraphs(text, words):
    """Cut `text` after `words` words, keeping its paragraphs, ending with "…"."""
    kept, count = [], 0
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        paragraph_words = paragraph.split()
        if count + len(paragraph_words) > words:
            if words > count:
                kept.append(" ".join(paragraph_words[: words - count]))
            kept[-1] = kept[-1].rstrip(".,;:…") + "…"
            break
        kept.append(" ".join(paragraph_words))
        count += len(paragraph_words)
    return "\n\n".join(kept)


class Video:
    """A video on YouTube or Vimeo: its page, and the player to load on request."""

    YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
    VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
    ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")

    def __init__(self, url, provider, player_url):
        self.url = url
        self.provider = provider
        self.player_url = player_url

    @classmethod
    def from_url(cls, url):
        parts = urlsplit(url)
        host = parts.hostname or ""
        path = parts.path.strip("/")
        video_id = None
        if host in cls.YOUTUBE_HOSTS:
            if host == "youtu.be":
                video_id = path
            elif path == "watch":
                video_id = parse_qs(parts.query).get("v", [""])[0]
            elif path.startswith(("embed/", "shorts/", "live/")):
                video_id = path.split("/", 1)[1]
            if video_id and cls.ID.match(video_id):
                return cls(url, "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}")
        elif host in cls.VIMEO_HOSTS:
            video_id = path.rsplit("/", 1)[-1]
            if video_id.isdigit():
                return cls(url, "Vimeo", f"https://player.vimeo.com/video/{video_id}?dnt=1")
        return cls(url, host.removeprefix("www."), None)


class ArticleDocument(models.Model):
    """A file attached to an article: a PDF or an office document."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="documents", verbose_name=_("article")
    )
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("file"),
        upload_to="news/documents/%Y/",
        validators=[validate_document_extension, validate_document_size],
        help_text=_("A PDF or an office document, at most 30 MB."),
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    @property
    def file_type(self):
        return posixpath.splitext(self.file.name)[1].lstrip(".").upper()
