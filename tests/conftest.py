import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


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


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


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
