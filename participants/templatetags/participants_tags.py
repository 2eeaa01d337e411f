from django import template

from participants.models import Participant

register = template.Library()


@register.inclusion_tag("participants/includes/counter.html")
def participant_counter():
    """The live "N cities and regions from M countries" line."""
    return Participant.objects.counter()
