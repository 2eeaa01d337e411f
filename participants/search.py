from django.utils.translation import gettext_lazy as _

from search.registry import SearchKind, register

from .models import Participant

register(
    SearchKind(
        key="participants",
        label=_("Participants"),
        queryset=lambda: Participant.objects.active(),
        title="name",
        text=("description",),
        order=30,
    )
)
