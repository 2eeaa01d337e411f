"""Growth over time: how many records there were at the end of each year, drawn as SVG.

A chart is computed from one or more series, each a list of years (one per
record, None where the sources give no date) or a mapping {year or None: count}
(`year_counts` reads one from a queryset in one grouped query). The series are
cumulative: the figure of a year is every record dated that year or earlier.
Records whose date is not known are never given a year: they are counted apart,
as "date not known", and are in the total only.

The template partial templates/includes/growth_chart.html draws the chart as
an SVG that runs no script and carries no style attribute (the colours are
classes of static/css/site.css), and gives the same figures as a table, which is
what screen readers read: the SVG is hidden from them.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

# The drawing's own units; the SVG scales to the width of its container.
WIDTH = 480
HEIGHT = 270
MARGIN_LEFT = 56
MARGIN_RIGHT = 30
MARGIN_TOP = 14
MARGIN_BOTTOM = 40
# Year labels at most this many on the axis, so that they stay readable on a phone.
MAX_YEAR_LABELS = 6


def year_counts(queryset, date_field):
    """{year or None: number of rows}: one grouped query, however many rows.

    The rows are grouped by their date and the dates folded into years here:
    SQLite has no function for a date's year, and Django's stand-in runs in
    Python for every row (a third of a second at 13,000 rows).
    """
    counts = {}
    for day, rows in queryset.order_by().values_list(date_field).annotate(rows=Count("pk")):
        year = day.year if day else None
        counts[year] = counts.get(year, 0) + rows
    return counts


@dataclass
class Series:
    label: str
    counts: dict
    css: str = ""
    cumulative: list = field(default_factory=list)
    points: list = field(default_factory=list)

    @property
    def unknown(self):
        return self.counts.get(None, 0)

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def polyline(self):
        return " ".join(f"{point['x']},{point['y']}" for point in self.points)


def nice_step(top, ticks=4):
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` gridlines."""
    raw = max(top / ticks, 1)
    power = 1
    while power * 10 <= raw:
        power *= 10
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            return multiple * power
    return 10 * power  # pragma: no cover


def growth_chart(series):
    """The chart of `series`, a list of (label, years or {year: count}): a dict for
    templates/includes/growth_chart.html, or None when no series has any record."""
    drawn = []
    for index, (label, dates) in enumerate(series, start=1):
        counts = dict(dates) if isinstance(dates, dict) else dict(Counter(dates))
        counts = {year: n for year, n in counts.items() if n}
        drawn.append(Series(label=label, counts=counts, css=f"growth-chart__series--{index}"))
    if not any(one.total for one in drawn):
        return None
    known = sorted({year for one in drawn for year in one.counts if year is not None})
    years = list(range(known[0], known[-1] + 1)) if known else []
    for one in drawn:
        running = 0
        for year in years:
            running += one.counts.get(year, 0)
            one.cumulative.append(running)
    top = max((max(one.cumulative, default=0) for one in drawn), default=0)
    step = nice_step(top)
    scale_top = max(step, -(-top // step) * step)
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    bottom = MARGIN_TOP + plot_height

    def x_of(position):
        if len(years) == 1:
            return MARGIN_LEFT + plot_width / 2
        return MARGIN_LEFT + plot_width * position / (len(years) - 1)

    def y_of(value):
        return bottom - plot_height * value / scale_top

    for one in drawn:
        one.points = [
            {"year": year, "value": value, "x": f"{x_of(i):.1f}", "y": f"{y_of(value):.1f}"}
            for i, (year, value) in enumerate(zip(years, one.cumulative, strict=True))
        ]
    every = -(-len(years) // MAX_YEAR_LABELS) if years else 1
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": MARGIN_LEFT,
        "right": WIDTH - MARGIN_RIGHT,
        "bottom": bottom,
        "years": years,
        "year_labels": [
            {"year": year, "x": f"{x_of(i):.1f}", "y": bottom + 28}
            for i, year in enumerate(years)
            if i % every == 0 or i == len(years) - 1
        ],
        "gridlines": [
            {"value": value, "y": f"{y_of(value):.1f}", "label_y": f"{y_of(value) + 7:.1f}"}
            for value in range(0, scale_top + 1, step)
        ],
        "series": drawn,
        "rows": [
            {"year": year, "values": [one.cumulative[i] for one in drawn]}
            for i, year in enumerate(years)
        ],
        "unknown": [one.unknown for one in drawn],
        "any_unknown": any(one.unknown for one in drawn),
        "totals": [one.total for one in drawn],
    }
