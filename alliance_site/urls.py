from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from news.views import HomeView

from .sitemaps import sitemaps
from .views import robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("news/", include("news.urls")),
    path("participants/", include("participants.urls")),
    path("declaration/", include("declaration.urls")),
    path("resources/", include("resources.urls")),
    path("dosta-prize/", include("prize.urls")),
    path("good-practices/", include("practices.urls")),
    path("search/", include("search.urls")),
    # Static pages answer any remaining path, so they come last.
    path("", include("pages.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
