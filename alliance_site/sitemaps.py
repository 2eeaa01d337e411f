"""/sitemap.xml: every public page, in both languages, with hreflang alternates.

Each sitemap lists what the app's public queryset gives, never a draft.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from countries.records import country_codes
from news.models import Article
from news.sitemaps import ArticleSitemap
from pages.models import Page
from participants.models import Participant
from practices.models import Practice
from prize.models import PrizeEdition
from resources.models import Document


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(I18nSitemap):
    """The sections' front pages, by URL name."""

    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "news:list",
            "events:list",
            "participants:list",
            "participants:map",
            "declaration:index",
            "resources:list",
            "practices:list",
            "prize:index",
            "countries:index",
        ]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        latest = {
            "home": Article.objects.published(),
            "news:list": Article.objects.published(),
            "events:list": Article.objects.events(),
            "participants:list": Participant.objects.active(),
            "participants:map": Participant.objects.active(),
            "resources:list": Document.objects.published(),
            "practices:list": Practice.objects.published(),
            "prize:index": PrizeEdition.objects.all(),
        }.get(item)
        if latest is None:
            return None
        return latest.order_by("-updated_at").values_list("updated_at", flat=True).first()


class PageSitemap(I18nSitemap):
    def items(self):
        return Page.objects.published().order_by("path")

    def lastmod(self, page):
        return page.updated_at


class ParticipantSitemap(I18nSitemap):
    def items(self):
        return Participant.objects.active().order_by("pk")

    def lastmod(self, participant):
        return participant.updated_at


class PracticeSitemap(I18nSitemap):
    def items(self):
        return Practice.objects.published().order_by("pk")

    def lastmod(self, practice):
        return practice.updated_at


class CountrySitemap(I18nSitemap):
    """One page per country with a public record: the same countries as the index."""

    changefreq = "weekly"

    def items(self):
        return sorted(code.lower() for code in country_codes())

    def location(self, code):
        return reverse("countries:detail", kwargs={"code": code})


sitemaps = {
    "sections": SectionSitemap,
    "news": ArticleSitemap,
    "pages": PageSitemap,
    "participants": ParticipantSitemap,
    "practices": PracticeSitemap,
    "countries": CountrySitemap,
}
