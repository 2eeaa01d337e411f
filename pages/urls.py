from django.urls import path, re_path

from . import views

app_name = "pages"

urlpatterns = [
    re_path(
        r"^page/(?P<legacy_id>[0-9]{1,9})(?:-[^/]*)?\.html$",
        views.LegacyRedirectView.as_view(),
        name="legacy",
    ),
    # Any other path may be a page's: this comes last.
    path("<path:path>/", views.PageView.as_view(), name="detail"),
]
