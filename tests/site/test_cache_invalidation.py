"""What visitors send never empties the page cache; what staff publish does."""

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client

from alliance_site.page_cache import NOT_SHOWN_MODELS, SHOWN_MODELS, content_version
from participants.models import Participant
from submissions.models import Submission

from ..submissions_helpers import (
    FILE_FIELDS,
    FORM_URLS,
    answers,
    pdf_bytes,
    upload,
)


@pytest.fixture(autouse=True)
def _files(temporary_folders):
    """Uploads of every test here go to its own folders."""


def test_every_installed_model_is_decided_shown_or_not():
    installed = {model._meta.label_lower for model in apps.get_models(include_auto_created=True)}
    undecided = installed - SHOWN_MODELS - NOT_SHOWN_MODELS
    assert not undecided, (
        f"Add {sorted(undecided)} to SHOWN_MODELS or NOT_SHOWN_MODELS in "
        "alliance_site/page_cache.py"
    )
    assert not SHOWN_MODELS & NOT_SHOWN_MODELS
    assert SHOWN_MODELS <= installed, sorted(SHOWN_MODELS - installed)


def fifty_posts():
    """(form, data) for 50 posts: valid ones, bots caught by the honeypot, invalid ones."""
    posts = []
    kinds = list(FORM_URLS)
    for number in range(50):
        kind = kinds[number % 4]
        data = answers(kind)
        if kind in FILE_FIELDS:
            data[FILE_FIELDS[kind]] = upload(f"file{number}.pdf", pdf_bytes(), "application/pdf")
        variant = number % 5
        if variant == 1:
            data["homepage"] = "http://spam.example"  # a bot: stored as spam
        elif variant == 2:
            data.pop("consent")  # invalid: shown again
        elif variant == 3:
            data["shown_at"] = "forged"  # a stale or forged time stamp
        elif variant == 4:
            data["country"] = "\x00"  # nonsense
        # Each valid post differs from the others, so none is a repeat.
        for field in ("authority_name", "ngo_name", "title"):
            if field in data:
                data[field] = f"{data[field]} {number}"
        posts.append((kind, data))
    return posts


@pytest.mark.django_db
def test_fifty_form_posts_leave_the_cached_pages_in_place(demo_content):
    visitor = Client()
    assert visitor.get("/en/")["X-Page-Cache"] == "miss"
    assert visitor.get("/en/")["X-Page-Cache"] == "hit"
    version = content_version()

    statuses = set()
    for number, (kind, data) in enumerate(fifty_posts()):
        lang = "fr" if number % 2 else "en"
        # Each from its own address, so the rate limit lets them all in.
        sender = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
        statuses.add(sender.post(FORM_URLS[kind].format(lang=lang), data).status_code)

    assert statuses == {200, 302}  # some thanked, some shown again
    assert Submission.objects.filter(status="pending").count() == 10
    assert Submission.objects.filter(status="spam").count() == 10
    assert content_version() == version
    assert visitor.get("/en/")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_an_approval_that_creates_a_record_renders_pages_afresh(client, demo_content):
    moderator = User.objects.create_superuser("moderator", "moderator@example.org", "x")
    client.post("/en/join/", answers("join", authority_name="City of Nowhere"))
    client.post("/en/join/", answers("join", authority_name="City of Elsewhere"))
    rejected, approved = Submission.objects.order_by("pk")
    version = content_version()

    rejected.reject(moderator, "Not an authority.")
    assert content_version() == version  # nothing public changed

    approved.approve(moderator, publish=True)
    assert content_version() > version
    assert Participant.objects.filter(name="City of Elsewhere").exists()
    assert "City of Elsewhere" in Client().get("/en/participants/").content.decode()
