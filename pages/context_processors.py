from django.utils.functional import SimpleLazyObject

from alliance_site.page_cache import shared

from .models import Page


@shared("menu")
def _menu():
    return [
        {"title": page.title, "url": page.get_absolute_url()}
        for page in Page.objects.in_navigation()
    ]


def navigation(request):
    """The staff-chosen pages of the main menu: one query when the content changed,
    none otherwise, and only if a template asks."""
    return {"navigation_pages": SimpleLazyObject(_menu)}
