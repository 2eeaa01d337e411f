"""What keeps a burst of form posts cheap, and a cached page fast beside it
(the figures themselves: test_email_worker.py, against gunicorn)."""

import threading
import time

import pytest
from django.apps import apps
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.translation import get_language

import submissions.emails
import submissions.forms
from submissions import views
from submissions.models import OutgoingEmail, Submission

from ..submissions_helpers import FORM_URLS, answers


def test_a_process_handles_two_form_posts_at_a_time(monkeypatch):
    inside = most = 0
    count = threading.Lock()

    def slow_post(self, request, *args, **kwargs):
        nonlocal inside, most
        with count:
            inside += 1
            most = max(most, inside)
        time.sleep(0.05)
        with count:
            inside -= 1
        return HttpResponse("thanks")

    monkeypatch.setattr(views.SubmissionFormView, "_post", slow_post)
    view = views.JoinView.as_view()
    posts = [
        threading.Thread(target=view, args=(RequestFactory().post("/en/join/"),)) for _ in range(6)
    ]
    for post in posts:
        post.start()
    for post in posts:
        post.join()
    assert most == 2


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_post_writes_its_submission_emails_and_tasks_in_one_transaction(client, lang):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(FORM_URLS["join"].format(lang=lang), answers("join"))
    assert response.status_code == 302
    assert Submission.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2
    sql = [q["sql"] for q in queries]
    writes = [i for i, q in enumerate(sql) if q.startswith(("INSERT", "UPDATE"))]
    assert len(writes) == 5  # the submission, two emails, their two tasks
    # Under the test's own transaction, the view's atomic block shows as a
    # savepoint taken before the first write and released after the last.
    taken = {q.split()[1]: i for i, q in enumerate(sql) if q.startswith("SAVEPOINT")}
    released = {q.split()[2]: i for i, q in enumerate(sql) if q.startswith("RELEASE SAVEPOINT")}
    assert any(
        at < writes[0] and released.get(name, -1) > writes[-1] for name, at in taken.items()
    ), sql


@pytest.mark.django_db
def test_the_warm_up_checks_each_form_in_each_language_and_saves_nothing(monkeypatch):
    checked = []
    full_clean = submissions.forms.SubmissionForm.full_clean

    def counted(form):
        checked.append((type(form).__name__, get_language()))
        return full_clean(form)

    monkeypatch.setattr(submissions.forms.SubmissionForm, "full_clean", counted)
    apps.get_app_config("submissions").warm_up()
    forms = {"JoinForm", "CooperateForm", "SignForm", "PracticeForm"}
    assert sorted(checked) == sorted((form, lang) for form in forms for lang in ("en", "fr"))
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_failure_to_queue_the_emails_keeps_the_submission(client, monkeypatch, caplog):
    def broken(submission):
        raise RuntimeError("the outbox is out of order")

    monkeypatch.setattr(submissions.emails, "acknowledge", broken)
    response = client.post(FORM_URLS["join"].format(lang="fr"), answers("join"))
    assert response.status_code == 302
    assert Submission.objects.get().status == Submission.Status.PENDING
    assert OutgoingEmail.objects.count() == 0
    assert "could not be queued" in caplog.text
