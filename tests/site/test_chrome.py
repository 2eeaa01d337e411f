"""The menu, sidebar and footer are rendered once and follow every change."""

import re

import pytest

from pages.models import Page, SiteSettings

LANGUAGES = ["en", "fr"]
CHROME = {"includes/nav.html", "includes/sidebar.html", "includes/footer.html"}


def rendered(response):
    return {template.name for template in response.templates}


def current_links(response):
    """The menu's links marked as the current page or section."""
    nav = response.content.decode().split('<nav class="main-nav"')[1].split("</nav>")[0]
    return re.findall(r'<a href="([^"]+)" aria-current="page">', nav)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_another_page_of_a_section_reuses_the_rendered_chrome(client, demo_content, lang):
    first = client.get(f"/{lang}/news/")
    assert CHROME <= rendered(first)
    again = client.get(f"/{lang}/news/?page=1")
    assert again["X-Page-Cache"] == "miss"
    assert not CHROME & rendered(again)
    assert current_links(again) == current_links(first) == [f"/{lang}/news/"]
    # The footer and sidebar are the same on pages that show the same boxes; the
    # menu marks another place.
    other = client.get(f"/{lang}/resources/")
    assert rendered(other) & CHROME == {"includes/nav.html"}
    assert current_links(other) == [f"/{lang}/resources/"]
    assert '<footer class="site-footer">' in other.content.decode()
    assert '<aside class="sidebar"' in other.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_marks_the_menu_page_shown(client, demo_content, lang):
    pages = [page.get_absolute_url() for page in Page.objects.in_navigation()][:2]
    with_lang = [f"/{lang}{url[3:]}" for url in pages]
    assert len(with_lang) == 2
    for url in with_lang:
        assert current_links(client.get(url)) == [url]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_staff_changes_reach_the_chrome_at_once(client, demo_content, lang):
    client.get(f"/{lang}/news/")
    page = Page.objects.in_navigation().first()
    page.title_en = page.title_fr = "Renamed by staff"
    page.save()
    settings = SiteSettings.load()
    settings.mission_en = settings.mission_fr = "A mission rewritten by staff."
    settings.save()
    settings.contact_name = "Ms Staff Renamed"
    settings.save()
    content = client.get(f"/{lang}/news/?page=1").content.decode()
    assert "Renamed by staff</a>" in content
    assert "Ms Staff Renamed" in content
    assert "A mission rewritten by staff." in client.get(f"/{lang}/").content.decode()
