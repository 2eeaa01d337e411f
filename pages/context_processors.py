from .models import Page


def navigation(request):
    """The staff-chosen pages of the main menu: one query, run only if a template asks."""
    return {"navigation_pages": Page.objects.in_navigation()}
