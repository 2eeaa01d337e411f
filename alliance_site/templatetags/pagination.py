from django import template

register = template.Library()


@register.filter
def page_links(page):
    """The numbers to link around `page`, with ellipses: 1 … 4 5 [6] 7 8 … 40."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
