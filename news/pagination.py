"""Pages of the news lists that stay cheap however deep the visitor goes."""

from collections.abc import Sequence

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from alliance_site.page_cache import shared


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
    @shared("{self.count_key}")
    def count(self):
        return self.object_list.count()

    def _get_page(self, object_list, *args, **kwargs):
        return super()._get_page(ArticleRows.of(object_list), *args, **kwargs)


class ArticleRows(Sequence):
    """The articles of a list, known first by their ids alone.

    Their entries are usually rendered already (news_tags.article_items), so
    the rows, their long texts in two languages and their tags are read only
    for the entries that are not, in one query.
    """

    def __init__(self, ids, queryset):
        self.ids = ids
        self.queryset = queryset.order_by()

    @classmethod
    def of(cls, queryset):
        """The published articles of a sliced queryset, in its order: one query, on the index."""
        ids = list(queryset.values_list("pk", flat=True))
        return cls(ids, queryset.model.objects.published())

    def rows(self, ids):
        """The articles with these ids, by id, their tags with them."""
        found = self.queryset.filter(pk__in=ids).prefetch_related("tags")
        return {row.pk: row for row in found} if ids else {}

    @cached_property
    def _all(self):
        rows = self.rows(self.ids)
        return [rows[pk] for pk in self.ids if pk in rows]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        return self._all[index]
