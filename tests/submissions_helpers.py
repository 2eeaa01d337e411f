"""What the tests of the public forms share: valid answers, files, a broken mail server."""

import io
import time
from smtplib import SMTPServerDisconnected

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.base import BaseEmailBackend
from PIL import Image

from submissions.forms import SubmissionForm

FORM_URLS = {
    "join": "/{lang}/join/",
    "cooperate": "/{lang}/cooperate/",
    "sign": "/{lang}/declaration/sign/",
    "practice": "/{lang}/good-practices/propose/",
}
THANKS_URLS = {
    "join": "/{lang}/join/thanks/",
    "cooperate": "/{lang}/cooperate/thanks/",
    "sign": "/{lang}/declaration/sign/thanks/",
    "practice": "/{lang}/good-practices/propose/thanks/",
}
# The field of each form that takes a file, for the forms that have one.
FILE_FIELDS = {"sign": "scan", "practice": "document"}

VALID = {
    "join": {
        "authority_name": "City of Kragujevac",
        "kind": "city",
        "country": "RS",
        "address": "Trg Slobode 3\n34000 Kragujevac",
        "website": "https://www.kragujevac.rs",
        "contact_name": "Jelena Example",
        "contact_position": "Head of Social Affairs",
        "contact_email": "jelena@example.org",
        "contact_phone": "+381 34 123 456",
        "roma_population": "5 000",
        "motivation": "We run a Roma mediators programme.",
        "commitment": "on",
        "consent": "on",
    },
    "cooperate": {
        "ngo_name": "Roma Education Example",
        "country": "HU",
        "website": "https://ngo.example.org",
        "contact_name": "Anna Example",
        "contact_email": "anna@example.org",
        "contact_phone": "+36 1 234 5678",
        "fields_of_work": ["education", "housing"],
        "proposal": "Summer schools with the cities of the Alliance.",
        "consent": "on",
    },
    "sign": {
        "authority_name": "Municipality of Tivat",
        "kind": "municipality",
        "country": "ME",
        "signatory_name": "Ivan Example",
        "signatory_position": "Mayor",
        "contact_email": "mayor@example.org",
        "date_signed": "2019-03-12",
        "commitment": "on",
        "consent": "on",
    },
    "practice": {
        "title": "Homework club in the settlement",
        "summary": "Volunteers help pupils with their homework\nthree afternoons a week.",
        "themes": ["education", "participation"],
        "type": "promising",
        "country": "SK",
        "place": "Example County",
        "year": "2018",
        "link": "https://homework.example.org",
        "contact_name": "Marta Example",
        "contact_organisation": "Example Volunteers",
        "contact_email": "marta@example.org",
        "consent": "on",
    },
}


def stamp(seconds_ago=60):
    """The hidden time stamp a form shown `seconds_ago` would carry."""
    return SubmissionForm.new_stamp(time.time() - seconds_ago)


def answers(form, **changes):
    """A filled form as a person would send it, a minute after opening it."""
    data = {**VALID[form], "shown_at": stamp(), "homepage": ""}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def pdf_bytes(extra=b""):
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        + extra
        + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def image_bytes(fmt="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 59, 115)).save(buffer, fmt)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def big_upload(megabytes, name="scan.pdf"):
    """A PDF-looking file of the given size, without holding it twice in memory."""
    content = b"%PDF-1.4\n" + b"0" * (megabytes * 1024 * 1024) + b"\n%%EOF\n"
    return upload(name, content, "application/pdf")


class BrokenMailServer(BaseEmailBackend):
    """An email backend whose server is down."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


def run_email_worker():
    """Run every task waiting in the queue, one by one, with the worker's own code.

    `manage.py db_worker` itself closes the database connection between tasks,
    which a test's transaction cannot survive; the live tests
    (tests/submissions/test_email_worker.py) run the real command.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
