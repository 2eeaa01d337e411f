from django.urls import path, re_path, register_converter

from . import views


class PagePathConverter:
    """One or more slugs joined by slashes: `about-us`, `about-us/history`."""

    regex = r"[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PagePathConverter, "page_path")

app_name = "pages"

urlpatterns = [
    # Every old .html address ends here, so that a mistyped one is a 404, not a redirect.
    re_path(
        r"^page/(?P<legacy_id>[^/]*)\.html$", views.LegacyRedirectView.as_view(), name="legacy"
    ),
    # Any other path may be a page's: this comes last.
    path("<page_path:path>/", views.PageView.as_view(), name="detail"),
]
