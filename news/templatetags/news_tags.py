import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from alliance_site.page_cache import SharedPieces

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
    names = [
        f"news-item:{pk}:{bool(show_tags)}:{bool(compact)}:{position == 0}"
        for position, pk in enumerate(articles.ids)
    ]
    pieces = SharedPieces(names)
    missing = [pk for name, pk in zip(names, articles.ids, strict=True) if name not in pieces]
    rows = articles.rows(missing)
    rendered = []
    for position, (name, pk) in enumerate(zip(names, articles.ids, strict=True)):
        if name not in pieces and pk not in rows:  # unpublished since its id was read
            continue
        context = {
            "article": rows.get(pk),
            "eager": position == 0,
            "show_tags": show_tags,
            "compact": compact,
        }
        rendered.append(pieces.get(name, lambda context=context: template.render(context)))
    pieces.save()
    return mark_safe("".join(f"<li>{item}</li>\n" for item in rendered))  # noqa: S308
