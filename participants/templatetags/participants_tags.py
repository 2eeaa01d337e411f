import math

from django import template
from django.db.models import Avg, Count

from alliance_site.page_cache import shared
from participants import map as europe
from participants.models import Participant

register = template.Library()


@register.inclusion_tag("participants/includes/counter.html")
def participant_counter():
    """The live "N cities and regions from M countries" line."""
    return Participant.objects.counter()


@register.simple_tag
def participant_figures():
    """{"participants": N, "countries": M}: one aggregate query."""
    return Participant.objects.counter()


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
