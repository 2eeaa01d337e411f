from django.utils.translation import gettext_lazy as _

from search.registry import SearchKind, register

from .models import Practice

register(
    SearchKind(
        key="practices",
        label=_("Good practices"),
        queryset=lambda: Practice.objects.published(),
        title="title",
        text=("summary", "place", "description"),
        order=40,
    )
)
