import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from alliance_site.page_cache import bump_content_version

from . import workers
from .demo_snapshot import DemoSnapshot

# `make test` and CI (HYPOTHESIS_PROFILE=ci): the same examples on every run and every
# machine, so that a red run is red again when repeated; without it each run tries new
# ones and keeps the failures it found in .hypothesis/.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Fixtures whose test commits its writes and flushes the database at the end.
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache, whichever backend is configured."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language: a request to a /fr/ page
    leaves French active in the thread, and what is saved afterwards (the
    untranslated column behind each translated field) would depend on test order."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Passwords hashed in a blink: tests that log in many times stay quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker):
    """The demo content, built once per run (see demo_snapshot.py)."""
    with django_db_blocker.unblock():
        return DemoSnapshot.build()


@pytest.fixture
def temporary_folders(settings, tmp_path):
    """Uploads of a test go to its own folders, never to the project's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def demo_content(request, _demo_snapshot, db):
    """The site with the demo content, as `load_demo_content` leaves it."""
    if TRANSACTIONAL_FIXTURES.intersection(request.fixturenames):
        _demo_snapshot.restore_committed()
    else:
        _demo_snapshot.restore()
    bump_content_version()


def pytest_xdist_setupnodes(config, specs):
    """Each worker of a parallel run starts with a Redis database of its own (workers.py)."""
    for number, spec in enumerate(specs):
        spec.env.update(workers.environment(number))


def pytest_terminal_summary(terminalreporter):
    """Say loudly, with the summary, which tests did not run for lack of a tool.

    (Before pytest's own closing lines, which CI reads to count the tests.)
    """
    from .external_tools import MISSING_TOOL

    reasons = {}
    for report in terminalreporter.stats.get("skipped", []):
        if isinstance(report.longrepr, tuple) and MISSING_TOOL in report.longrepr[2]:
            reason = report.longrepr[2].removeprefix("Skipped: ")
            reasons[reason] = reasons.get(reason, 0) + 1
    if reasons:
        terminalreporter.section("TESTS NOT RUN: A TOOL IS MISSING", sep="!", red=True, bold=True)
        for reason, count in reasons.items():
            terminalreporter.write_line(f"{count} skipped, {reason}", red=True, bold=True)
