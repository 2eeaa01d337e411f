"""Every public page type, in a real browser: no accessibility violation, nothing refused."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .public_pages import LANGUAGES, PUBLIC_PAGE_TYPES

# WCAG 2.2 at levels A and AA, with the criteria each version added.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    return results.violations_count, results.generate_report()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_type", [pytest.param(p, id=p.name) for p in PUBLIC_PAGE_TYPES])
def test_public_page_has_no_accessibility_violation(reader, page_type, lang):
    page = reader
    if reason := page_type.missing():
        pytest.skip(reason)
    response = page.goto(page_type.path(lang))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    count, report = axe_violations(page)
    assert count == 0, report
    # Nothing refused by the Content-Security-Policy, no missing file, no script error.
    assert page.console_problems == []


@pytest.mark.parametrize("width", [375, 1280])
def test_the_home_page_has_no_violation_on_a_phone_or_a_desktop(reader, width):
    page = reader
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/en/")
    count, report = axe_violations(page)
    assert count == 0, report
