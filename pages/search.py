from django.utils.translation import gettext_lazy as _

from search.registry import SearchKind, register

from .models import Page

register(
    SearchKind(
        key="pages",
        label=_("Pages"),
        queryset=lambda: Page.objects.published(),
        title="title",
        text=("summary", "body"),
        order=20,
    )
)
