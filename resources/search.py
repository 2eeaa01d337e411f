from django.utils.translation import gettext_lazy as _

from search.registry import SearchKind, register

from .models import Document

register(
    SearchKind(
        key="documents",
        label=_("Documents"),
        queryset=lambda: Document.objects.published(),
        title="title",
        text=("number",),
        url=lambda document: document.link or document.get_list_url(),
        describe=lambda document: document.reference or document.get_kind_display(),
        order=50,
    )
)
