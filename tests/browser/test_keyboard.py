"""Keyboard-only use: the skip link, the menus and forms, with a visible focus."""

import pytest

from .public_pages import LANGUAGES, needs_urls

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    className: el.className,
    href: el.getAttribute('href'),
    name: el.getAttribute('name') || el.textContent.trim(),
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
}"""


def tab_through(page, limit=300):
    """Press Tab from the top of the page until the focus leaves it; what was focused, in order."""
    seen = []
    for _press in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body" or (seen and focused == seen[0]):
            break
        seen.append(focused)
    return seen


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_skip_link_comes_first_and_moves_the_focus_to_the_content(page, lang):
    page.goto(f"/{lang}/")
    assert page.locator(".skip-link").bounding_box()["y"] < 0  # hidden until focused
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert "skip-link" in first["className"]
    assert first["visible"] and first["outline"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("#main")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_of_the_menus_is_reached_by_tab_with_a_visible_focus(page, lang):
    page.goto(f"/{lang}/")
    menu_links = page.eval_on_selector_all(
        ".main-nav a, .language-switcher a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(menu_links) >= 3
    focused = tab_through(page)
    reached = [f["href"] for f in focused]
    for href in menu_links:
        assert href in reached, f"{href} is not reachable with Tab"
    hidden = [f for f in focused if not (f["visible"] and f["outline"])]
    assert hidden == [], "focus not visible on these elements"


@pytest.mark.parametrize(
    "form",
    [
        pytest.param(name, marks=needs_urls(name), id=name)
        for name in ("submissions:join", "submissions:practice")
    ],
)
def test_a_form_is_usable_with_the_keyboard_alone(page, form):
    from django.urls import reverse

    page.goto(reverse(form))
    fields = page.eval_on_selector_all(
        "main form input:not([type=hidden]):not([tabindex='-1']), main form select, "
        "main form textarea, main form button",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.name || e.textContent.trim())",
    )
    focused = tab_through(page)
    reached = {f["name"] for f in focused}
    assert set(fields) <= reached, f"not reachable with Tab: {set(fields) - reached}"
    assert all(f["outline"] for f in focused if f["tag"] in ("input", "select", "textarea"))
    # Sending the empty form from the keyboard shows the errors, not a new page.
    page.focus("main form [type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error-summary").count() == 1
