import math

from django import template
from django.db.models import Avg, Count
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries.fields import Country

from alliance_site.page_cache import shared
from core.templatetags.country_links import country_url
from participants import map as europe
from participants.models import Participant

register = template.Library()


@shared("participant-figures")
def _figures():
    return Participant.objects.counter()


@register.inclusion_tag("participants/includes/counter.html")
def participant_counter():
    """The live "N cities and regions from M countries" line."""
    return _figures()


@register.simple_tag
def participant_figures():
    """{"participants": N, "countries": M}: one aggregate query, kept until content changes."""
    return _figures()


@shared("small-map-spots")
def _map_spots():
    """One spot per country: where its participants are on average, sized by how
    many they are. One grouped query, however many participants."""
    rows = (
        Participant.objects.active()
        .on_map()
        .values("country")
        .annotate(count=Count("pk"), latitude=Avg("latitude"), longitude=Avg("longitude"))
        .order_by("country")
    )
    spots = []
    for row in rows:
        x, y = europe.project(row["latitude"], row["longitude"])
        if europe.is_inside(x, y):
            radius = 8 + 4 * math.sqrt(row["count"])
            spots.append({"x": f"{x:.0f}", "y": f"{y:.0f}", "r": f"{radius:.0f}"})
    return spots


@register.inclusion_tag("participants/includes/small_map.html")
def small_map():
    """The home page's small map of the participants, linking to the full one."""
    return {
        "spots": _map_spots(),
        "width": europe.WIDTH,
        "height": europe.height(),
    }


def map_context(
    participants, view, *, group_narrow, group_wide, group_href, name, countries, country=None
):
    """What participants/includes/map.html draws: the two layouts of the markers
    (see participants.map), and the outlines of `countries` (codes) as links to
    their country pages in the wide layout."""
    points = europe.placed(participants, view)
    layouts = europe.layout(points, view, group_narrow=group_narrow, group_wide=group_wide)
    placed = {participant.country.code for participant, _x, _y in points}
    shapes = []
    for outline in europe.drawn_outlines():
        if outline["code"] in countries:
            count = sum(1 for p in participants if p.country.code == outline["code"])
            shapes.append(
                {
                    "code": outline["code"],
                    "d": outline["d"],
                    "href": country_url(outline["code"]),
                    "label": country_label(participants, outline["code"], count),
                }
            )
    return {
        "name": name,
        "country": country,
        "view": " ".join(f"{value:.0f}" for value in view),
        "image": static("img/europe.svg"),
        "width": europe.WIDTH,
        "height": europe.height(),
        "shapes": shapes,
        "layers": [
            {
                "name": layer,
                "radius": radius,
                "markers": [
                    marker_context(
                        m, radius, group_href, layer == "narrow" and group_narrow is None
                    )
                    for m in markers
                ],
            }
            for layer, (radius, markers) in layouts.items()
        ],
        "total": len(participants),
        "on_map": len(points),
        "off_map": len(participants) - len(points),
        "has_places": bool(placed),
        "grouped": any(m.count > 1 for _radius, markers in layouts.values() for m in markers),
    }


def country_label(participants, code, count):
    name = next((p.country.name for p in participants if p.country.code == code), code)
    return ngettext(
        "%(country)s: %(count)s participant", "%(country)s: %(count)s participants", count
    ) % {"country": name, "count": count}


def marker_context(marker, radius, group_href, by_country=False):
    first = marker.members[0]
    if by_country:
        href = group_href(first.country.code)
        label = country_label(marker.members, first.country.code, marker.count)
    elif marker.count == 1:
        href, label = first.get_absolute_url(), f"{first.name}, {first.country.name}"
    else:
        href = group_href(first.country.code)
        label = ngettext(
            "%(country)s: %(count)s participant here, %(names)s",
            "%(country)s: %(count)s participants here, %(names)s",
            marker.count,
        ) % {
            "country": first.country.name,
            "count": marker.count,
            "names": _(", ").join(member.name for member in marker.members),
        }
    moved = math.dist((marker.x, marker.y), marker.origin) > radius / 2
    return {
        "href": href,
        "label": label,
        "count": marker.count,
        "x": f"{marker.x:.1f}",
        "y": f"{marker.y:.1f}",
        "r": f"{radius:.1f}",
        "dot": f"{radius * 0.5:.1f}",
        "counted": by_country or marker.count > 1,
        "spot": f"{min(radius * 0.2, 5):.1f}",
        "font": f"{radius * 0.95:.1f}",
        "origin": (f"{marker.origin[0]:.1f}", f"{marker.origin[1]:.1f}") if moved else None,
    }


@register.inclusion_tag("participants/includes/map.html")
def europe_map(participants):
    """The map of Europe: on a phone one marker per country, with its count, linking
    to the country page; from 48rem, a marker per place (participants closer than
    two markers grouped, with their count) and the countries' outlines as links."""
    return map_context(
        participants,
        (0, 0, europe.WIDTH, europe.height()),
        group_narrow=None,
        group_wide=2,
        group_href=country_url,
        name="europe",
        countries={participant.country.code for participant in participants},
    )


SPREAD_AT_MOST = 40


@register.inclusion_tag("participants/includes/map.html")
def country_map(code, list_anchor="#participants"):
    """A country's own map, zoomed on it: a marker per participant, those too close
    to be told apart grouped with their count, linking to the list on the page."""
    code = str(getattr(code, "code", code)).upper()
    participants = list(
        Participant.objects.active()
        .filter(country=code)
        .in_local_order()
        .only("name_en", "name_fr", "slug", "country", "latitude", "longitude")
    )
    inside = [europe.project(p.latitude, p.longitude) for p in participants if p.has_coordinates]
    inside = [(x, y) for x, y in inside if europe.is_inside(x, y)]
    return map_context(
        participants,
        europe.country_view(code, inside),
        # A country's few participants are spread, each its own marker; many are
        # grouped, the group linking to the list on the page.
        group_narrow=0 if len(inside) <= SPREAD_AT_MOST else 2,
        group_wide=0 if len(inside) <= SPREAD_AT_MOST else 2,
        group_href=lambda _code: list_anchor,
        name=f"country-{code.lower()}",
        countries={code},
        country=Country(code=code),
    )
