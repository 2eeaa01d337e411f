from django.utils.translation import gettext_lazy as _

from search.registry import SearchKind, register

from .models import Article

register(
    SearchKind(
        key="articles",
        label=_("News and events"),
        queryset=lambda: Article.objects.published(),
        title="title",
        text=("lead", "body"),
        order=10,
    )
)
