from django import template
from django.utils.safestring import mark_safe

from alliance_site.page_cache import shared_piece

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        name = ":".join(str(part.resolve(context)) for part in self.parts)
        return mark_safe(  # noqa: S308 (rendered by the template)
            shared_piece(f"fragment:{name}", lambda: self.nodelist.render(context))
        )


@register.tag
def shared_fragment(parser, token):
    """{% shared_fragment "name" value... %}...{% endshared_fragment %}

    What the tag encloses, rendered once per language and per values given and
    kept until staff change any content, like the menu: for the part of a page
    that every address of it shows (an article's text with `?utm_source=...`,
    say) and that costs queries to render. Like Django's {% cache %}, but
    read together with the content version, in one round trip, and emptied
    by the same change that empties the page cache. Its values must name
    everything the enclosed part depends on, the request's host included
    when it holds absolute addresses.
    """
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not parts:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, parts)
