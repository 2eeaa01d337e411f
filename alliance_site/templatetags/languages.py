"""Marks text shown in another language than the page's (alliance_site/languages.py).

    <h1{% lang_attr article "title" %}>{{ article.title }}</h1>

gives <h1 lang="en"> on a French page whose article has no French title, and
a plain <h1> otherwise. With several fields, the first that has text decides
(`{% lang_attr article "lead" "body" %}` for a teaser taken from either).
"""

from django import template
from django.utils.html import format_html

from alliance_site.languages import foreign_language, marked, only_in

register = template.Library()


@register.simple_tag
def lang_attr(obj, *fields):
    """` lang="en"` where `obj`'s text is shown in another language, else ""."""
    if obj is None or obj == "":
        return ""
    code = foreign_language(obj, *fields)
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag
def only_language(obj, *fields):
    """The other language all of `obj`'s `fields` are shown in, or "" (for notices)."""
    return only_in(obj, *fields)


@register.filter
def in_its_language(obj, field):
    """`obj`'s `field`, wrapped in <span lang="…"> where it is shown in another language.

    For a name inside a translated sentence:
    `{% blocktranslate with name=tag|in_its_language:"name" %}`.
    """
    return marked(obj, field)
