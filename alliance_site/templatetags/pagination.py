"""What the one pagination partial (templates/includes/pagination.html) needs."""

from django import template

register = template.Library()


@register.filter
def page_links(page):
    """The numbers to link around `page`, with ellipses: 1 … 4 5 [6] 7 8 … 40."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The address of page `number` of the list.

    It keeps the list's own parameters: `page_query` where the view names them
    (a cached list must not repeat whatever else an address held, such as
    `?utm_source=`), otherwise the request's.
    """
    query = context.get("page_query")
    if query is None:
        query = context["request"].GET
    params = query.copy()
    params["page"] = number
    return f"?{params.urlencode()}"
