"""The maps in a real browser: on a phone (375 px) and a wide screen, every link on
them is a target of at least 24 x 24 CSS px, no two markers overlap, and the
keyboard reaches every one of them with its name, without JavaScript."""

import math

import pytest

from .conftest import new_page
from .public_pages import LANGUAGES

PAGES = ["/{lang}/participants/map/", "/{lang}/countries/fr/", "/{lang}/countries/gr/"]
WIDTHS = [375, 1280]

# The links of the map that are shown (the other layout is display: none), with
# their box and, for a marker, the centre and radius of its target on screen.
VISIBLE_LINKS = """
root => [...root.querySelectorAll('a')].filter(a => a.getClientRects().length).map(a => {
  const box = a.getBoundingClientRect();
  const target = a.querySelector('circle.site-map__target');
  const circle = target && target.getBoundingClientRect();
  return {
    href: a.getAttribute('href'), name: a.getAttribute('aria-label'),
    width: box.width, height: box.height,
    centre: circle && [circle.x + circle.width / 2, circle.y + circle.height / 2],
    diameter: circle && circle.width,
  };
})
"""


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def screen(request, browser, shared_site):
    page = new_page(
        browser,
        shared_site,
        viewport={"width": request.param, "height": 900},
        java_script_enabled=False,
    )
    yield page
    page.context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_every_map_target_is_at_least_24_px_and_no_two_markers_overlap(screen, lang, path):
    screen.goto(path.format(lang=lang))
    links = screen.locator("figure.site-map svg").evaluate(VISIBLE_LINKS)
    assert links
    for link in links:
        assert link["width"] >= 24 and link["height"] >= 24, link
    markers = [link for link in links if link["centre"]]
    for i, a in enumerate(markers):
        for b in markers[i + 1 :]:
            assert math.dist(a["centre"], b["centre"]) >= (a["diameter"] + b["diameter"]) / 2, (
                a,
                b,
            )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES[:2])
def test_the_keyboard_reaches_every_map_link_with_its_name(screen, lang, path):
    screen.goto(path.format(lang=lang))
    links = screen.locator("figure.site-map svg").evaluate(VISIBLE_LINKS)
    expected = sorted((link["href"], link["name"]) for link in links)
    reached = []
    for _press in range(200):
        screen.keyboard.press("Tab")
        focused = screen.evaluate(
            "() => { const a = document.activeElement;"
            " return a && a.closest('figure.site-map') ?"
            " [a.getAttribute('href'), a.getAttribute('aria-label'),"
            "  a.getClientRects().length > 0] : null; }"
        )
        if focused:
            assert focused[2], f"{focused[0]} is focused but not shown"
            reached.append((focused[0], focused[1]))
        elif reached:
            break  # past the map
    assert sorted(reached) == expected
    assert all(name for _href, name in reached)
    if path.endswith("map/"):
        # A country's outline is among them on a wide screen; its count marker on a phone.
        assert any(href == f"/{lang}/countries/fr/" for href, _name in reached)
