from django.db.models import Q
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from alliance_site.page_cache import shared
from core.countries import sorted_countries

from .forms import ArticleFilterForm, EventFilterForm
from .models import (
    ORGANISATION,
    Article,
    EventStatus,
    published_years,
    tags_in_use,
    tags_on_published,
)
from .pagination import ArticleRows, NewsPaginator

HOME_ITEMS = 5
HOME_EVENTS = 3
SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}
# (held at a place, followed online): how visitors attend.
ATTENDANCE_MODE = {
    (True, False): "https://schema.org/OfflineEventAttendanceMode",
    (False, True): "https://schema.org/OnlineEventAttendanceMode",
    (True, True): "https://schema.org/MixedEventAttendanceMode",
}


def can_preview(user):
    """Staff who may see drafts and scheduled articles before the public."""
    return user.is_active and user.is_staff and user.has_perm("news.view_article")


class PublishedArticlesMixin:
    """The published articles, newest first, with what a list shows of each."""

    context_object_name = "articles"
    paginate_by = 10

    def get_queryset(self):
        # Their tags are read only for entries not yet rendered (news_tags.article_items).
        return Article.objects.published()

    def get_paginator(self, queryset, per_page, **kwargs):
        return NewsPaginator(queryset, per_page, count_key=self.count_key(), **kwargs)

    def count_key(self):
        """Names the list: its count and its page links are kept under it."""
        return f"news-count:{self.request.resolver_match.url_name}"

    def page_query(self):
        """What a link to another page of the list carries besides the page's number:
        the list's own parameters, not whatever else the address held."""
        return QueryDict()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context.get("page_obj"):
            context["list_key"] = self.count_key()
            context["page_query"] = self.page_query()
        return context


class HomeView(PublishedArticlesMixin, ListView):
    """The front door: what the Alliance is, its size and map (the participants'
    and declaration's template tags), its news and next events, and what a city,
    a region or an NGO can do, all from the data."""

    template_name = "news/home.html"
    paginate_by = None

    def get_queryset(self):
        return ArticleRows.of(super().get_queryset().filter(event_start=None)[:HOME_ITEMS])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            events=ArticleRows.of(Article.objects.upcoming_events()[:HOME_EVENTS]), **kwargs
        )


@shared("news-filter-choices")
def filter_choices():
    """The tags and years that published articles have: both read the whole
    table, so they are kept until an article changes (as plain values, quick
    to read back)."""
    published = Article.objects.published()
    years = published_years()
    tags = tags_in_use(published).values_list(
        "pk", "slug", "shown_name", "article_count", "shown_language"
    )
    return list(tags), years


class ArticleListView(PublishedArticlesMixin, ListView):
    """All news and events, filtered by tag and year from the query string."""

    template_name = "news/article_list.html"

    def get(self, request, *args, **kwargs):
        tags, years = filter_choices()
        self.filter_form = ArticleFilterForm(request.GET, tags=tags, years=years)
        if not self.filter_form.is_valid():
            raise Http404("Unknown tag or year.")
        return super().get(request, *args, **kwargs)

    def choice(self):
        """The filters chosen, as one name: the list's count, its page links and
        its menus are kept under it."""
        data = self.filter_form.cleaned_data
        return f"{data['tag']}:{data['year']}:{data['kind']}"

    def count_key(self):
        return f"news-count:{self.choice()}"

    def page_query(self):
        query = QueryDict(mutable=True)
        for name in ("tag", "kind", "year"):
            if value := self.filter_form.cleaned_data[name]:
                query[name] = str(value)
        return query

    def get_queryset(self):
        articles = super().get_queryset()
        if tag := self.filter_form.selected_tag:
            articles = articles.filter(tags=tag)
        if year := self.filter_form.selected_year:
            articles = articles.filter(published_at__year=year)
        kind = self.filter_form.cleaned_data["kind"]
        if kind:
            articles = articles.filter(event_start__isnull=kind == "news")
        return articles

    def get_context_data(self, **kwargs):
        form = self.filter_form
        return super().get_context_data(
            filter_form=form,
            is_filtered=bool(form.selected_tag or form.selected_year or form.cleaned_data["kind"]),
            **kwargs,
        )


@shared("events-filter-choices")
def event_filter_choices():
    """The years and countries that published events have: kept until content changes."""
    events = Article.objects.events().order_by()
    years = sorted({day.year for day in events.dates("event_start", "year")}, reverse=True)
    codes = events.exclude(event_country="").values_list("event_country", flat=True).distinct()
    return years, [(country.code, country.name) for country in sorted_countries(codes)]


class AgendaView(PublishedArticlesMixin, ListView):
    """The agenda: events not over yet, soonest first, then past events, latest first."""

    template_name = "news/event_list.html"
    context_object_name = "events"

    def get(self, request, *args, **kwargs):
        years, countries = event_filter_choices()
        self.filter_form = EventFilterForm(request.GET, years=years, countries=countries)
        if not self.filter_form.is_valid():
            raise Http404("Unknown year or country.")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        events = Article.objects.agenda()
        if year := self.filter_form.cleaned_data["year"]:
            events = events.filter(event_start__year=year)
        if country := self.filter_form.cleaned_data["country"]:
            events = events.filter(event_country=country)
        return events

    def get_paginator(self, queryset, per_page, **kwargs):
        # Past and upcoming change with the day: counted afresh (events are few).
        return super(PublishedArticlesMixin, self).get_paginator(queryset, per_page, **kwargs)

    def count_key(self):
        data = self.filter_form.cleaned_data
        return f"events-count:{data['year']}:{data['country']}"

    def page_query(self):
        query = QueryDict(mutable=True)
        for name in ("year", "country"):
            if value := self.filter_form.cleaned_data[name]:
                query[name] = str(value)
        return query

    def get_context_data(self, **kwargs):
        form = self.filter_form
        return super().get_context_data(
            filter_form=form,
            is_filtered=bool(form.cleaned_data["year"] or form.cleaned_data["country"]),
            **kwargs,
        )


class TagView(PublishedArticlesMixin, ListView):
    template_name = "news/tag.html"

    def get(self, request, *args, **kwargs):
        # A tag only on drafts does not exist for the public.
        self.tag = get_object_or_404(tags_on_published(), slug=self.kwargs["tag"])
        return super().get(request, *args, **kwargs)

    def count_key(self):
        return f"news-count:tag:{self.tag.slug}"

    def get_queryset(self):
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArticleDetailView(DetailView):
    """One article. Staff also see drafts and scheduled ones, never cached."""

    context_object_name = "article"

    def get_queryset(self):
        if can_preview(self.request.user):
            return Article.objects.all()
        return Article.objects.published()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_live:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response

    # What follows costs queries: the template reads it as `view.…` only in
    # the parts it renders afresh, not those found in the shared cache.

    @cached_property
    def named_participants(self):
        """The active participants the article names, each with its signatory (one query)."""
        return list(
            self.object.participants.filter(is_active=True)
            .select_related("signatory")
            .order_by("name_en", "pk")
        )

    @cached_property
    def newer(self):
        article = self.object
        moment, pk = article.published_at, article.pk
        # The range on published_at alone lets the database seek in its index;
        # the second condition only settles articles published at the same moment.
        return (
            Article.objects.published()
            .filter(published_at__gte=moment)
            .filter(Q(published_at__gt=moment) | Q(pk__gt=pk))
            .order_by("published_at", "pk")
            .first()
        )

    @cached_property
    def older(self):
        article = self.object
        moment, pk = article.published_at, article.pk
        return (
            Article.objects.published()
            .filter(published_at__lte=moment)
            .filter(Q(published_at__lt=moment) | Q(pk__lt=pk))
            .order_by("-published_at", "-pk")
            .first()
        )

    @cached_property
    def tags(self):
        return list(self.object.tags.all())

    @cached_property
    def absolute_url(self):
        return self.request.build_absolute_uri(self.object.get_absolute_url())

    @cached_property
    def image_url(self):
        picture = self.object.picture
        return self.request.build_absolute_uri(picture.largest_url) if picture else None

    @cached_property
    def structured_data(self):
        """schema.org NewsArticle, for search engines."""
        article = self.object
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title[:110],
            "description": article.summary,
            "inLanguage": get_language(),
            "url": self.absolute_url,
            "mainEntityOfPage": self.absolute_url,
            "datePublished": article.published_at.isoformat(),
            "dateModified": max(article.updated_at, article.published_at).isoformat(),
            "author": {"@type": "Organization", "name": str(ORGANISATION)},
            "publisher": {"@type": "Organization", "name": str(ORGANISATION)},
        }
        if self.image_url:
            data["image"] = [self.image_url]
        if self.tags:
            data["keywords"] = [tag.name for tag in self.tags]
        return data

    @cached_property
    def event_data(self):
        """schema.org Event: what search engines show of an event."""
        article = self.object
        starts_at, ends_at = article.event_starts_at, article.event_ends_at
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": article.title,
            "description": article.summary,
            "url": self.absolute_url,
            "inLanguage": get_language(),
            "startDate": (starts_at or article.event_start).isoformat(),
            "endDate": (ends_at or article.event_last_day).isoformat(),
            "eventStatus": SCHEMA_STATUS[article.event_status],
            "organizer": {"@type": "Organization", "name": str(ORGANISATION)},
        }
        places = []
        if article.event_city or article.event_country:
            address = {"@type": "PostalAddress"}
            if article.event_city:
                address["addressLocality"] = article.event_city
            if article.event_country:
                address["addressCountry"] = article.event_country.code
            places.append({"@type": "Place", "name": article.event_place, "address": address})
        if article.event_online:
            places.append(
                {"@type": "VirtualLocation", "url": article.event_url or self.absolute_url}
            )
        if places:
            data["location"] = places[0] if len(places) == 1 else places
            data["eventAttendanceMode"] = ATTENDANCE_MODE[
                (bool(article.event_city or article.event_country), article.event_online)
            ]
        if article.event_url:
            data["offers"] = {"@type": "Offer", "url": article.event_url}
        if self.image_url:
            data["image"] = [self.image_url]
        return data
