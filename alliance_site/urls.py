from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from news.views import HomeView

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("news/", include("news.urls")),
    path("participants/", include("participants.urls")),
    path("declaration/", include("declaration.urls")),
    # Static pages answer any remaining path, so they come last.
    path("", include("pages.urls")),
)

if settings.DEBUG:
    # Uploaded files while developing; in production the reverse proxy serves them.
    from alliance_site.views import serve_media

    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media)]
