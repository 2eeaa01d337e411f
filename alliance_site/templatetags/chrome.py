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

from alliance_site.page_cache import SharedPieces
from pages.models import SiteSettings

register = template.Library()

PARTS = {
    "nav": "includes/nav.html",
    "sidebar": "includes/sidebar.html",
    "footer": "includes/footer.html",
}


def _names(request):
    """The name of each part, as this request shows it."""
    match = request.resolver_match
    # The menu marks the section, the home page and a menu page by its address.
    section = f"{match.namespace}:{match.url_name}" if match else ""
    here = request.path if match and match.namespace == "pages" else ""
    return {"nav": f"nav:{section}:{here}", "sidebar": "sidebar", "footer": "footer"}


def _context(context, part):
    if part == "sidebar":
        return {"site": SiteSettings.load()}
    return context.flatten()


@register.simple_tag(takes_context=True)
def chrome(context, part):
    """The rendered `part` ("nav", "sidebar" or "footer") of the page."""
    request = context["request"]
    if not hasattr(request, "chrome_parts"):
        names = _names(request)
        request.chrome_parts = (names, SharedPieces(names.values()))
    names, pieces = request.chrome_parts
    rendered = pieces.get(
        names[part], lambda: get_template(PARTS[part]).render(_context(context, part))
    )
    pieces.save()
    return mark_safe(rendered)  # noqa: S308 (rendered by a template)
