"""The parts every page repeats: the main menu, the sidebar and the footer.

Each is the same on many pages: the footer on every page of a language, the
menu on every page of a section (it marks the current one), the sidebar on
every page that shows the same boxes (`sidebar_boxes`). So each is rendered
once and kept in the shared cache until staff change something, and a page
reads all three in one round trip, with the first pieces its view reads or,
if none, when it shows the first of them.
"""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from alliance_site.page_cache import SharedPieces, read_ahead
from pages.models import SiteSettings

register = template.Library()

PARTS = {
    "nav": "includes/nav.html",
    "sidebar": "includes/sidebar.html",
    "footer": "includes/footer.html",
}


# The sidebar's boxes, in their order, by the place a page has on the site:
# the mission and the note on terms where visitors learn what the Alliance is,
# only the contact beside a form or an error, and never a box that links to
# the page or section it sits on.
BOXES_BY_PLACE = {
    "home": ("follow", "contact", "note"),
    "about": ("mission", "counter", "join", "contact", "note", "practices", "texts"),
    "form": ("contact",),
    "error": ("contact",),
    # The menu already leads to the practices and the adopted texts.
    "page": ("counter", "join", "follow", "contact", "cooperate"),
}
FORMS = {"join", "cooperate", "sign", "practice"}
# What a box links to, by the namespace or URL name of the page it would sit on.
LINKS_TO = {
    "practices": "practices",
    "texts": "resources",
    "join": "join",
    "cooperate": "cooperate",
}
# Pages whose own top already shows what a box says (namespace:url_name).
SHOWN_BY = {"counter": {"participants:list", "participants:map"}}
ABOUT_PAGE = "about-us"


def sidebar_place(match):
    """ "home", "about", "form", "error" or "page": which boxes a page's sidebar shows."""
    if match is None:
        return "error"
    if match.url_name == "home":
        return "home"
    if match.namespace == "submissions" and match.url_name in FORMS:
        return "form"
    if match.namespace == "pages" and match.kwargs.get("path") == ABOUT_PAGE:
        return "about"
    return "page"


def sidebar_boxes(match, place=None):
    """The boxes of the sidebar of the page that `match` resolved, in order."""
    here = {match.namespace, match.url_name} if match else set()
    page = f"{match.namespace}:{match.url_name}" if match else ""
    return tuple(
        box
        for box in BOXES_BY_PLACE[place or sidebar_place(match)]
        if LINKS_TO.get(box) not in here and page not in SHOWN_BY.get(box, ())
    )


def _names(request, place):
    """The name of each part, as this request shows it."""
    match = request.resolver_match
    # The menu marks the section, the home page and a menu page by its address.
    section = f"{match.namespace}:{match.url_name}" if match else ""
    here = request.path if match and match.namespace == "pages" else ""
    boxes = "-".join(sidebar_boxes(match, place))
    return {"nav": f"nav:{section}:{here}", "sidebar": f"sidebar:{boxes}", "footer": "footer"}


# The menu, sidebar and footer are read with the first pieces a page's view asks
# for (its content), in one round trip.
read_ahead(lambda request: _names(request, None).values())


def _context(context, part, request, place):
    if part == "sidebar":
        boxes = sidebar_boxes(request.resolver_match, place)
        return {"site": SiteSettings.load(), "boxes": boxes}
    return context.flatten()


@register.simple_tag(takes_context=True)
def chrome(context, part, place=None):
    """The rendered `part` ("nav", "sidebar" or "footer") of the page.

    `place` names the sidebar's boxes where the address cannot ("error" for
    an error page, whose sidebar is then read on its own); else they follow
    from the page's URL (`sidebar_place`).
    """
    request = context["request"]
    if not hasattr(request, "chrome_parts"):
        names = _names(request, None)
        request.chrome_parts = (names, SharedPieces(names.values()))
    names, pieces = request.chrome_parts
    if place is not None:
        # A sidebar the address cannot name (an error page's): read on its own.
        names = _names(request, place)
        if names[part] not in pieces:
            pieces = SharedPieces([names[part]])
    rendered = pieces.get(
        names[part],
        lambda: get_template(PARTS[part]).render(_context(context, part, request, place)),
    )
    pieces.save()
    return mark_safe(rendered)  # noqa: S308 (rendered by a template)


@register.simple_tag
def site_settings():
    """The site settings record (mission, contact): {% site_settings as site %}."""
    return SiteSettings.load()


@register.filter
def first_paragraph(text):
    """The first paragraph of a plain text: the home page's one-sentence mission."""
    return (text or "").strip().split("\n\n")[0]
