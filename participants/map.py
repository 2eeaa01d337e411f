"""The map of Europe, drawn on the server as SVG.

Country outlines come from Natural Earth (public domain), converted once by
`manage.py build_europe_map` into `participants/data/europe.json`: paths already
projected and clipped to Europe. Participants are placed on the same projection
at request time, so the page needs no tile server, no script and no request to
another site.

Projection: Lambert azimuthal equal-area centred on 52° N 10° E, the projection
of the European Environment Agency's reference grid (EPSG:3035), on a sphere.
"""

import json
import math
from functools import cache
from pathlib import Path

MAP_FILE = Path(__file__).resolve().parent / "data" / "europe.json"

CENTRE_LATITUDE = 52.0
CENTRE_LONGITUDE = 10.0
# The part of the projected plane that is drawn, in Earth radii, and the width of
# the SVG's coordinate system; the height follows from the proportions.
BOUNDS = {"west": -0.32, "east": 0.52, "south": -0.30, "north": 0.37}
WIDTH = 1000


def laea(latitude, longitude):
    """Lambert azimuthal equal-area coordinates (x east, y north) in Earth radii."""
    phi, lam = math.radians(latitude), math.radians(longitude - CENTRE_LONGITUDE)
    phi0 = math.radians(CENTRE_LATITUDE)
    denominator = (
        1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    )
    k = math.sqrt(2 / max(denominator, 1e-12))
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, y


def scale():
    return WIDTH / (BOUNDS["east"] - BOUNDS["west"])


def height():
    return round((BOUNDS["north"] - BOUNDS["south"]) * scale())


def project(latitude, longitude):
    """SVG coordinates (origin top left, y down) of a point given in degrees."""
    x, y = laea(float(latitude), float(longitude))
    return (x - BOUNDS["west"]) * scale(), (BOUNDS["north"] - y) * scale()


def is_inside(x, y):
    return 0 <= x <= WIDTH and 0 <= y <= height()


@cache
def outlines():
    """The country outlines: [{"code": "FR", "name": "France", "d": "M…"}, …]."""
    with MAP_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)["countries"]


OUTLINE_FILE = Path(__file__).resolve().parent.parent / "static" / "img" / "europe.svg"


def outline_svg():
    """The country outlines alone, as the SVG file the home page's small map shows
    under its markers (static/img/europe.svg, written by build_europe_map)."""
    paths = "".join(f'<path d="{outline["d"]}"/>' for outline in outlines())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height()}">'
        f'<rect width="{WIDTH}" height="{height()}" fill="#f4f8fc"/>'
        f'<g fill="#c7d6e8" stroke="#fff" stroke-width="0.8">{paths}</g></svg>\n'
    )
