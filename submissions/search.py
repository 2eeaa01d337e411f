from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.registry import SearchKind, register

from .models import NGOPartner

register(
    SearchKind(
        key="partners",
        label=_("NGO partners"),
        queryset=lambda: NGOPartner.objects.public(),
        title="name",
        url=lambda partner: reverse("submissions:partners"),
        describe=lambda partner: partner.country.name,
        order=37,
    )
)
