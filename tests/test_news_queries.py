"""The news pages cost the same number of queries at 10 and at 1,000 articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from pages.models import SiteSettings

from .news_helpers import bulk_articles

# Chrome: the menu's pages, the sidebar's site settings and the participant
# counter. News: the articles and
# their tags; lists add the count for the pager, the years and the tags of
# the filters; an article adds its documents and its two neighbours; a feed,
# its freshness.
BUDGETS = {
    "/en/": 5,
    "/fr/": 5,
    "/en/news/": 8,
    "/fr/news/?page=1": 8,
    "/en/news/?tag=housing&year={year}": 8,
    "/en/news/tag/housing/": 7,
    "/en/news/bulk-article-5/": 8,
    "/en/news/feed/rss/": 4,
    "/fr/news/feed/atom/?tag=housing": 5,
}


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("template", BUDGETS)
def test_query_count_does_not_grow_with_the_number_of_articles(
    client, template, django_assert_max_num_queries
):
    SiteSettings.load()  # made on first use; every later page reads it once
    tag = Tag.objects.create(name="Housing")
    path = template.format(year=timezone.localtime().year)
    budget = BUDGETS[template]

    bulk_articles(10, tag=tag, with_images=True)
    with django_assert_max_num_queries(budget):
        at_ten = count_queries(client, path)

    bulk_articles(990, start=10, tag=tag, with_images=True)
    with django_assert_max_num_queries(budget):
        at_a_thousand = count_queries(client, path)

    assert at_ten == at_a_thousand
