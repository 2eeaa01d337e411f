"""On a phone the content comes first, and the menu opens from one button,
with the keyboard and without JavaScript."""

import pytest

from .conftest import PHONE, new_page
from .public_pages import LANGUAGES, PUBLIC_PAGE_TYPES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_heading_starts_in_the_first_third_of_a_phone_screen_on_every_page(phone, lang):
    for page_type in PUBLIC_PAGE_TYPES:
        if page_type.missing():
            continue
        phone.goto(page_type.path(lang))
        box = phone.locator("h1").bounding_box()
        assert box["y"] < 0.3 * PHONE["height"], f"{page_type.name}: <h1> at {box['y']} px"
        name = phone.locator(".site-name__title").bounding_box()
        line = float(
            phone.locator(".site-name__title").evaluate("e => getComputedStyle(e).lineHeight")[:-2]
        )
        assert name["height"] <= 2 * line + 1, f"{page_type.name}: the site's name wraps thrice"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_opens_and_closes_with_the_keyboard_without_javascript(phone, lang):
    phone.goto(f"/{lang}/")
    button = phone.locator("summary.site-menu__button")
    participants = phone.locator(".main-nav a[href$='/participants/']")
    search = phone.locator("#header-search")
    assert button.is_visible() and not participants.is_visible()
    button.focus()
    phone.keyboard.press("Enter")
    assert participants.is_visible() and search.is_visible()
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.closest('.main-nav') !== null")
    button.focus()
    phone.keyboard.press("Space")
    assert not participants.is_visible()
    # It says what it is to a screen reader: a disclosure button named "Menu".
    assert phone.locator("details.site-menu").get_attribute("open") is None


def test_the_menu_is_open_on_a_wide_screen(browser, shared_site):
    page = new_page(browser, shared_site, viewport={"width": 1280, "height": 900})
    page.goto("/fr/")
    assert not page.locator("summary.site-menu__button").is_visible()
    assert page.locator(".main-nav a[href='/fr/dosta-prize/']").is_visible()
    assert page.locator("#header-search").is_visible()
    page.context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_on_a_phone_is_half_as_tall_as_it_was(phone, lang):
    # Measured before the front door was rebuilt: 6,267 px in English, 6,788 in French.
    before = {"en": 6267, "fr": 6788}[lang]
    phone.goto(f"/{lang}/")
    assert phone.evaluate("document.documentElement.scrollHeight") <= before / 2
