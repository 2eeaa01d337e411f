from django import template
from django.template.loader import render_to_string

from alliance_site.page_cache import cached_by_content
from pages.models import SiteSettings

register = template.Library()


@register.simple_tag
def site_sidebar():
    """The boxes shown beside every page, from the staff-edited site settings.

    The same on every page of a language, so it is rendered once and kept
    until staff change something.
    """
    return cached_by_content(
        "sidebar", lambda: render_to_string("includes/sidebar.html", {"site": SiteSettings.load()})
    )
