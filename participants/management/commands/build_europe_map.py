"""Regenerate participants/data/europe.json, the map's country outlines.

The source is Natural Earth's 1:50m Admin 0 countries (public domain) as
redistributed in TopoJSON by the npm package world-atlas (ISC licence):

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python manage.py build_europe_map /tmp/package/countries-50m.json

The outlines are projected (see participants/map.py), clipped to the map's frame
and rounded to whole SVG units, which keeps the file small. Run it again after
changing the projection or the frame in participants/map.py.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django_countries import countries

from participants import map as europe

MARGIN = 20  # SVG units drawn beyond the frame, so coasts do not stop at its edge

# Natural Earth draws Crimea as part of Russia (it follows control on the ground).
# The Council of Europe, like UN General Assembly resolution 68/262, holds it to be
# part of Ukraine: the polygons of Russia that lie within this box are given to Ukraine.
CRIMEA = {"west": 32.0, "east": 37.0, "south": 44.0, "north": 46.4}


def decode_arcs(topology):
    """Absolute [longitude, latitude] points of every arc of a quantized topology."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points, x, y = [], 0, 0
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((dx, dy))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    """The points of a ring made of arc indexes (a negative index is a reversed arc)."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def within(points, box):
    return all(
        box["west"] <= lon <= box["east"] and box["south"] <= lat <= box["north"]
        for lon, lat in points
    )


def clip(polygon, left, top, right, bottom):
    """Sutherland-Hodgman: the part of a polygon inside an axis-aligned rectangle."""
    edges = [
        (lambda p: p[0] >= left, lambda p, q: _at_x(p, q, left)),
        (lambda p: p[0] <= right, lambda p, q: _at_x(p, q, right)),
        (lambda p: p[1] >= top, lambda p, q: _at_y(p, q, top)),
        (lambda p: p[1] <= bottom, lambda p, q: _at_y(p, q, bottom)),
    ]
    for inside, intersect in edges:
        if not polygon:
            break
        result = []
        previous = polygon[-1]
        for point in polygon:
            if inside(point):
                if not inside(previous):
                    result.append(intersect(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(intersect(previous, point))
            previous = point
        polygon = result
    return polygon


def _at_x(p, q, x):
    t = (x - p[0]) / (q[0] - p[0])
    return (x, p[1] + t * (q[1] - p[1]))


def _at_y(p, q, y):
    t = (y - p[1]) / (q[1] - p[1])
    return (p[0] + t * (q[0] - p[0]), y)


def path_data(rings):
    """Compact SVG path data: whole units, relative moves, repeated points dropped."""
    parts = []
    for ring in rings:
        rounded = []
        for x, y in ring:
            point = (round(x), round(y))
            if not rounded or point != rounded[-1]:
                rounded.append(point)
        if len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        if len(rounded) < 3:
            continue
        (x0, y0), commands = rounded[0], []
        previous = rounded[0]
        for x, y in rounded[1:]:
            commands.append(f"{x - previous[0]} {y - previous[1]}")
            previous = (x, y)
        parts.append(f"M{x0} {y0}l" + " ".join(commands) + "z")
    return "".join(parts).replace(" -", "-")


class Command(BaseCommand):
    help = "Regenerate the map's country outlines from Natural Earth TopoJSON (world-atlas)."

    def add_arguments(self, parser):
        parser.add_argument("topojson", help="countries-50m.json from the npm package world-atlas")
        parser.add_argument("--output", default=str(europe.MAP_FILE))

    def handle(self, *args, **options):
        try:
            with open(options["topojson"], encoding="utf-8") as handle:
                topology = json.load(handle)
            geometries = topology["objects"]["countries"]["geometries"]
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Not a world-atlas countries file: {error}") from error

        arcs = decode_arcs(topology)
        polygons_by_country = {}
        for geometry in geometries:
            if geometry["type"] == "Polygon":
                polygons = [geometry["arcs"]]
            elif geometry["type"] == "MultiPolygon":
                polygons = geometry["arcs"]
            else:
                continue
            name = geometry.get("properties", {}).get("name", "")
            code = countries.alpha2(geometry["id"]) if geometry.get("id") else ""
            for polygon in polygons:
                rings = [ring_points(ring, arcs) for ring in polygon]
                owner = (code or "", name)
                if code == "RU" and within(rings[0], CRIMEA):
                    owner = ("UA", "Ukraine")
                polygons_by_country.setdefault(owner, []).extend(rings)

        frame = (-MARGIN, -MARGIN, europe.WIDTH + MARGIN, europe.height() + MARGIN)
        outlines = []
        for (code, name), rings in polygons_by_country.items():
            projected = []
            for ring in rings:
                clipped = clip([europe.project(lat, lon) for lon, lat in ring], *frame)
                if clipped:
                    projected.append(clipped)
            d = path_data(projected)
            if d:
                outlines.append({"code": code, "name": name, "d": d})

        outlines.sort(key=lambda outline: (outline["code"], outline["name"]))
        document = {
            "source": (
                "Natural Earth 1:50m Admin 0 countries (public domain), "
                "via the npm package world-atlas 2 (ISC licence)"
            ),
            "projection": (
                f"Lambert azimuthal equal-area, centre {europe.CENTRE_LATITUDE} N "
                f"{europe.CENTRE_LONGITUDE} E; frame {europe.BOUNDS} Earth radii; "
                f"width {europe.WIDTH}"
            ),
            "width": europe.WIDTH,
            "height": europe.height(),
            "countries": outlines,
        }
        with open(options["output"], "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, separators=(",", ":"))
            handle.write("\n")
        self.stdout.write(f"{len(outlines)} outlines written to {options['output']}.")
        if options["output"] == str(europe.MAP_FILE):
            europe.outlines.cache_clear()
            europe.OUTLINE_FILE.write_text(europe.outline_svg(), encoding="utf-8")
            self.stdout.write(f"The home page's map written to {europe.OUTLINE_FILE}.")
