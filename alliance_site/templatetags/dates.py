"""Dates in templates, written out as the whole site writes them (core.dates)."""

from django import template

from core import dates

register = template.Library()

register.filter("long_date", dates.long_date)
register.filter("time_element", dates.time_element)
