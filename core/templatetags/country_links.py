from django import template
from django.urls import reverse

register = template.Library()


@register.filter
def country_url(country):
    """The address of a country's page, from a django-countries Country or an ISO code."""
    code = getattr(country, "code", country)
    return reverse("countries:detail", kwargs={"code": str(code).lower()})
