from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.registry import SearchKind, register

from .models import Signatory

register(
    SearchKind(
        key="signatories",
        label=_("Signatories of the Declaration"),
        queryset=lambda: Signatory.objects.public(),
        title="name",
        url=lambda signatory: reverse("declaration:index") + "#signatories",
        describe=lambda signatory: signatory.country.name,
        order=35,
    )
)
