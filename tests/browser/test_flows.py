"""What visitors and staff do, end to end, in a real browser.

Flows through features that live in other apps run as soon as the URL names
they use exist; until then they are skipped with the reason.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from pages.models import SiteSettings
from practices.models import Theme

from .public_pages import needs_urls


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


# Possible with what every branch has.


def test_switching_language_on_the_home_page_keeps_the_visitor_on_it(page):
    page.goto("/en/")
    page.click(".language-switcher a[hreflang=fr]")
    page.wait_for_url("**/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".main-nav a[aria-current=page]").inner_text() == "Accueil"
    page.click(".language-switcher a[hreflang=en]")
    page.wait_for_url("**/en/")
    assert page.locator(".main-nav a[aria-current=page]").inner_text() == "Home"


def test_an_editor_changes_the_contact_and_restores_it_from_the_history(admin_page):
    page = admin_page
    page.goto(url("admin:pages_sitesettings_changelist"))
    page.fill("#id_contact_name", "Ada Example")
    page.click("[name=_save]")
    page.goto("/en/")
    assert page.locator(".box--contact").get_by_text("Ada Example").count() == 1

    page.goto(url("admin:pages_sitesettings_history", object_id=1))
    page.locator("#change-history tbody tr").last.locator("a").first.click()
    page.click("[type=submit][name=_save]")
    page.goto("/fr/")
    assert page.locator(".box--contact").get_by_text("M. Tobias Mayr").count() == 1
    assert SiteSettings.load().contact_name == "Tobias Mayr"
    # The admin, its history pages included, runs under the site's
    # Content-Security-Policy without a single refusal.
    assert [p for p in page.console_problems if "Content Security Policy" in p] == []


def test_the_admin_refuses_a_guessed_password_after_a_few_tries(page, settings):
    get_user_model().objects.create_user("editor", password="the right one", is_staff=True)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        page.goto("/admin/login/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "a guess")
        page.click("[type=submit]")
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "the right one")
    with page.expect_response(re.compile(r"/admin/login/")) as answer:
        page.click("[type=submit]")
    assert answer.value.status == 429
    assert "too many login attempts" in page.content()


# Flows through the feature apps, run once they are merged.


def news_links(page, lang):
    """Links in the content to articles (not to lists, tags or feeds)."""
    prefix = url("news:list", lang)
    skip = (url("news:tag", lang, tag="x").rsplit("x", 1)[0], url("news:feed_rss", lang))
    return [
        href
        for href in page.eval_on_selector_all(
            "main a[href]", "a => a.map(e => e.getAttribute('href'))"
        )
        if href.startswith(prefix) and href.split("?")[0] != prefix and not href.startswith(skip)
    ]


@needs_urls("news:list", "news:detail", "news:tag", "news:feed_rss")
def test_from_the_home_page_to_an_article_its_tag_and_the_feed(page):
    page.goto("/en/")
    article = news_links(page, "en")[0]
    page.click(f"main a[href='{article}']")
    page.wait_for_url(f"**{article}")
    assert page.locator("h1").count() == 1
    tag_prefix = url("news:tag", tag="x").rsplit("x", 1)[0]
    tag_link = page.locator(f"main a[href^='{tag_prefix}']").first
    tag_name = tag_link.inner_text().strip()
    tag_link.click()
    page.wait_for_url(f"**{tag_prefix}**")
    assert tag_name.lower() in page.locator("h1").inner_text().lower()
    assert page.locator(f"main a[href='{article}']").count() >= 1
    feed = page.locator(
        "link[rel=alternate][type='application/rss+xml'], a[type='application/rss+xml']"
    ).first.get_attribute("href")
    response = page.request.get(feed)
    assert response.status == 200
    assert "xml" in response.headers["content-type"]
    assert "<item>" in response.text()


@needs_urls("news:list", "news:detail")
def test_switching_language_on_an_article_lands_on_the_same_article(page):
    page.goto("/en/")
    article = news_links(page, "en")[0]
    page.goto(article)
    page.click(".language-switcher a[hreflang=fr]")
    page.wait_for_load_state()
    assert page.url.endswith(article.replace("/en/", "/fr/", 1))
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").count() == 1


# What the join form's required fields get, by field name.
JOIN_ANSWERS = {
    "authority_name": "Municipality of Exampleville",
    "kind": "city",
    "country": "FR",
    "address": "1 Place de l'Exemple\n67000 Strasbourg",
    "website": "https://www.example.org",
    "contact_name": "Ada Example",
    "contact_position": "Deputy Mayor",
    "contact_email": "ada@example.org",
    "contact_phone": "+33 3 88 00 00 00",
    "motivation": "We run a Roma mediation programme and want to share it.",
}
JOIN_BOXES = ["commitment", "consent"]


def fill_join_form(page, answers, boxes):
    for name, value in answers.items():
        field = page.locator(f"main form [name={name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    for name in boxes:
        page.check(f"main form [name={name}]")


@pytest.fixture
def quick_forms(monkeypatch):
    """Let a test send a form sooner than a person could fill it in."""
    monkeypatch.setattr("submissions.forms.SubmissionForm.MIN_SECONDS", 0, raising=False)


@needs_urls("submissions:join")
def test_join_form_error_then_correction_then_thanks(page, quick_forms):
    page.goto(url("submissions:join"))
    answers = dict(JOIN_ANSWERS, contact_email="not an address")
    fill_join_form(page, answers, JOIN_BOXES)
    page.click("main form [type=submit]")
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.count() == 1
    assert (
        page.locator("main form [name=authority_name]").input_value()
        == (JOIN_ANSWERS["authority_name"])
    )
    # The summary links to the field in error.
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.name") == "contact_email"
    page.fill("main form [name=contact_email]", JOIN_ANSWERS["contact_email"])
    for name in JOIN_BOXES:
        page.check(f"main form [name={name}]")
    page.click("main form [type=submit]")
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 0
    assert page.locator("h1").count() == 1
    # A new page: the thank-you page, not the form again.
    assert urlsplit(page.url).path != url("submissions:join")
    assert page.locator("main form [name=authority_name]").count() == 0


@needs_urls("submissions:join", "participants:map")
def test_an_approved_join_request_puts_the_authority_on_the_map(admin_page, quick_forms):
    page = admin_page
    page.goto(url("submissions:join"))
    fill_join_form(page, JOIN_ANSWERS, JOIN_BOXES)
    page.click("main form [type=submit]")
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 0

    page.goto(url("admin:submissions_submission_changelist"))
    row = page.locator("#result_list tr", has_text=JOIN_ANSWERS["authority_name"])
    row.locator("input[name=_selected_action]").check()
    page.select_option("select[name=action]", "approve_published")
    page.click("button[name=index], input[name=index]")
    page.wait_for_load_state()
    assert page.locator(".messagelist .success, .messagelist .info").count() >= 1

    page.goto(url("participants:map"))
    assert page.get_by_text(JOIN_ANSWERS["authority_name"]).count() >= 1


@needs_urls("submissions:practice", "practices:list")
def test_a_proposed_practice_is_published_once_staff_approve_it(admin_page, quick_forms):
    # The live server's database is emptied after each test, the themes that
    # the migrations create included.
    Theme.objects.get_or_create(
        slug="education", defaults={"name_en": "Education", "name_fr": "Éducation"}
    )
    page = admin_page
    page.goto(url("practices:list", "fr"))
    page.get_by_role("link", name="Proposer une bonne pratique").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == url("submissions:practice", "fr")
    for name, value in {
        "title": "Club de devoirs du quartier",
        "summary": "Des bénévoles aident les élèves trois après-midi par semaine.",
        "place": "Comté d'exemple",
        "year": "2018",
        "contact_name": "Marta Example",
        "contact_organisation": "Example Volunteers",
        "contact_email": "marta@example.org",
    }.items():
        page.fill(f"main form [name={name}]", value)
    page.select_option("main form [name=country]", "SK")
    page.get_by_label("Éducation").check()
    page.get_by_label("Prometteuse").check()
    page.check("main form [name=consent]")
    page.click("main form [type=submit]")
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 0
    assert page.locator("h1").inner_text() == "Merci d’avoir proposé une bonne pratique"

    page.goto(url("admin:submissions_submission_changelist"))
    page.get_by_role("link", name="Club de devoirs du quartier").click()
    page.get_by_role("button", name="Approve and publish").click()
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1

    page.goto(url("practices:list", "fr"))
    page.get_by_role("link", name="Club de devoirs du quartier").click()
    assert page.locator("h1").inner_text() == "Club de devoirs du quartier"
    assert "Marta Example" not in page.content()
