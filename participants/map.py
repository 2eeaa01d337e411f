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
import re
from dataclasses import dataclass, field
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


def rings(d):
    """The rings of compact path data (see build_europe_map) as absolute points."""
    result = []
    for ring in re.findall(r"M[^Mz]*", d):
        numbers = [int(n) for n in re.findall(r"-?\d+", ring)]
        points = [(numbers[0], numbers[1])]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=False):
            points.append((points[-1][0] + dx, points[-1][1] + dy))
        result.append(points)
    return result


def _douglas_peucker(points, tolerance):
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    length = math.hypot(bx - ax, by - ay) or 1e-9
    farthest, index = -1.0, 0
    for i, (x, y) in enumerate(points[1:-1], start=1):
        distance = abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / length
        if distance > farthest:
            farthest, index = distance, i
    if farthest <= tolerance:
        return [points[0], points[-1]]
    left = _douglas_peucker(points[: index + 1], tolerance)
    return left[:-1] + _douglas_peucker(points[index:], tolerance)


def simplify(d, tolerance=0.8):
    """Path data with the points that change the outline by less than `tolerance`
    SVG units dropped (Douglas-Peucker), rings left with fewer than 4 points too:
    the background file is drawn at most a few pixels per unit."""
    parts = []
    for ring in rings(d):
        # A closed ring is split at its farthest point from the first, so both
        # halves have distinct ends.
        far = max(range(len(ring)), key=lambda i: math.dist(ring[0], ring[i]))
        points = (
            _douglas_peucker(ring[: far + 1], tolerance)[:-1]
            + _douglas_peucker([*ring[far:], ring[0]], tolerance)[:-1]
        )
        if len(points) < 4:
            continue
        (x0, y0), previous, steps = points[0], points[0], []
        for x, y in points[1:]:
            steps.append(f"{x - previous[0]} {y - previous[1]}")
            previous = (x, y)
        parts.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(parts).replace(" -", "-")


@cache
def drawn_outlines():
    """The outlines as drawn, simplified: those of the file and those on the page
    over it must be the same."""
    return [{**outline, "d": simplify(outline["d"])} for outline in outlines()]


def outline_svg():
    """The country outlines alone, as the SVG file the home page's small map shows
    under its markers (static/img/europe.svg, written by build_europe_map)."""
    paths = "".join(f'<path d="{outline["d"]}"/>' for outline in drawn_outlines())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height()}">'
        f'<rect width="{WIDTH}" height="{height()}" fill="#f4f8fc"/>'
        f'<g fill="#e3e7ec" stroke="#fff" stroke-width="0.8">{paths}</g></svg>\n'
    )


# Layout of the markers. A marker is a link; WCAG 2.2 (2.5.8) asks for targets of at
# least 24 x 24 CSS px. The SVG scales with its box, so a marker's radius in SVG
# units follows from the narrowest box each layout is shown in: below the
# breakpoint (a phone, from a 320 px viewport) and from it (a 48rem viewport).
TARGET_PX = 26  # a little over 24, for rounding and the stroke
NARROW_MIN_PX = 288  # 320 px viewport less the page's padding
WIDE_MIN_PX = 736  # 48rem viewport less the page's padding
GAP = 2  # SVG units kept between two markers, beyond their radii


def radius_for(view_width, min_px):
    """The radius in SVG units that makes a target TARGET_PX wide at min_px."""
    return TARGET_PX / 2 * view_width / min_px


@cache
def outline_boxes():
    """{code: (left, top, right, bottom)} of every outline, in SVG units."""
    boxes = {}
    for outline in outlines():
        points = [point for ring in rings(outline["d"]) for point in ring]
        xs, ys = [x for x, _y in points], [y for _x, y in points]
        box = (max(min(xs), 0), max(min(ys), 0), min(max(xs), WIDTH), min(max(ys), height()))
        boxes[outline["code"]] = box
    return boxes


def country_view(code, points=()):
    """The view box (x, y, width, height) that frames a country and its points."""
    left, top, right, bottom = outline_boxes().get(code, (0, 0, WIDTH, height()))
    for x, y in points:
        left, top, right, bottom = min(left, x), min(top, y), max(right, x), max(bottom, y)
    width, tall = right - left, bottom - top
    # A margin around it, and never narrower than tall x 1.5 nor smaller than a region.
    side = max(width, tall, 60)
    margin = side * 0.08
    width, tall = max(width, tall / 1.5, 60) + 2 * margin, max(tall, 40) + 2 * margin
    cx, cy = (left + right) / 2, (top + bottom) / 2
    return (cx - width / 2, cy - tall / 2, width, tall)


@dataclass
class Marker:
    """A link on the map: one participant, or several shown as one with their count."""

    x: float
    y: float
    members: list = field(default_factory=list)
    origin: tuple = (0.0, 0.0)  # where its place is, before spreading

    @property
    def count(self):
        return len(self.members)


def group(points, distance):
    """Join the points of one country closer than `distance` into one marker each.

    `points` are (participant, x, y); a point joins the nearest marker of its
    country whose first point is within `distance` (None: every point of a country
    joins one marker). A marker stands at the member nearest its members' mean, so
    it stays on land. A grid of cells `distance` wide keeps it linear in points.
    """
    cells, markers = {}, []
    for participant, x, y in points:
        code = participant.country.code
        if distance is None:
            near = cells.get(code, [])
        else:
            cx, cy = int(x // distance), int(y // distance)
            near = [
                marker
                for i in (cx - 1, cx, cx + 1)
                for j in (cy - 1, cy, cy + 1)
                for marker in cells.get((code, i, j), ())
                if math.dist(marker.origin, (x, y)) < distance
            ]
        if near:
            min(near, key=lambda marker: math.dist(marker.origin, (x, y))).members.append(
                (participant, x, y)
            )
            continue
        marker = Marker(x, y, [(participant, x, y)], (x, y))
        markers.append(marker)
        cells.setdefault(code if distance is None else (code, cx, cy), []).append(marker)
    for marker in markers:
        mx = sum(x for _p, x, _y in marker.members) / marker.count
        my = sum(y for _p, _x, y in marker.members) / marker.count
        _p, x, y = min(marker.members, key=lambda m: math.dist((m[1], m[2]), (mx, my)))
        marker.x, marker.y, marker.origin = x, y, (x, y)
        marker.members = [m[0] for m in marker.members]
    return markers


def spread(markers, radius, view, rounds=200):
    """Move markers apart until no two overlap (centres at least 2 radii + GAP apart),
    each kept inside the view box (x, y, width, height). Deterministic; each round
    compares only the markers within reach along x."""
    left, top, width, tall = view
    least = 2 * radius + GAP
    for _round in range(rounds):
        moved = False
        ordered = sorted(markers, key=lambda marker: (marker.x, marker.y))
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if b.x - a.x >= least:
                    break
                dx, dy = b.x - a.x, b.y - a.y
                distance = math.hypot(dx, dy)
                if distance >= least:
                    continue
                if distance < 1e-6:  # the same place: part them along a fixed angle
                    dx, dy, distance = math.cos(i + 1), math.sin(i + 1), 1.0
                push = (least - distance) / 2 + 0.01
                ux, uy = dx / distance, dy / distance
                a.x, a.y = a.x - ux * push, a.y - uy * push
                b.x, b.y = b.x + ux * push, b.y + uy * push
                moved = True
        for marker in markers:
            marker.x = min(max(marker.x, left + radius), left + width - radius)
            marker.y = min(max(marker.y, top + radius), top + tall - radius)
        if not moved:
            break
    return markers


def layout(points, view, *, group_narrow, group_wide):
    """The two layouts of a map: {"narrow": (radius, markers), "wide": (...)}.

    `group_*` is the grouping distance in radii (None: one marker per country,
    0: no grouping, every point spread to its own marker).
    """
    layouts = {}
    for name, min_px, grouping in (
        ("narrow", NARROW_MIN_PX, group_narrow),
        ("wide", WIDE_MIN_PX, group_wide),
    ):
        radius = radius_for(view[2], min_px)
        distance = None if grouping is None else grouping * radius
        if distance == 0:
            markers = spread(single(points), radius, view)
            if not overlapping(markers, radius):
                layouts[name] = (radius, markers)
                continue
            distance = 2 * radius  # too many to spread in the frame: group them
        layouts[name] = (radius, spread(group(points, distance), radius, view))
    return layouts


def overlapping(markers, radius):
    """Whether two markers overlap (the same test as `spread`'s, with its sweep)."""
    ordered = sorted(markers, key=lambda marker: marker.x)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.x - a.x >= 2 * radius:
                break
            if math.dist((a.x, a.y), (b.x, b.y)) < 2 * radius:
                return True
    return False


def single(points):
    return [Marker(x, y, [participant], (x, y)) for participant, x, y in points]


def placed(participants, view=None):
    """(participant, x, y) of those with coordinates inside the view box, or the map."""
    left, top, width, tall = view or (0, 0, WIDTH, height())
    points = []
    for participant in participants:
        if participant.has_coordinates:
            x, y = project(participant.latitude, participant.longitude)
            if left <= x <= left + width and top <= y <= top + tall:
                points.append((participant, x, y))
    return points
