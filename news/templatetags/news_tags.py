import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import get_template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from alliance_site.page_cache import SharedPieces
from core.dates import long_date

register = template.Library()

# What must not appear raw inside a <script> element: the same escapes as
# Django's json_script, so that no value can close the element.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a schema.org JSON-LD block, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def article_items(articles, show_tags=False, compact=False):
    """The entries of a list of articles (ArticleRows), each rendered once per language.

    `compact` entries (the home page's) show the title, date and picture only.
    The home page, the news list, tag pages and their later pages show the same
    entries, so each one is kept in the shared cache until the content changes,
    and all of a page's entries are read in one round trip.
    """
    template = get_template("news/includes/article_item.html")
    names = [
        f"news-item:{pk}:{bool(show_tags)}:{bool(compact)}:{position == 0}"
        for position, pk in enumerate(articles.ids)
    ]
    pieces = SharedPieces(names)
    missing = [pk for name, pk in zip(names, articles.ids, strict=True) if name not in pieces]
    rows = articles.rows(missing)
    rendered = []
    for position, (name, pk) in enumerate(zip(names, articles.ids, strict=True)):
        if name not in pieces and pk not in rows:  # unpublished since its id was read
            continue
        context = {
            "article": rows.get(pk),
            "eager": position == 0,
            "show_tags": show_tags,
            "compact": compact,
        }
        rendered.append(pieces.get(name, lambda context=context: template.render(context)))
    pieces.save()
    return mark_safe("".join(f"<li>{item}</li>\n" for item in rendered))  # noqa: S308


def _time_element(value, shown):
    machine = value.isoformat() if hasattr(value, "hour") else value.strftime("%Y-%m-%d")
    return format_html('<time datetime="{}">{}</time>', machine, shown)


@register.simple_tag
def event_when(article):
    """When the event takes place, as visitors read it: "16 – 17 November 2017",
    "19 October 2017, 18:00 – 20:00 (Europe/Paris)", each moment in a <time>."""
    start, last = article.event_start, article.event_last_day
    days = _time_element(start, long_date(start))
    if article.is_multi_day_event:
        days = format_html(
            _("{start} to {end}"),
            start=days,
            end=_time_element(last, long_date(last)),
        )
    starts_at, ends_at = article.event_starts_at, article.event_ends_at
    if not starts_at:
        return days
    hours = _time_element(starts_at, date_format(starts_at, "H:i"))
    if ends_at:
        hours = format_html(
            _("{start} to {end}"),
            start=hours,
            end=_time_element(ends_at, date_format(ends_at, "H:i")),
        )
    return format_html(
        _("{days}, {hours} ({zone} time)"), days=days, hours=hours, zone=article.event_time_zone
    )
