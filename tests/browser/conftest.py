"""A real browser for the tests in this folder: Debian's Chromium driven by Playwright.

The site runs in a live server thread with the demo content; each test gets a
fresh browser context (no cookies) and a page that records what the browser
complains about on its console (a Content-Security-Policy violation, a
missing file, a script error).
"""

import os

import pytest

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
    """The live site's base URL, with the demo content loaded."""
    return live_server.url


@pytest.fixture
def page(browser, site):
    context = browser.new_context(base_url=site, locale="en-GB")
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
    yield page
    context.close()


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
def phone(browser, site):
    """A phone-sized page with JavaScript off: the menu must work without it."""
    context = browser.new_context(base_url=site, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
