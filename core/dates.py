"""How the site writes dates, in the active language, and dates known only in part.

Every page that shows a date (news lists, articles, events, participants,
networks) goes through `long_date`, which reads the locale formats of
`alliance_site/formats/<language>/formats.py` (FORMAT_MODULE_PATH): "9 April
2019", "9 avril 2019", and "1er décembre 2026" for the first of a month in
French, from that language's FIRST_DAY_DATE_FORMAT. A date the sources give to a
month or a year ("June 2013") is shown as far as it is known, never as a day.
"""

import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


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


class DatePrecision(models.TextChoices):
    """How much of a date the sources give: "June 2013" is a month, not 1 June 2013."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def partial_date_display(value, precision):
    """The date as far as it is known, in the active language ("June 2013", "2015")."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return month_year(value)
    return long_date(value)


def partial_date_iso(value, precision):
    """The date as far as it is known, in ISO 8601 ("2013-06", "2015", "2013-03-20")."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
