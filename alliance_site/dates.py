"""The one way the site writes a date out, in the active language.

Every page that shows a date (news lists, articles, events, participants,
networks) goes through `long_date`, which reads the locale formats of
`alliance_site/formats/<language>/formats.py` (FORMAT_MODULE_PATH): "9 April
2019", "9 avril 2019", and "1er décembre 2026" for the first of a month in
French, from that language's FIRST_DAY_DATE_FORMAT.
"""

import datetime

from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language


def _day(value):
    """The calendar day of a date, or of an aware moment in the site's time zone."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def _format_of_language(name):
    for module in formats.get_format_modules(get_language()):
        if hasattr(module, name):
            return getattr(module, name)
    return None


def long_date(value):
    """The day written out: "9 April 2019", "1er décembre 2026"; "" for no date."""
    if not value:
        return ""
    day = _day(value)
    if day.day == 1 and (first_day := _format_of_language("FIRST_DAY_DATE_FORMAT")):
        return formats.date_format(day, first_day)
    return formats.date_format(day, "DATE_FORMAT")


def month_year(value):
    """The month written out: "June 2013", "juin 2013"."""
    return formats.date_format(_day(value), "YEAR_MONTH_FORMAT") if value else ""


def time_element(value):
    """The day written out inside a <time> element giving it in ISO 8601."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', _day(value).isoformat(), long_date(value))
