"""The news pages cost the same number of queries at 10 and at 1,000 articles."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article, Tag
from pages.models import SiteSettings

from ..news_helpers import bulk_articles

# Chrome: the menu's pages, the sidebar's site settings and the participant
# counter. News: the ids of the articles shown, from the index, then the rows
# and tags of those whose entries are not rendered yet (news/pagination.py);
# lists add the count for the pager, the tags of the filters and their years
# (two: the first and last dates, then which years between have one); an
# article adds its documents, its two neighbours and the participants it names; a
# feed, its freshness.
# Every page rendered afresh after a change also asks for the next scheduled
# publication once (page_cache.on_schedule): one query per content version.
BUDGETS = {
    # The front door also reads the figures, the map's spots, the next events and the
    # mission: four queries whatever the number of articles.
    "/en/": 11,
    "/fr/": 11,
    "/en/news/": 11,
    "/fr/news/?page=1": 11,
    "/en/news/?tag=housing&year={year}": 11,
    "/en/news/tag/housing/": 9,
    "/en/news/bulk-article-5/": 10,
    "/en/news/feed/rss/": 4,
    "/fr/news/feed/atom/?tag=housing": 5,
}


def count_queries(client, path):
    cache.clear()  # the budget is for a page rendered afresh, not a page-cache hit
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


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_deep_list_page_reads_its_rows_in_order_and_counts_once(client, lang):
    SiteSettings.load()
    bulk_articles(35)
    first = [a.pk for a in Article.objects.published()]
    response = client.get(f"/{lang}/news/?page=3")
    assert [a.pk for a in response.context["articles"]] == first[20:30]
    # Another page of the same list: the count comes from the cache.
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/{lang}/news/?page=4")
    counts = [q for q in queries if q["sql"].startswith('SELECT COUNT(*) AS "__count"')]
    assert not [q for q in counts if '"news_article"' in q["sql"]]
    assert client.get(f"/{lang}/news/?page=5").status_code == 404


@pytest.mark.django_db
def test_the_year_filter_offers_the_local_years_of_published_articles_only():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from news.models import published_years

    from ..news_helpers import make_article

    paris = ZoneInfo("Europe/Paris")
    assert published_years() == []
    # Just before and just after midnight on New Year's Eve, in Strasbourg's time
    # (the second is still 2019 in UTC).
    make_article("Late", published_at=datetime(2019, 12, 31, 23, 30, tzinfo=paris))
    make_article("Early", published_at=datetime(2020, 1, 1, 0, 30, tzinfo=paris))
    make_article("Older", published_at=datetime(2016, 6, 1, tzinfo=paris))  # 2017-2018: none
    make_article("Draft", published_at=datetime(2014, 6, 1, tzinfo=paris), is_published=False)
    make_article("Scheduled", days_ago=-400)
    assert published_years() == [2020, 2019, 2016]
    make_article("Today", days_ago=0)
    assert published_years() == [timezone.localtime().year, 2020, 2019, 2016]
