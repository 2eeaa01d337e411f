from django import template

from pages.models import SiteSettings

register = template.Library()


@register.inclusion_tag("includes/sidebar.html", takes_context=True)
def site_sidebar(context):
    """The boxes shown beside every page, from the staff-edited site settings."""
    return {"request": context.get("request"), "site": SiteSettings.load()}
