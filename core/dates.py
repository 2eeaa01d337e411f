"""Dates known to a day, a month or a year: "June 2013" is not 1 June 2013."""

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


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
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


def partial_date_iso(value, precision):
    """The date as far as it is known, in ISO 8601 ("2013-06", "2015", "2013-03-20")."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
