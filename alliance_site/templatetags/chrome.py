"""The parts every page repeats: the main menu, the sidebar and the footer.

Each is the same on many pages: the sidebar and the footer on every page of a
language, the menu on every page of a section (it marks the current one). So
each is rendered once and kept in the shared cache until staff change
something, and a page reads all three in one round trip, when it shows the
first of them.
"""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from alliance_site.page_cache import lookup_many, store
from pages.models import SiteSettings

register = template.Library()

PARTS = {
    "nav": "includes/nav.html",
    "sidebar": "includes/sidebar.html",
    "footer": "includes/footer.html",
}


def _keys(request):
    """The cache key of each part, as this request shows it."""
    language = get_language()
    match = request.resolver_match
    # The menu marks the section, the home page and a menu page by its address.
    section = f"{match.namespace}:{match.url_name}" if match else ""
    here = request.path if match and match.namespace == "pages" else ""
    return {
        "nav": f"content:{language}:nav:{section}:{here}",
        "sidebar": f"content:{language}:sidebar",
        "footer": f"content:{language}:footer",
    }


def _context(context, part):
    if part == "sidebar":
        return {"site": SiteSettings.load()}
    return context.flatten()


@register.simple_tag(takes_context=True)
def chrome(context, part):
    """The rendered `part` ("nav", "sidebar" or "footer") of the page."""
    request = context["request"]
    if not hasattr(request, "chrome_parts"):
        keys = _keys(request)
        version, found = lookup_many(list(keys.values()))
        request.chrome_parts = {"version": version, "keys": keys, "found": found}
    cached = request.chrome_parts
    key = cached["keys"][part]
    if key not in cached["found"]:
        rendered = get_template(PARTS[part]).render(_context(context, part))
        store(key, cached["version"], rendered)
        cached["found"][key] = rendered
    return mark_safe(cached["found"][key])  # noqa: S308 (rendered by a template)
