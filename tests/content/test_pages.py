import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from pages.context_processors import navigation
from pages.models import Page

from ..pages_helpers import assert_public_page


def nav_links(response):
    """(text, href) of every link in the main menu."""
    nav = re.search(r'<nav class="main-nav".*?</nav>', response.content.decode(), re.S).group()
    return [(text, href) for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)]


@pytest.fixture
def staff_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def make_page(title, **fields):
    fields.setdefault("is_published", True)
    fields.setdefault("body_en", f"<p>About {title}.</p>")
    return Page.objects.create(title_en=title, **fields)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", ["about-us", "romact", "contact", "privacy", "accessibility"])
def test_demo_pages_are_public_pages(client, demo_content, lang, path):
    assert_public_page(client, f"/{lang}/{path}/", lang)


@pytest.mark.django_db
def test_page_created_in_the_admin_appears_in_the_menu_in_both_languages(staff_client):
    response = staff_client.post(
        "/admin/pages/page/add/",
        {
            "title_en": "Working groups",
            "title_fr": "",
            "summary_en": "",
            "summary_fr": "",
            "body_en": "<p>Our working groups.</p>",
            "body_fr": "",
            "slug": "",
            "parent": "",
            "order": "5",
            "show_in_navigation": "on",
            "is_published": "on",
            "legacy_id": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    staff_client.logout()
    english = staff_client.get("/en/")
    french = staff_client.get("/fr/")
    assert ("Working groups", "/en/working-groups/") in nav_links(english)
    # No French title yet: the English one stands in, the address is the French one.
    assert ("Working groups", "/fr/working-groups/") in nav_links(french)
    page = assert_public_page(staff_client, "/fr/working-groups/", "fr")
    assert "Our working groups." in page.content.decode()


@pytest.mark.django_db
def test_menu_follows_the_order_staff_give_and_shows_the_french_title(client):
    make_page("Second", order=2, show_in_navigation=True, title_fr="Deuxième")
    make_page("First", order=1, show_in_navigation=True)
    make_page("Hidden", order=0, show_in_navigation=False)
    make_page("Draft", order=0, show_in_navigation=True, is_published=False)
    pages = [text for text, href in nav_links(client.get("/fr/")) if href.count("/") == 3]
    assert pages[-2:] == ["First", "Deuxième"]
    assert "Hidden" not in pages and "Draft" not in pages


@pytest.mark.django_db
def test_menu_is_one_query_whatever_the_number_of_pages(
    client, rf, django_assert_num_queries, django_assert_max_num_queries
):
    for size in (10, 1000):
        Page.objects.all().delete()
        Page.objects.bulk_create(
            Page(
                title_en=f"P{i}",
                slug=f"p{i}",
                path=f"p{i}",
                body_en="<p>x</p>",
                is_published=True,
                show_in_navigation=i < 5,
            )
            for i in range(size)
        )
        # The menu, and the next scheduled change (once per content version).
        with django_assert_max_num_queries(2):
            assert len(list(navigation(rf.get("/en/"))["navigation_pages"])) == 5
        client.get("/en/p1/")  # creates the site settings once
        with django_assert_max_num_queries(7):
            response = client.get("/en/p1/")
        assert [href for _text, href in nav_links(response) if re.match(r"/en/p\d+/", href)] == [
            f"/en/p{i}/" for i in range(5)
        ]


@pytest.mark.django_db
def test_subpage_lives_under_its_parent_and_follows_it(client):
    parent = make_page("Network")
    child = make_page("Greece", parent=parent)
    with translation.override("en"):
        assert child.get_absolute_url() == "/en/network/greece/"
    response = client.get("/en/network/greece/")
    assert response.status_code == 200
    assert 'href="/en/network/"' in response.content.decode()  # the breadcrumb
    assert 'href="/en/network/greece/"' in client.get("/en/network/").content.decode()
    parent.slug = "networks"
    parent.save()
    assert client.get("/en/networks/greece/").status_code == 200
    assert client.get("/en/network/greece/").status_code == 404


@pytest.mark.django_db
def test_draft_is_hidden_from_visitors_and_shown_uncached_to_staff(client, staff_client):
    make_page("Plans", is_published=False)
    staff_response = staff_client.get("/en/plans/")
    assert staff_response.status_code == 200
    assert "no-cache" in staff_response["Cache-Control"]
    staff_client.logout()
    assert client.get("/en/plans/").status_code == 404


@pytest.mark.django_db
def test_body_is_sanitised_when_saved():
    page = make_page("Unsafe", body_en='<p onclick="x()">Hi<script>alert(1)</script></p>')
    page.refresh_from_db()
    assert page.body_en == "<p>Hi</p>"


@pytest.mark.django_db
def test_admin_refuses_an_address_that_belongs_to_another_section(staff_client):
    response = staff_client.post(
        "/admin/pages/page/add/",
        {"title_en": "Administration", "body_en": "<p>x</p>", "slug": "admin", "order": "0"},
    )
    # /en/admin/ is not another section; a page may take it.
    assert response.status_code == 302
    response = staff_client.post(
        "/admin/pages/page/add/",
        {"title_en": "Documents", "body_en": "<p>x</p>", "slug": "resources", "order": "0"},
    )
    assert response.status_code == 200
    assert "already used by another part of the site" in response.content.decode()


@pytest.mark.django_db
def test_page_has_its_own_description_and_link_preview(client, demo_content):
    html = client.get("/fr/romact/").content.decode()
    assert '<meta name="description" content="ROMACT, programme conjoint' in html
    assert '<meta property="og:title" content="ROMACT">' in html
    assert '<link rel="canonical" href="http://testserver/fr/romact/">' in html


@pytest.mark.django_db
def test_footer_leads_to_the_privacy_notice_and_accessibility_statement(client, demo_content):
    html = client.get("/fr/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/fr/privacy/">Protection des données</a>' in footer
    assert '<a href="/fr/accessibility/">Accessibilité</a>' in footer
    assert client.get("/fr/privacy/").status_code == 200
