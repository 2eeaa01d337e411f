"""A guard for links whose address comes from the database."""

import re
from urllib.parse import urlsplit

from django import template

register = template.Library()

# Schemes a stored link may use; anything else (javascript:, data:,
# vbscript:...) is dropped. An address without a scheme is a path on this site.
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# What browsers ignore in an address before reading its scheme.
IGNORED_BY_BROWSERS = re.compile(r"[\t\n\r]|^[\x00-\x20]+|[\x00-\x20]+$")


@register.filter
def safe_url(value):
    """`value` if a browser would follow it as an ordinary link, else an empty string.

    Form fields already refuse other schemes; this keeps a value stored some
    other way (an import, the shell) from becoming a script in a link.
    """
    address = IGNORED_BY_BROWSERS.sub("", str(value or ""))
    try:
        scheme = urlsplit(address).scheme.lower()
    except ValueError:
        return ""
    if scheme and scheme not in SAFE_SCHEMES:
        return ""
    return value
