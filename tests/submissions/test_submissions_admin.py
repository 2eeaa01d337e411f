"""Moderation in the admin: what staff see, and decisions that cannot be lost."""

import os

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission, User
from django.core import mail

from participants.models import Participant
from submissions.models import AlreadyDecided, NGOPartner, Submission

from ..pages_helpers import assert_public_page
from ..submissions_helpers import FORM_URLS, answers, image_bytes, run_email_worker, upload

CHANGELIST = "/admin/submissions/submission/"


@pytest.fixture
def moderator(db):
    """Staff who may read and decide on submissions, and nothing more (not the
    superuser of conftest.py: these tests are about what a moderator may do)."""
    user = User.objects.create_user("moderator", "moderator@example.org", "x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="submissions",
            codename__in=[
                "view_submission",
                "change_submission",
                "moderate_submission",
                "view_outgoingemail",
            ],
        )
    )
    return user


def submit(client, form="join", lang="en", **changes):
    response = client.post(FORM_URLS[form].format(lang=lang), answers(form, **changes))
    assert response.status_code == 302
    return Submission.objects.latest("pk")


def act(client, action, *submissions, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [s.pk for s in submissions], **extra},
        follow=True,
    )


@pytest.mark.django_db
def test_pending_submissions_come_first_then_newest(client, moderator):
    older_pending = submit(client, authority_name="Older pending")
    decided = submit(client, authority_name="Decided")
    newer_pending = submit(client, authority_name="Newer pending")
    decided.reject(moderator, "No.")
    client.force_login(moderator)

    shown = client.get(CHANGELIST).context["cl"].result_list
    assert [s.name for s in shown] == ["Newer pending", "Older pending", "Decided"]
    assert older_pending.pk < newer_pending.pk


@pytest.mark.django_db
def test_list_filters_by_form_status_and_country(client, moderator):
    submit(client, "join")
    submit(client, "cooperate")
    submit(client, "sign")
    submit(client, "join", authority_name="Spam", homepage="x", country="FR")
    client.force_login(moderator)

    def names(query):
        return sorted(s.name for s in client.get(CHANGELIST + query).context["cl"].result_list)

    assert names("?kind__exact=cooperate") == ["Roma Education Example"]
    assert names("?status__exact=spam") == ["Spam"]
    assert names("?country=ME") == ["Municipality of Tivat"]
    assert names("?kind__exact=join&status__exact=pending") == ["City of Kragujevac"]
    filters = client.get(CHANGELIST).content.decode()
    assert "Montenegro" in filters and "Serbia" in filters and "Germany" not in filters


@pytest.mark.django_db
def test_change_page_shows_the_answers_and_the_decisions_but_no_save(client, moderator):
    submission = submit(client, "cooperate", "fr")
    client.force_login(moderator)

    html = client.get(f"{CHANGELIST}{submission.pk}/change/").content.decode()
    assert '<th scope="row">Fields of work</th><td>Education, Housing</td>' in html
    assert '<th scope="row">Country</th><td>Hungary</td>' in html
    order = [
        html.index(f'<th scope="row">{label}</th>')
        for label in ("Name of the NGO", "Country", "Proposal for cooperation")
    ]
    assert order == sorted(order)  # as on the form, whatever the database does with JSON
    assert 'value="approve_published"' in html and 'value="reject"' in html
    assert 'name="_save"' not in html
    assert "Acknowledgement to the sender" in html  # the emails it caused


@pytest.mark.django_db
def test_moderators_cannot_delete_or_add_submissions(client, moderator):
    submission = submit(client)
    client.force_login(moderator)

    listing = client.get(CHANGELIST).content.decode()
    assert "delete_selected" not in listing
    assert client.get(f"{CHANGELIST}{submission.pk}/delete/").status_code == 403
    assert client.post(f"{CHANGELIST}{submission.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert Submission.objects.filter(pk=submission.pk).exists()


@pytest.mark.django_db
def test_staff_without_the_change_permission_cannot_decide(client, moderator):
    submission = submit(client)
    moderator.user_permissions.remove(Permission.objects.get(codename="change_submission"))
    client.force_login(moderator)

    act(client, "approve_published", submission)

    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING
    assert not Participant.objects.exists()


@pytest.mark.django_db
def test_approved_submission_cannot_be_approved_into_a_second_record(client, moderator):
    submission = submit(client)
    client.force_login(moderator)
    act(client, "approve_published", submission)
    first_decision = Submission.objects.values("decided_at", "decided_by").get()

    again = act(client, "approve_unpublished", submission)
    act(client, "mark_as_spam", submission)
    act(client, "reject", submission, apply="yes", reason="Changed my mind.")

    assert "already decided" in again.content.decode()
    assert Participant.objects.count() == 1
    assert Submission.objects.values("decided_at", "decided_by").get() == first_decision
    assert Submission.objects.get().status == Submission.Status.APPROVED
    run_email_worker()
    assert len([m for m in mail.outbox if "Welcome" in m.subject]) == 1


@pytest.mark.django_db
def test_two_moderators_deciding_at_once_create_one_record(client, moderator):
    submission = submit(client)
    stale_copy = Submission.objects.get(pk=submission.pk)
    submission.approve(moderator, publish=True)

    with pytest.raises(AlreadyDecided):
        stale_copy.approve(moderator, publish=True)
    assert Participant.objects.count() == 1


@pytest.mark.django_db
def test_each_decision_is_recorded_with_who_and_when(client, moderator):
    approved, rejected, spam = submit(client), submit(client, "cooperate"), submit(client, "sign")
    client.force_login(moderator)

    act(client, "approve_unpublished", approved)
    act(client, "reject", rejected, apply="yes", reason="Outside Europe.")
    act(client, "mark_as_spam", spam)

    for submission in (approved, rejected, spam):
        submission.refresh_from_db()
        assert submission.decided_by == moderator
        assert submission.decided_at is not None
    assert rejected.rejection_reason == "Outside Europe."
    assert spam.status == Submission.Status.SPAM
    logged = LogEntry.objects.filter(user=moderator).values_list("object_id", flat=True)
    assert set(logged) == {str(s.pk) for s in (approved, rejected, spam)}


@pytest.mark.django_db
def test_rejecting_asks_for_a_reason_first(client, moderator):
    submission = submit(client)
    client.force_login(moderator)

    empty = client.post(
        CHANGELIST,
        {"action": "reject", "_selected_action": [submission.pk], "apply": "yes", "reason": ""},
    )

    assert empty.status_code == 200
    assert "This field is required." in empty.content.decode()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING


@pytest.mark.django_db
def test_honeypot_catch_can_still_be_approved_by_a_person(client, moderator):
    submission = submit(client, "cooperate", homepage="autofilled")
    assert submission.status == Submission.Status.SPAM
    client.force_login(moderator)

    act(client, "approve_published", submission)

    assert NGOPartner.objects.public().get().name == "Roma Education Example"


@pytest.mark.django_db
def test_scan_is_downloaded_by_staff_only_and_never_rendered(client, moderator):
    content = image_bytes("PNG")
    submission = submit(client, "sign", scan=upload("scan.png", content))
    url = f"{CHANGELIST}{submission.pk}/scan/"

    assert client.get(url).status_code == 302  # to the login page
    client.force_login(moderator)
    response = client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    page = client.get(f"{CHANGELIST}{submission.pk}/change/").content.decode()
    assert f'href="{url}"' in page


@pytest.mark.django_db
def test_approved_scan_is_copied_to_the_signatory(client, moderator):
    content = image_bytes("JPEG")
    submission = submit(client, "sign", scan=upload("scan.jpg", content))
    submission.approve(moderator, publish=True)
    assert submission.signatory.scan.read() == content


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [10, 1000])
def test_moderation_list_query_count_does_not_grow(
    client, moderator, rows, django_assert_max_num_queries
):
    Submission.objects.bulk_create(
        Submission(
            kind="join",
            name=f"Authority {n}",
            country="FR",
            email="a@example.org",
            language="en",
            fingerprint=str(n),
        )
        for n in range(rows)
    )
    client.force_login(moderator)
    with django_assert_max_num_queries(12):
        assert client.get(CHANGELIST).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [10, 1000])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_partners_page_query_count_does_not_grow(
    client, demo_content, rows, lang, django_assert_max_num_queries
):
    NGOPartner.objects.bulk_create(
        NGOPartner(name=f"NGO {n:04}", country="FR", fields_of_work=["health"]) for n in range(rows)
    )
    # Site settings, main menu, counter, partners count, one page of partners,
    # and the next scheduled publication (once per content version).
    with django_assert_max_num_queries(6):
        response = client.get(f"/{lang}/partners/")
    assert len(response.context["partners"]) == min(rows, 50)
    assert_public_page(
        client, f"/{lang}/partners/?page=2" if rows > 50 else f"/{lang}/partners/", lang
    )


@pytest.mark.django_db
def test_a_superuser_may_delete_a_submission_and_its_file_goes_too(
    client, django_capture_on_commit_callbacks
):
    submission = submit(client, "sign", scan=upload("scan.png", image_bytes("PNG")))
    path = submission.scan.path
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "x"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{CHANGELIST}{submission.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Submission.objects.exists()
    assert not os.path.exists(path)
