"""A scheduled article reaches every page and feed that lists it at its time,
with no one saving anything, while the page cache serves everything else."""

import os
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..news_helpers import make_article

PUBLICATION = datetime(2031, 5, 6, 8, 30, tzinfo=UTC)
TITLE = "Mayors meet in Strasbourg on Roma inclusion"
PAGES = [
    "/en/",
    "/en/news/",
    "/en/news/tag/roma-day/",
    "/en/news/feed/rss/",
    "/en/news/feed/atom/",
    "/fr/news/",
]


@pytest.fixture(params=["file", "redis"])
def shared_cache(request, settings, tmp_path):
    """The page cache on each shared backend that production may use."""
    if request.param == "file":
        location = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    else:
        url = os.environ.get("CACHE_URL", "")
        if not url.startswith("redis"):
            pytest.skip("the cache is not Redis (CACHE_URL=redis://... runs this)")
        location = {"BACKEND": "alliance_site.cache.ReusedClientRedisCache", "LOCATION": url}
    settings.CACHES = {
        "default": {**location, "KEY_PREFIX": f"on-time-{os.getpid()}-{request.param}"}
    }
    from django.core.cache import cache

    cache.clear()
    yield request.param
    cache.clear()


def fetch_all(client):
    """Each page's body, and whether every one came from the page cache."""
    bodies, hits = {}, []
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        bodies[path] = response.content.decode()
        hits.append(response["X-Page-Cache"] == "hit")
    return bodies, all(hits)


@pytest.mark.django_db
def test_a_scheduled_article_appears_everywhere_at_its_time(client, shared_cache):
    with time_machine.travel(PUBLICATION - timedelta(minutes=5), tick=False):
        make_article("Roma Day in the cities", tags=["Roma Day"])
        make_article(TITLE, published_at=PUBLICATION, tags=["Roma Day"])
        fetch_all(client)  # the first page also creates the site settings' record
        before, _ = fetch_all(client)
        assert not any(TITLE in body for body in before.values())
        # Served again from the cache, without a query.
        with CaptureQueriesContext(connection) as queries:
            _, all_hits = fetch_all(client)
        assert all_hits and len(queries) == 0

    with time_machine.travel(PUBLICATION - timedelta(seconds=1), tick=False):
        with CaptureQueriesContext(connection) as queries:
            almost, all_hits = fetch_all(client)
        assert all_hits and len(queries) == 0
        assert not any(TITLE in body for body in almost.values())

    with time_machine.travel(PUBLICATION + timedelta(minutes=1), tick=False):
        after, all_hits = fetch_all(client)
        assert not all_hits
        missing = [path for path, body in after.items() if TITLE not in body]
        assert missing == []
        # And then cached again, until the next change.
        with CaptureQueriesContext(connection) as queries:
            again, all_hits = fetch_all(client)
        assert all_hits and len(queries) == 0
        assert again == after


@pytest.mark.django_db
def test_an_event_moves_to_the_past_at_midnight_after_its_last_day(client, shared_cache):
    late_evening = datetime(2031, 3, 10, 22, 55, tzinfo=UTC)  # 23:55 in Paris
    with time_machine.travel(late_evening, tick=False):
        make_article(
            "Seminar in Ghent", event_start=date(2031, 3, 10), event_country="BE", days_ago=5
        )
        client.get("/")
        agenda = client.get("/en/events/").content.decode()
        assert agenda.index("Upcoming events") < agenda.index("Seminar in Ghent")
        assert "Past events" not in agenda
        assert client.get("/en/events/")["X-Page-Cache"] == "hit"
    # Midnight in Paris, 11 March: 23:00 UTC on the 10th.
    with time_machine.travel(datetime(2031, 3, 10, 23, 0, 30, tzinfo=UTC), tick=False):
        response = client.get("/en/events/")
        assert response["X-Page-Cache"] == "miss"
        agenda = response.content.decode()
        assert "Upcoming events" not in agenda
        assert agenda.index("Past events") < agenda.index("Seminar in Ghent")
