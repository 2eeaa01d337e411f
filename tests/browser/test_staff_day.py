"""A day in the admin, in Chromium: an editor's and a moderator's, screen by screen.

Each step leaves a screenshot in SHOTS (looked at when the screens change), and
the admin's main screens are checked with axe for WCAG 2.2 AA.
"""

import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from alliance_site.models import StaffPreferences
from declaration.models import Signatory
from news.models import Article
from participants.models import Participant
from submissions.models import Submission

from ..submissions_helpers import answers
from .test_accessibility import axe_violations
from .test_editor import editor
from .test_flows import url

# Screenshots of each screen, in the ignored test-results/ folder (or SCREENSHOTS_DIR).
SHOTS = (
    Path(os.environ.get("SCREENSHOTS_DIR", Path(__file__).resolve().parents[2] / "test-results"))
    / "staff-day"
)


def text(locator):
    """The element's text as written (the header shows it in capitals)."""
    return " ".join(locator.text_content().split())


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


@pytest.fixture
def desk(admin_page):
    admin_page.set_viewport_size({"width": 1280, "height": 900})
    return admin_page


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "council.png"
    image = Image.new("RGB", (1200, 800), (30, 90, 160))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_the_editors_day(desk, photo):
    page = desk
    page.goto(reverse("admin:index"))
    assert page.locator("#site-name").inner_text().startswith("European Alliance of Cities")
    assert "Django administration" not in page.content()
    shot(page, "editor-01-dashboard")

    # Write the article in both languages, with an image.
    page.goto(reverse("admin:news_article_add"))
    # Each field's languages side by side, both in view, each labelled with its language.
    english, french = page.locator("#id_title_en"), page.locator("#id_title_fr")
    assert english.is_visible() and french.is_visible()
    assert english.bounding_box()["y"] == french.bounding_box()["y"]
    assert english.bounding_box()["x"] < french.bounding_box()["x"]
    assert text(page.locator("label[for=id_title_en]")) == "Title (English):"
    assert text(page.locator("label[for=id_title_fr]")) == "Title (French):"
    assert page.locator("label[for=id_title_en]").get_attribute("class") == "required"
    assert editor(page, "body_en").is_visible() and editor(page, "body_fr").is_visible()
    box = editor(page, "body_en").bounding_box()
    assert box["height"] >= 250, box
    page.fill("#id_title_en", "Mayors of the Alliance meet in Kyiv")
    editor(page, "body_en").click()
    page.keyboard.type("The mayors agreed on a common programme.")
    page.fill("#id_title_fr", "Les maires de l'Alliance se réunissent à Kyiv")
    editor(page, "body_fr").click()
    page.keyboard.type("Les maires ont adopté un programme commun.")
    page.set_input_files("#id_image", str(photo))
    page.fill("#id_image_alt_en", "The council chamber")
    page.fill("#id_image_alt_fr", "La salle du conseil")
    # The body grew with its text no taller than needed; no per-field time-zone warning.
    assert page.locator(".timezonewarning:visible").count() == 0
    assert page.get_by_text("Dates and times are in the time zone").is_visible()
    shot(page, "editor-02-article-form")

    # Preview it, unsaved, in both languages, as visitors will see it.
    for language, title, body in (
        ("English", "Mayors of the Alliance meet in Kyiv", "common programme"),
        ("French", "Les maires de l'Alliance se réunissent à Kyiv", "programme commun"),
    ):
        with page.context.expect_page() as opened:
            page.get_by_role("button", name=f"Preview in {language}").click()
        preview = opened.value
        preview.wait_for_load_state()
        assert preview.locator("h1").inner_text() == title
        assert body in preview.locator(".article__body").inner_text()
        assert preview.locator(".article__image img").evaluate("img => img.naturalWidth") == 1200
        assert preview.locator("html").get_attribute("lang") == (
            "fr" if language == "French" else "en"
        )
        shot(preview, f"editor-03-preview-{language.lower()}")
        preview.close()
    assert not Article.objects.filter(title_en="Mayors of the Alliance meet in Kyiv").exists()

    # Schedule it for tomorrow, 09:00 in the editor's time zone.
    tomorrow = timezone.localtime() + timedelta(days=1)
    page.check("#id_is_published")
    page.fill("#id_published_at_0", tomorrow.strftime("%Y-%m-%d"))
    page.fill("#id_published_at_1", "09:00:00")
    page.click("[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    article = Article.objects.get(title_en="Mayors of the Alliance meet in Kyiv")
    assert article.status == "Scheduled"
    assert article.picture is not None
    assert timezone.localtime(article.published_at).strftime("%H:%M") == "09:00"
    badge = page.locator("tr", has_text="Mayors of the Alliance").locator(".translation-badge")
    assert badge.inner_text() == "Complete"
    shot(page, "editor-04-article-list")

    # The dashboard says when it goes out.
    page.goto(reverse("admin:index"))
    scheduled = page.locator(".dashboard-schedule li", has_text="Mayors of the Alliance")
    assert (
        scheduled.locator("time")
        .get_attribute("datetime")
        .startswith(tomorrow.strftime("%Y-%m-%d"))
    )
    shot(page, "editor-05-dashboard-scheduled")
    # Visitors do not see it yet.
    anonymous = page.context.browser.new_page(base_url=page.url.split("/admin/")[0])
    assert anonymous.goto(url("news:detail", "en", slug=article.slug)).status == 404
    anonymous.close()
    assert page.console_problems == []


def test_the_moderators_day(desk):
    page = desk
    Client().post(reverse("submissions:join"), answers("join"))
    submission = Submission.objects.get()

    page.goto(reverse("admin:index"))
    notice = page.locator("#user-tools .header-notice")
    assert text(notice) == "Pending submissions: 1"
    assert page.locator(".dashboard-tasks li", has_text="Join the Alliance").inner_text() == (
        "1 waiting for a decision: Join the Alliance"
    )
    shot(page, "moderator-01-dashboard")

    notice.click()
    page.get_by_role("link", name=submission.name).first.click()
    # The decision comes first, above the answers.
    decision = page.locator(".submission-decision")
    answers_table = page.locator(".submission-answers")
    assert decision.bounding_box()["y"] < answers_table.bounding_box()["y"]
    shot(page, "moderator-02-submission")

    page.get_by_role("button", name="Approve and publish").click()
    participant = Participant.objects.get(name_en=submission.name)
    page.wait_for_url(f"**/admin/participants/participant/{participant.pk}/change/")
    missing = page.locator(".missing-fields")
    assert "its coordinates" in missing.inner_text()
    assert "its name in French" in missing.inner_text()
    assert page.locator("fieldset.needs-attention").count() == 2
    assert text(page.locator("#user-tools .header-notice")) == "Pending submissions: 0"
    shot(page, "moderator-03-participant-to-complete")

    page.fill("#id_latitude", "44.01667")
    page.fill("#id_longitude", "20.91667")
    page.fill("#id_name_fr", "Ville de Kragujevac")
    page.click("[name=_continue]")
    page.wait_for_load_state()
    assert page.locator(".missing-fields").count() == 0
    shot(page, "moderator-04-participant-complete")

    # The map of Europe groups it with the demo's Kragujevac, at the same place; the
    # country's own map gives each participant its marker.
    page.goto(url("participants:map", "fr"))
    assert page.locator("svg a[aria-label*='Kragujevac']").count() >= 1
    page.goto(url("countries:detail", "fr", code=participant.country.code.lower()))
    detail = url("participants:detail", "fr", slug=participant.slug)
    markers = page.locator(f"svg a[href='{detail}']")  # one per layout of the map
    assert any(markers.nth(i).is_visible() for i in range(markers.count()))
    shot(page, "moderator-05-map")
    assert page.console_problems == []


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    "screen",
    [
        "dashboard",
        "changelist",
        "change_form",
        "translated_change_form",
        "submission",
        "history",
    ],
)
def test_the_admin_screens_pass_axe(desk, screen, language, django_user_model):
    page = desk
    chief = django_user_model.objects.get(username="chief")
    StaffPreferences.objects.create(user=chief, language=language, time_zone="Europe/Paris")
    if screen == "submission":
        Client().post(reverse("submissions:join"), answers("join"))
        address = reverse("admin:submissions_submission_change", args=[Submission.objects.get().pk])
    elif screen == "history":
        article = Article.objects.first()
        article.title_fr = "Une version plus ancienne"
        article.save()
        address = reverse("admin:news_article_history", args=[article.pk])
    elif screen == "translated_change_form":
        address = reverse("admin:news_article_change", args=[Article.objects.first().pk])
    elif screen == "change_form":
        address = reverse("admin:declaration_signatory_change", args=[Signatory.objects.first().pk])
    else:
        address = reverse(
            {"dashboard": "admin:index", "changelist": "admin:news_article_changelist"}[screen]
        )
    page.goto(address)
    assert page.locator("html").get_attribute("lang") == language
    # Nothing refused while the page loads (axe's own probes are left out).
    assert page.console_problems == []
    count, report = axe_violations(page)
    shot(page, f"axe-{screen}-{language}")
    assert count == 0, report
