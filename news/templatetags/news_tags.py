import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from alliance_site.page_cache import lookup_many, store_many

register = template.Library()

# What must not appear raw inside a <script> element: the same escapes as
# Django's json_script, so that no value can close the element.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a schema.org JSON-LD block, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def article_items(articles, show_tags=False, compact=False):
    """The entries of a list of articles (ArticleRows), each rendered once per language.

    `compact` entries (the home page's) show the title, date and picture only.
    The home page, the news list, tag pages and their later pages show the same
    entries, so each one is kept in the shared cache until the content changes,
    and all of a page's entries are read in one round trip.
    """
    template = get_template("news/includes/article_item.html")
    language = get_language()
    keys = [
        f"news-item:{language}:{pk}:{bool(show_tags)}:{bool(compact)}:{position == 0}"
        for position, pk in enumerate(articles.ids)
    ]
    version, found = lookup_many(keys)
    missing = [pk for key, pk in zip(keys, articles.ids, strict=True) if key not in found]
    rows = articles.rows(missing)
    rendered, fresh = [], {}
    for position, (key, pk) in enumerate(zip(keys, articles.ids, strict=True)):
        if key not in found:
            if pk not in rows:  # unpublished since its id was read
                continue
            context = {
                "article": rows[pk],
                "eager": position == 0,
                "show_tags": show_tags,
                "compact": compact,
            }
            found[key] = fresh[key] = template.render(context)
        rendered.append(found[key])
    if fresh:
        store_many(version, fresh)
    return mark_safe("".join(f"<li>{item}</li>\n" for item in rendered))  # noqa: S308
