"""Pages of the news lists that stay cheap however deep the visitor goes."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from alliance_site.page_cache import cached_by_content


class NewsPaginator(Paginator):
    """A Paginator for a queryset of articles.

    - The count is kept in the shared cache under `count_key` until the content
      changes: every page of a list would otherwise count the whole table.
    - A page first finds its rows' ids from the index alone (OFFSET walks the
      index, not the table), then reads those few rows.
    """

    def __init__(self, *args, count_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        return cached_by_content(self.count_key, self.object_list.count)

    def _get_page(self, object_list, *args, **kwargs):
        ids = list(object_list.values_list("pk", flat=True))
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids).order_by()}
        return super()._get_page([rows[pk] for pk in ids if pk in rows], *args, **kwargs)
