"""The admin's home is a dashboard of what needs doing, in each staff member's language."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alliance_site.models import StaffPreferences, staff_language, staff_language_at
from participants.models import Participant
from submissions.models import OutgoingEmail, Submission

from ..news_helpers import make_article
from ..submissions_helpers import answers


@pytest.fixture(autouse=True)
def _files(temporary_folders):
    """Uploads of every test here go to its own folders."""


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ed", "ed@example.org", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def join(client=None, **changes):
    response = (client or Client()).post(reverse("submissions:join"), answers("join", **changes))
    assert response.status_code == 302
    return Submission.objects.latest("pk")


@pytest.mark.django_db
def test_the_dashboard_lists_what_waits_with_links_to_the_filtered_lists(admin_client):
    join()
    join(authority_name="Town of Example")
    make_article("English only")
    tomorrow = make_article("Tomorrow's news", title_fr="Les nouvelles de demain", days_ago=-1)
    OutgoingEmail.objects.update(status=OutgoingEmail.Status.FAILED)
    Participant.objects.create(name_en="Nowhere", country="FR", kind="city")

    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "European Alliance of Cities and Regions for Roma Inclusion" in html
    assert "Django administration" not in html
    pending = reverse("admin:submissions_submission_changelist") + (
        "?status__exact=pending&amp;kind__exact=join"
    )
    assert f'<a href="{pending}"><strong>2</strong> waiting for a decision: Join' in html
    assert "<strong>4</strong> emails that failed to send" in html
    assert "articles missing their French" in html
    assert "?translation=missing" in html
    assert "active participants not on the map" in html
    assert reverse("admin:news_article_change", args=[tomorrow.pk]) in html
    when = timezone.localtime(tomorrow.published_at).isoformat()
    assert f'<time datetime="{when}">' in html
    # Each link leads to the list it counts.
    listed = admin_client.get(reverse("admin:participants_participant_changelist") + "?map=no")
    assert [p.name for p in listed.context["cl"].result_list] == ["Nowhere"]


@pytest.mark.django_db
def test_the_index_is_grouped_by_task_and_technical_models_are_for_superusers(admin_client, editor):
    groups = [g["name"] for g in admin_client.get(reverse("admin:index")).context["app_list"]]
    assert [str(name) for name in groups] == [
        "Content",
        "The network",
        "Forms and moderation",
        "Site settings",
        "Accounts and technical records",
    ]
    html = logged_in(editor).get(reverse("admin:index")).content.decode()
    assert "Access attempts" not in html and "Users" not in html
    assert "Articles" in html


@pytest.mark.django_db
def test_every_admin_page_shows_the_pending_count_to_those_who_moderate(admin_client, editor):
    join()
    for url in (reverse("admin:index"), reverse("admin:news_article_changelist")):
        assert "Pending submissions: <strong>1</strong>" in admin_client.get(url).content.decode()
    # An editor, who does not moderate, is not told.
    html = logged_in(editor).get(reverse("admin:index")).content.decode()
    assert "Pending submissions" not in html


@pytest.mark.django_db
def test_staff_choose_the_admins_language_and_time_zone(editor):
    client = logged_in(editor)
    client.cookies["django_language"] = "en"
    url = reverse("admin:preferences")
    response = client.post(url, {"language": "fr", "time_zone": "Nowhere/Atlantis"})
    assert response.status_code == 200
    assert "Nowhere/Atlantis" in str(response.context["form"].errors["time_zone"])
    response = client.post(
        url, {"language": "fr", "time_zone": "Europe/Lisbon", "next": "/admin/news/article/"}
    )
    assert response.url == "/admin/news/article/"
    html = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Tableau de bord" in html and "Contenus" in html
    form = client.get(reverse("admin:news_article_add")).content.decode()
    assert "fuseau horaire Europe/Lisbon" in form
    # Another address is never followed after saving.
    response = client.post(
        url, {"language": "en", "time_zone": "Europe/Paris", "next": "https://example.org/"}
    )
    assert response.url == reverse("admin:index")
    assert staff_language(User.objects.get(pk=editor.pk)) == "en"


@pytest.mark.django_db
def test_the_staff_notice_is_written_in_its_readers_language(settings, editor):
    settings.STAFF_NOTIFICATION_EMAIL = editor.email
    assert staff_language_at("someone@example.org") == settings.LANGUAGE_CODE
    StaffPreferences.objects.create(user=editor, language="fr")
    mail.outbox.clear()
    join()
    notice = OutgoingEmail.objects.get(purpose=OutgoingEmail.Purpose.STAFF_NOTIFICATION)
    assert notice.recipient == editor.email
    assert notice.subject.startswith("Nouvel envoi à examiner")


@pytest.mark.django_db
def test_a_submissions_page_puts_the_decision_first_and_leads_to_the_new_participant(
    admin_client,
):
    submission = join()
    page = reverse("admin:submissions_submission_change", args=[submission.pk])
    html = admin_client.get(page).content.decode()
    assert html.index('class="module aligned submission-decision"') < html.index(
        "submission-answers"
    )
    assert html.index("submission-decision") < html.index("deletelink")

    # An empty reason is refused at its field.
    response = admin_client.post(
        reverse("admin:submissions_submission_changelist"),
        {"action": "reject", "_selected_action": submission.pk, "apply": "yes", "reason": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]

    response = admin_client.post(
        reverse("admin:submissions_submission_changelist"),
        {
            "action": "approve_published",
            "_selected_action": submission.pk,
            "_from_submission_page": "1",
        },
    )
    participant = Participant.objects.get(name_en=submission.name)
    assert response.url == reverse("admin:participants_participant_change", args=[participant.pk])
    html = admin_client.get(response.url).content.decode()
    assert 'href="#id_latitude">its coordinates' in html
    assert 'href="#id_name_fr">its name in French' in html
    assert html.count("needs-attention") == 2


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_unsaved_article_is_previewed_as_visitors_will_see_it(admin_client, lang):
    data = {
        "title_en": "Mayors meet",
        "title_fr": "Les maires se réunissent",
        "body_en": "<p>They met.</p><script>alert(1)</script>",
        "body_fr": "<p>Ils se sont réunis.</p>",
        "published_at_0": "2030-01-02",
        "published_at_1": "09:00:00",
        "is_published": "on",
        "tags": "ROMACT",
        # An event's time zone and status, as the form offers them by default.
        "event_time_zone": "Europe/Paris",
        "event_status": "scheduled",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    response = admin_client.post(
        reverse("admin:news_article_preview", args=[lang]), data, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in html
    title, body = {
        "en": ("Mayors meet", "They met."),
        "fr": ("Les maires se réunissent", "Ils se sont réunis."),
    }[lang]
    assert f"<h1>{title}</h1>" in html or f'<h1 lang="{lang}">{title}</h1>' in html
    assert body in html
    assert "<script>alert" not in html
    assert "ROMACT" in html
    assert "no-cache" in response["Cache-Control"]
    assert not Submission.objects.exists()
    from news.models import Article

    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_preview_with_errors_says_what_to_correct(admin_client):
    response = admin_client.post(
        reverse("admin:news_article_preview", args=["en"]),
        {"title_en": "", "documents-TOTAL_FORMS": "0", "documents-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert "cannot be previewed yet" in response.content.decode()
    unknown = admin_client.get(reverse("admin:news_article_preview", args=["xx"]), follow=True)
    assert unknown.status_code == 404
