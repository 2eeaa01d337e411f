"""What each process of a parallel run (pytest-xdist, `make test`) keeps to itself.

pytest-django gives every worker a test database of its own (`test_<name>_gw0`,
`test_<name>_gw1`...). The rest is done here:
- a Redis cache: a database number of its own, counted from the one CACHE_URL names
  (redis://127.0.0.1:6379/1 gives workers 1, 2...), since tests empty the cache; it is
  set in the worker's environment before it starts, so that the servers a test starts
  use it too (tests/conftest.py, pytest_xdist_setupnodes);
- the ports of the servers the live tests start (NUMBER, read by those tests; their
  PostgreSQL database is named after their process).
Without xdist the run is worker 0, with the numbers as they were.
"""

import os
import re

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
NUMBER = int(WORKER.removeprefix("gw") or 0)


def own_redis_database(url, number):
    """The Redis URL with the database number of worker `number` (the URL's own for 0)."""
    match = re.fullmatch(r"(rediss?://[^/?#]+)(?:/(\d*))?(.*)", url)
    if match is None or number == 0:
        return url
    base, database, rest = match.groups()
    return f"{base}/{int(database or 0) + number}{rest}"


def environment(number):
    """The environment variables that worker `number` takes instead of this process's."""
    url = os.environ.get("CACHE_URL", "")
    if url.startswith(("redis://", "rediss://")):
        return {"CACHE_URL": own_redis_database(url, number)}
    return {}
