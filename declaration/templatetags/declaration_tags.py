from django import template

from declaration.models import Signatory

register = template.Library()


@register.simple_tag
def signatory_figures():
    """{"signatories": N, "countries": M}: one aggregate query."""
    return Signatory.objects.counter()
