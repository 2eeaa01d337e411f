"""The participants directory on a phone, with JavaScript off: the filters fold into one
control before the list, and choosing a country and a kind narrows the list."""

import pytest

from .conftest import PHONE


@pytest.mark.parametrize(
    ("lang", "summary", "button", "shown"),
    [
        ("en", "Search and filter the participants", "Show participants", "4 participants shown"),
        (
            "fr",
            "Chercher et filtrer les participants",
            "Afficher les participants",
            "4 participants affichés",
        ),
    ],
)
def test_a_visitor_filters_the_directory_on_a_phone_without_javascript(
    phone, lang, summary, button, shown
):
    phone.goto(f"/{lang}/participants/")
    country = phone.locator("select[name=country]")
    assert not country.is_visible(), "the filters are folded: the list comes first"
    toggle = phone.locator("details.directory-filters > summary")
    assert toggle.inner_text() == summary
    toggle.focus()
    phone.keyboard.press("Enter")
    assert country.is_visible()
    country.select_option("fr")
    phone.locator("select[name=kind]").select_option("city")
    phone.get_by_role("button", name=button).click()
    assert phone.url.endswith("?q=&country=fr&kind=city&year=&signed=")
    assert phone.locator(".results-count").inner_text().startswith(shown)
    names = phone.locator(".participant-list > li > a").all_inner_texts()
    assert sorted(names) == ["Aubervilliers", "Lille", "Lyon", "Strasbourg"]
    # Nothing wider than the phone: the chart and its table fit or scroll in their box.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    chart = phone.locator(".growth-chart svg").bounding_box()
    assert chart["width"] <= PHONE["width"]
