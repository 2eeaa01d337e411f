"""A real browser for the tests in this folder: Debian's Chromium driven by Playwright.

The site runs in a live server thread with the demo content; each test gets a
fresh browser context (no cookies) and a page that records what the browser
complains about on its console (a Content-Security-Policy violation, a
missing file, a script error).

A test that only reads the site (`reader`, `phone`, `shared_site`) is served by
one live site per test process, its demo content committed once. A test that
writes (submits a form, logs in: `page`, `admin_page`, `site`) gets a site of
its own, emptied after it. pytest-django runs the readers last, as tests that
ask for no database: by then every test that writes has run.
"""

import os

import pytest
from pytest_django.live_server_helper import LiveServer

from ..external_tools import CHROMIUM_FLAGS, require_chromium

# Playwright's synchronous API runs an event loop in this thread; the Django
# ORM calls the tests make around it are synchronous all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The screen of the phone tests (test_mobile.py, test_directory.py).
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="session")
def browser():
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db, demo_content):
    """The live site's base URL, with the demo content loaded, for this test alone."""
    return live_server.url


@pytest.fixture(scope="session")
def shared_site(django_db_setup, django_db_blocker, _demo_snapshot):
    """The base URL of a live site with the demo content, for the tests that only read.

    The database stays open to this process from here on: the tests after the
    readers are those that use no database."""
    with django_db_blocker.unblock():
        _demo_snapshot.restore_committed()
        server = LiveServer("localhost")
        yield server.url
        server.stop()


def new_page(browser, base_url, **options):
    """A page in a fresh browser context that records the console's complaints."""
    context = browser.new_context(base_url=base_url, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.console_problems = []
    page.on(
        "console",
        lambda message: (
            message.type in ("error", "warning")
            and page.console_problems.append(f"{message.type}: {message.text}")
        ),
    )
    page.on("pageerror", lambda error: page.console_problems.append(f"script: {error}"))
    return page


@pytest.fixture
def page(browser, site):
    page = new_page(browser, site, locale="en-GB")
    yield page
    page.context.close()


@pytest.fixture
def reader(browser, shared_site):
    """A page on the shared site, for a test that only reads."""
    page = new_page(browser, shared_site, locale="en-GB")
    yield page
    page.context.close()


@pytest.fixture
def admin_page(page, django_user_model):
    """The page, logged in to the admin as a superuser through the login form."""
    django_user_model.objects.create_superuser("chief", "chief@example.org", "a long passphrase")
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "a long passphrase")
    page.click("[type=submit]")
    page.wait_for_url("**/admin/")
    return page


@pytest.fixture
def phone(browser, shared_site):
    """A phone-sized page on the shared site with JavaScript off: the menu must work
    without it."""
    page = new_page(browser, shared_site, viewport=PHONE, java_script_enabled=False)
    yield page
    page.context.close()
