"""What the site holds for each country, read with a fixed number of queries.

A country has a page when any public record names it: a participant, a
signatory, a national network, a good practice, a prize winner, an event held
there, or a news tag that is the country's name (in English or in French).
"""

from collections import Counter, defaultdict

from babel.languages import get_official_languages
from django.db.models import Count, Q
from django.utils import translation
from django_countries import countries as known_countries
from django_countries.fields import Country

from alliance_site.page_cache import shared
from declaration.models import DeclarationTranslation, Signatory
from declaration.views import country_offsets, english_country_order
from news.models import Article, Tag, TaggedArticle, live_condition
from participants.models import NationalNetwork, Participant, local_name
from practices.models import Practice
from prize.models import PrizeWinner

# How many tagged articles a country's page lists; the tag's page lists them all.
NEWS_SHOWN = 10
# How many participants and signatories a country's page lists: the directory and
# the Declaration's table, filtered by the country, list them all.
PARTICIPANTS_SHOWN = 50
SIGNATORIES_SHOWN = 50
# And good practices: the list of practices, filtered by the country, has them all.
PRACTICES_SHOWN = 50
# The kinds of record a country's page and the index count, in their order there.
KINDS = ("participants", "signatories", "networks", "practices", "winners", "events", "news")


def country_names(code):
    """The country's name in English and in French, as django-countries gives them."""
    names = {}
    for language in ("en", "fr"):
        with translation.override(language):
            names[language] = str(Country(code=code).name)
    return names


def declaration_languages(code):
    """The official languages of a country as Declaration translations name them
    (Unicode CLDR through babel: "sr_Latn" is "sr"), official first."""
    codes = []
    for language in get_official_languages(code, de_facto=True):
        base = language.split("_")[0]
        if base not in codes:
            codes.append(base)
    return codes


def country_tags(code):
    names = country_names(code)
    return Tag.objects.filter(Q(name_en=names["en"]) | Q(name_fr=names["fr"])).exclude(slug="")


@shared("country-counts")
def count_by_country():
    """{code: Counter(kind: number)} for every country with a public record: one
    grouped query per kind, and one for the tagged news. The same for every page
    until the content changes, so computed once for all."""
    counts = defaultdict(Counter)
    grouped = {
        "participants": Participant.objects.active(),
        "signatories": Signatory.objects.public(),
        "networks": NationalNetwork.objects.all(),
        "practices": Practice.objects.published(),
        "winners": PrizeWinner.objects.all(),
    }
    grouped["events"] = Article.objects.events().exclude(event_country="")
    for kind, queryset in grouped.items():
        field = "event_country" if kind == "events" else "country"
        rows = queryset.order_by().values_list(field).annotate(number=Count("pk"))
        for code, number in rows.values_list(field, "number"):
            counts[code][kind] = number
    # Every country's name in one pass per language: django-countries translates
    # its whole list at each name asked for.
    by_name = {}
    for language in ("en", "fr"):
        with translation.override(language):
            for code, name in known_countries:
                by_name[(language, str(name))] = code
    tagged = (
        TaggedArticle.objects.filter(live_condition("content_object__"))
        .filter(
            Q(tag__name_en__in={name for (lang, name) in by_name if lang == "en"})
            | Q(tag__name_fr__in={name for (lang, name) in by_name if lang == "fr"})
        )
        .values_list("tag__name_en", "tag__name_fr", "content_object_id")
    )
    articles = defaultdict(set)
    for name_en, name_fr, article in tagged:
        for code in {by_name.get(("en", name_en)), by_name.get(("fr", name_fr))} - {None}:
            articles[code].add(article)
    named = (
        Article.participants.through.objects.filter(live_condition("article__"))
        .filter(participant__is_active=True)
        .values_list("participant__country", "article_id")
    )
    for code, article in named:
        articles[code].add(article)
    for code, ids in articles.items():
        counts[code]["news"] = len(ids)
    return {code: kinds for code, kinds in counts.items() if code in known_countries}


def country_codes():
    """The codes of the countries that have a page, in no particular order."""
    return set(count_by_country())


@shared("signatory-offsets")
def signatory_offsets():
    """({code: how many public signatories}, {code: the number before its first}):
    the Declaration's numbering, the same for every country's page."""
    counts = Counter(
        dict(
            Signatory.objects.public()
            .order_by()
            .values_list("country")
            .annotate(number=Count("pk"))
            .values_list("country", "number")
        )
    )
    return counts, country_offsets(counts, english_country_order(counts))


def signatory_rows(code, shown=None):
    """The country's public signatories (the first `shown` of them), each with
    `number`: its "No." on the Declaration's page and in /signatories.csv (English
    order of countries, then name), and how many the country has."""
    counts, offsets = signatory_offsets()
    if not counts[code]:
        return [], 0
    signatories = (
        Signatory.objects.public()
        .filter(country=code)
        .select_related("participant")
        .only("name", "date_signed", "participant__slug", "participant__is_active")
        .order_by("name", "pk")
    )
    signatories = list(signatories[:shown] if shown else signatories)
    for index, signatory in enumerate(signatories):
        signatory.number = offsets[code] + index + 1
    return signatories, counts[code]


def country_records(code):
    """Everything a country's page shows, with the counts at its top. Read only
    when the page's shared content is rendered (countries.views), which keeps it
    for every visitor until the content changes (or an event passes, which changes
    it too: news.models.next_scheduled_change)."""
    in_country = Participant.objects.active().filter(country=code)
    participants = list(
        in_country.order_by(local_name(), "pk").only(
            "name_en", "name_fr", "slug", "kind", "country", "date_joined", "date_joined_precision"
        )[:PARTICIPANTS_SHOWN]
    )
    participants_count = in_country.count()
    # Each kind's label looked up once: get_kind_display translates its whole list.
    kinds = {kind.value: str(kind.label) for kind in Participant.Kind}
    for participant in participants:
        participant.kind_label = kinds.get(participant.kind, participant.kind)
    signatories, signatories_count = signatory_rows(code, SIGNATORIES_SHOWN)
    networks = list(NationalNetwork.objects.filter(country=code).order_by("name", "pk"))
    in_country_practices = Practice.objects.published().filter(country=code)
    practices = list(
        in_country_practices.order_by("-year", "title", "pk").only(
            "title_en", "title_fr", "slug", "place", "year", "type"
        )[:PRACTICES_SHOWN]
    )
    practices_count = in_country_practices.count()
    winners = list(
        PrizeWinner.objects.filter(country=code)
        .select_related("edition", "participant")
        .order_by("-edition__year", *PrizeWinner._meta.ordering)
    )
    events = list(Article.objects.agenda().filter(event_country=code))
    tags = list(country_tags(code).order_by("pk"))
    # Tagged with the country's name, or naming one of its participants.
    named = Q(participants__country=code, participants__is_active=True)
    news = Article.objects.published().filter(Q(tags__in=tags) | named if tags else named)
    news = Article.objects.filter(pk__in=news.values("pk"))
    news_count = news.count()
    news_shown = list(news.order_by("-published_at", "-pk")[:NEWS_SHOWN]) if news_count else []
    languages = declaration_languages(code)
    order = {language: rank for rank, language in enumerate(languages)}
    translations = sorted(
        DeclarationTranslation.objects.filter(language__in=languages),
        key=lambda item: order[item.language],
    )
    counts = {
        "participants": participants_count,
        "signatories": signatories_count,
        "networks": len(networks),
        "practices": practices_count,
        "winners": len(winners),
        "events": len(events),
        "news": news_count,
    }
    return {
        "counts": counts,
        "participants": participants,
        "signatories": signatories,
        # The date column only where the sources give a date for one of them.
        "signatories_dated": any(signatory.date_signed for signatory in signatories),
        "networks": networks,
        "practices": practices,
        "winners": winners,
        "upcoming_events": [event for event in events if not event.is_past],
        "past_events": [event for event in events if event.is_past],
        "tags": tags,
        "news": news_shown,
        "translations": translations,
    }
