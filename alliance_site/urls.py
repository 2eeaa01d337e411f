from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from declaration.views import SignatoryCsvView, SignatoryJsonView
from news.views import HomeView
from participants.views import GrowthCsvView, ParticipantCsvView, ParticipantJsonView

from .sitemaps import sitemaps
from .views import favicon, robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    # Open data: the same address in every language (see README.md).
    path("participants.csv", ParticipantCsvView.as_view(), name="participants_csv"),
    path("participants.json", ParticipantJsonView.as_view(), name="participants_json"),
    path("signatories.csv", SignatoryCsvView.as_view(), name="signatories_csv"),
    path("signatories.json", SignatoryJsonView.as_view(), name="signatories_json"),
    path("participants-by-year.csv", GrowthCsvView.as_view(), name="participants_by_year_csv"),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("news/", include("news.urls")),
    path("events/", include("news.event_urls")),
    path("participants/", include("participants.urls")),
    path("countries/", include("countries.urls")),
    # The forms (join/, cooperate/, declaration/sign/, good-practices/propose/,
    # partners/) before the declaration's and the practices' own addresses.
    path("", include("submissions.urls")),
    path("declaration/", include("declaration.urls")),
    path("resources/", include("resources.urls")),
    path("dosta-prize/", include("prize.urls")),
    path("good-practices/", include("practices.urls")),
    path("search/", include("search.urls")),
    # Static pages answer any remaining path, so they come last.
    path("", include("pages.urls")),
)

if settings.DEBUG:
    # Uploaded files while developing; in production the reverse proxy serves them.
    from alliance_site.views import serve_media

    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media)]
