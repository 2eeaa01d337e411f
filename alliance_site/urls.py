from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from news.views import HomeView

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("news/", include("news.urls")),
    path("participants/", include("participants.urls")),
    # The forms (join/, cooperate/, declaration/sign/, partners/) before the
    # declaration's own addresses.
    path("", include("submissions.urls")),
    path("declaration/", include("declaration.urls")),
    # Static pages answer any remaining path, so they come last.
    path("", include("pages.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
