"""Values from the site's settings that a page's text names, so that it stays true.

An editor writes the token, `[retention-days]`, in a page's text; the page shows
the value the site runs with ("365 days", "365 jours"), never a copy typed in
that would go stale when the setting changes.
"""

from django import template
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

register = template.Library()


def _retention_days():
    days = settings.SUBMISSION_RETENTION_DAYS
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


VALUES = {"[retention-days]": _retention_days}


@register.filter
def with_site_values(html):
    """The page's sanitised HTML, each token replaced by its value (escaped)."""
    html = str(html or "")
    for token, value in VALUES.items():
        if token in html:
            html = html.replace(token, escape(value()))
    # The page was sanitised on save (Page.save), and the values are escaped.
    return mark_safe(html)
