"""Staff write rich text in the admin with the prose editor, under the site's CSP."""

import pytest
from django.urls import reverse

from news.models import Article

from .test_flows import url


def editor(page, field):
    """The editable area the prose editor puts in place of a field's textarea."""
    return page.locator(f".prose-editor:has(#id_{field}) [role=textbox]")


def write(page, field, before, bold, after):
    editor(page, field).click()
    page.keyboard.type(before)
    page.keyboard.press("Control+b")
    page.keyboard.type(bold)
    page.keyboard.press("Control+b")
    page.keyboard.type(after)


def test_an_editor_writes_an_article_body_in_both_languages(admin_page):
    page = admin_page
    page.goto(reverse("admin:news_article_add"))
    page.fill("#id_title_en", "Mayors meet in Strasbourg")
    page.fill("#id_title_fr", "Les maires se réunissent à Strasbourg")
    write(page, "body_en", "The mayors met in ", "Strasbourg", " on Monday.")
    write(page, "body_fr", "Les maires se sont réunis à ", "Strasbourg", " lundi.")
    page.click("[name=_save]")
    page.wait_for_url("**/admin/news/article/")

    article = Article.objects.get(title_en="Mayors meet in Strasbourg")
    assert article.body_en == "<p>The mayors met in <strong>Strasbourg</strong> on Monday.</p>"
    assert article.body_fr == (
        "<p>Les maires se sont réunis à <strong>Strasbourg</strong> lundi.</p>"
    )
    for lang, text in (("en", "The mayors met in"), ("fr", "Les maires se sont réunis à")):
        page.goto(url("news:detail", lang, slug=article.slug))
        body = page.locator("main p", has_text=text)
        assert body.locator("strong").inner_text() == "Strasbourg"
    assert page.console_problems == []


@pytest.mark.parametrize(
    "admin_url, fields",
    [
        ("admin:news_article_add", ["body_en", "body_fr"]),
        ("admin:pages_page_add", ["body_en", "body_fr"]),
        ("admin:practices_practice_add", ["description_en", "description_fr"]),
        # The one record's list leads to its form.
        ("admin:declaration_declaration_changelist", ["body_en", "body_fr"]),
    ],
)
def test_every_rich_text_field_opens_in_the_editor(admin_page, admin_url, fields):
    page = admin_page
    page.goto(reverse(admin_url))
    for field in fields:
        assert editor(page, field).count() == 1, field
    # Neither the import map nor the editor's own stylesheet is refused.
    assert page.console_problems == []


def test_the_form_of_an_earlier_version_opens_in_the_editor(admin_page):
    """Restoring a version goes through the same form, editors included."""
    page = admin_page
    article = Article.objects.exclude(body_en="").first()
    article.body_fr = "<p>Une version plus ancienne</p>"
    article.save()
    earlier = article.history.latest("history_date")
    page.goto(reverse("admin:news_article_simple_history", args=[article.pk, earlier.history_id]))
    for field in ("body_en", "body_fr"):
        assert editor(page, field).count() == 1, field
    assert "Une version plus ancienne" in editor(page, "body_fr").inner_text()
    assert page.console_problems == []
