"""Bots are stopped, people get through, and no input gives a server error."""

import re
import struct
import zlib
from pathlib import PurePath

import pytest
from django.core import mail
from django.test import Client

import submissions.forms
from submissions.models import Submission

from ..submissions_helpers import (
    FORM_URLS,
    THANKS_URLS,
    answers,
    big_upload,
    image_bytes,
    pdf_bytes,
    run_email_worker,
    stamp,
    upload,
)

LANGS = ["en", "fr"]
KINDS = ["join", "cooperate", "sign", "practice"]


class Clock:
    """Stands in for the `time` module of the forms: a person who takes their time."""

    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


def shown_stamp(html):
    return re.search(r'name="shown_at" value="([^"]+)"', html).group(1)


def post(client, form, lang="en", **changes):
    return client.post(FORM_URLS[form].format(lang=lang), answers(form, **changes))


# The honeypot, the time check and the rate limit


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_bot_filling_the_honeypot_is_thanked_and_set_aside(client, kind, lang):
    response = post(client, kind, lang, homepage="http://cheap-pills.example")

    assert response.status_code == 302
    assert response["Location"] == THANKS_URLS[kind].format(lang=lang)
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.SPAM
    assert not Submission.objects.pending().exists()
    run_email_worker()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_form_sent_back_at_once_is_refused_but_a_person_gets_through(
    client, monkeypatch, kind, lang
):
    url = FORM_URLS[kind].format(lang=lang)
    clock = Clock(1_900_000_000)
    monkeypatch.setattr(submissions.forms, "time", clock)
    form_stamp = shown_stamp(client.get(url).content.decode())

    clock.now += 1  # a bot answers within a second
    bot = client.post(url, answers(kind, shown_at=form_stamp))
    assert bot.status_code == 200
    assert {"en": "sent very quickly", "fr": "envoyé très rapidement"}[lang] in bot.content.decode()
    assert not Submission.objects.exists()
    # The page keeps the first stamp: the person is not made to wait again.
    assert shown_stamp(bot.content.decode()) == form_stamp

    clock.now += 90  # a person takes a minute and a half
    person = client.post(url, answers(kind, shown_at=form_stamp))
    assert person.status_code == 302
    assert Submission.objects.pending().count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "forged",
    [None, "", "not-a-stamp", stamp(60)[:-2] + "xx", stamp(3 * 24 * 60 * 60), "1700000000"],
    # Names that do not change with the clock: the workers of a parallel run collect alike.
    ids=["missing", "empty", "not a stamp", "forged", "stale", "unsigned"],
)
def test_missing_forged_or_stale_stamp_is_refused_with_a_fresh_one(client, forged):
    response = post(client, "join", shown_at=forged)

    assert response.status_code == 200
    html = response.content.decode()
    assert "This form was open for too long" in html
    assert shown_stamp(html) != forged
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_rate_limit_stops_the_sixth_submission_of_an_hour_from_one_address(client):
    for number in range(5):
        response = post(client, "join", authority_name=f"Authority {number}")
        assert response.status_code == 302

    blocked = post(client, "cooperate", ngo_name="One too many")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "3600"
    assert "Too many forms sent" in blocked.content.decode()
    assert Submission.objects.count() == 5

    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert post(elsewhere, "cooperate", ngo_name="Another address").status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_rate_limited_page_is_translated(client, lang):
    for number in range(5):
        post(client, "join", authority_name=f"Authority {number}")
    blocked = post(client, "join", lang, authority_name="Sixth")
    assert blocked.status_code == 429
    html = blocked.content.decode()
    assert f'<html lang="{lang}"' in html
    assert {"en": "Too many forms sent", "fr": "Trop de formulaires envoyés"}[lang] in html


@pytest.mark.django_db
def test_forwarded_address_counts_only_behind_a_trusted_proxy(settings):
    def send_from(forwarded, number):
        client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
        return post(client, "join", authority_name=f"Authority {number}").status_code

    # With no proxy declared, a bot cannot dodge the limit by inventing addresses.
    settings.REVERSE_PROXY_COUNT = 0
    assert [send_from(f"203.0.113.{n}", n) for n in range(6)] == [302] * 5 + [429]
    # Behind one proxy, visitors are told apart by the address it saw.
    settings.REVERSE_PROXY_COUNT = 1
    assert send_from("203.0.113.50", 6) == 302


@pytest.mark.django_db
def test_ipv6_visitors_are_counted_by_their_network(client):
    for number in range(5):
        neighbour = Client(REMOTE_ADDR=f"2001:db8:1:2::{number + 1}")
        assert post(neighbour, "join", authority_name=f"Authority {number}").status_code == 302
    same_network = Client(REMOTE_ADDR="2001:db8:1:2::99")
    assert post(same_network, "join", authority_name="Sixth").status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_form_without_the_csrf_token_is_refused(kind):
    client = Client(enforce_csrf_checks=True)
    response = client.post(FORM_URLS[kind].format(lang="en"), answers(kind))
    assert response.status_code == 403
    assert not Submission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_same_submission_sent_twice_in_a_row_is_kept_once(client, kind):
    data = answers(kind)
    first = client.post(FORM_URLS[kind].format(lang="en"), data)
    second = client.post(FORM_URLS[kind].format(lang="en"), data)

    assert first.status_code == second.status_code == 302
    assert second["Location"] == THANKS_URLS[kind].format(lang="en")
    assert Submission.objects.count() == 1
    run_email_worker()
    assert len(mail.outbox) == 2  # one acknowledgement, one notification


@pytest.mark.django_db
def test_same_answers_sent_again_after_a_decision_are_a_new_submission(client):
    data = answers("join")
    client.post("/en/join/", data)
    Submission.objects.update(status=Submission.Status.REJECTED)
    client.post("/en/join/", data)
    assert Submission.objects.count() == 2


# Bad input: a message at the field, never a server error


BAD_INPUT = [
    ("join", {"authority_name": ""}, "authority_name"),
    ("join", {"authority_name": "x" * 201}, "authority_name"),
    ("join", {"authority_name": "Lyon\x00"}, "authority_name"),
    ("join", {"authority_name": "Lyon\x1b[31m"}, "authority_name"),
    ("join", {"authority_name": "Lyon\nBcc: victim@example.org"}, "authority_name"),
    ("join", {"contact_name": "Ann\u202eExample"}, "contact_name"),
    ("join", {"motivation": "Line one\x07 bell"}, "motivation"),
    ("join", {"motivation": "x" * 2001}, "motivation"),
    ("join", {"kind": "empire"}, "kind"),
    ("join", {"country": "XX"}, "country"),
    ("join", {"country": "'; DROP TABLE submissions;--"}, "country"),
    ("join", {"website": "not a web address"}, "website"),
    ("join", {"website": "javascript:alert(1)"}, "website"),
    ("join", {"website": "ftp://files.example.org"}, "website"),
    ("join", {"contact_email": "jelena@"}, "contact_email"),
    ("join", {"contact_email": "a" * 250 + "@example.org"}, "contact_email"),
    ("join", {"contact_phone": "call me"}, "contact_phone"),
    ("join", {"roma_population": "many"}, "roma_population"),
    ("join", {"roma_population": "-5"}, "roma_population"),
    ("join", {"roma_population": "9" * 12}, "roma_population"),
    ("join", {"commitment": None}, "commitment"),
    ("join", {"consent": None}, "consent"),
    ("cooperate", {"ngo_name": " "}, "ngo_name"),
    ("cooperate", {"fields_of_work": ["education", "astrology"]}, "fields_of_work"),
    ("cooperate", {"fields_of_work": None}, "fields_of_work"),
    ("cooperate", {"proposal": "x" * 3001}, "proposal"),
    ("cooperate", {"website": "http://"}, "website"),
    ("sign", {"date_signed": "31/02/2019"}, "date_signed"),
    ("sign", {"date_signed": "yesterday"}, "date_signed"),
    ("sign", {"date_signed": "2999-01-01"}, "date_signed"),
    ("sign", {"date_signed": "0219-03-12"}, "date_signed"),
    ("sign", {"signatory_position": "Mayor\r\n"}, None),  # trailing whitespace is trimmed
    ("sign", {"signatory_name": ""}, "signatory_name"),
    ("practice", {"title": ""}, "title"),
    ("practice", {"title": "Homework\nclub"}, "title"),
    ("practice", {"summary": "x" * 1001}, "summary"),
    ("practice", {"summary": "Line one\x00"}, "summary"),
    ("practice", {"themes": None}, "themes"),
    ("practice", {"themes": ["education", "astrology"]}, "themes"),
    ("practice", {"type": None}, "type"),
    ("practice", {"type": "legendary"}, "type"),
    ("practice", {"country": "XX"}, "country"),
    ("practice", {"place": ""}, "place"),
    ("practice", {"year": "soon"}, "year"),
    ("practice", {"year": "1850"}, "year"),
    ("practice", {"year": "2999"}, "year"),
    ("practice", {"year": "9" * 5000}, "year"),
    ("practice", {"link": "javascript:alert(1)"}, "link"),
    ("practice", {"contact_organisation": " "}, "contact_organisation"),
    ("practice", {"contact_email": "marta@"}, "contact_email"),
    ("practice", {"year": "", "link": ""}, None),  # both may be left empty
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "changes", "field"), BAD_INPUT)
def test_bad_input_gets_a_message_at_the_field(client, kind, changes, field):
    response = post(client, kind, **changes)

    if field is None:
        assert response.status_code == 302
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html, html[html.find("error-summary") :][:600]
    assert not Submission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_form_names_every_required_field(client, kind):
    response = client.post(FORM_URLS[kind].format(lang="en"), {})
    assert response.status_code == 200
    form = response.context["form"]
    required = {name for name, field in form.fields.items() if field.required}
    assert required and set(form.errors) >= required


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_unexpected_methods_and_junk_fields_are_harmless(client, kind):
    url = FORM_URLS[kind].format(lang="en")
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
    junk = answers(kind, status="approved", decided_by="1", participant="1")
    assert client.post(url, junk).status_code == 302
    assert Submission.objects.get().status == Submission.Status.PENDING


@pytest.mark.django_db
def test_oversized_text_body_is_refused_with_a_client_error(client):
    response = post(client, "join", motivation="x" * (3 * 1024 * 1024))
    assert response.status_code == 400
    assert not Submission.objects.exists()


# Uploads


def png_claiming(width, height):
    """A tiny PNG whose header announces an enormous image: a decompression bomb."""
    content = bytearray(image_bytes("PNG", (1, 1)))
    header = struct.pack(">II", width, height) + bytes(content[24:29])
    content[16:29] = header
    content[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(content)


def sign_with(client, scan):
    return post(client, "sign", scan=scan)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("scan.pdf", pdf_bytes()),
        ("Scan.PDF", pdf_bytes()),
        ("scan.png", image_bytes("PNG")),
        ("scan.jpg", image_bytes("JPEG")),
        ("scan.jpeg", image_bytes("JPEG")),
    ],
)
def test_signed_scan_is_kept_where_only_staff_can_read_it(client, settings, name, content):
    response = sign_with(client, upload(name, content))

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.scan.read() == content
    path = submission.scan.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "scan" not in PurePath(path).name.lower()  # the file's name cannot be guessed


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", image_bytes("PNG"), "is not a PDF document"),
        ("scan.png", pdf_bytes(), "is not a PNG document"),
        ("scan.jpg", image_bytes("PNG"), "is not a JPEG document"),
        ("scan.png", image_bytes("PNG")[:-30], "is not a PNG document"),
        ("scan.png", image_bytes("PNG") + b"PK\x03\x04zip", "is not a PNG document"),
        ("scan.jpg", image_bytes("JPEG") + b"%PDF-1.4 trailer", "is not a JPEG document"),
        ("scan.pdf", b"%PDF-1.4\n", "is not a PDF document"),
        ("scan.png", png_claiming(8_000, 8_000), "too large in pixels"),
        ("scan.png", png_claiming(100_000, 100_000), "too large in pixels"),
        ("scan.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "Choose a PDF, JPEG or PNG"),
        ("scan.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "web page"),
        ("scan.pdf", pdf_bytes(b"<html><script>alert(1)</script></html>\n"), "web page"),
        ("scan.jpg", image_bytes("JPEG")[:-2] + b"<script>x</script>\xff\xd9", "web page"),
        ("scan.pdf", pdf_bytes(b"<< /OpenAction << /S /JavaScript /JS (x) >> >>\n"), "scripts"),
        ("scan.pdf", pdf_bytes(b"<< /Type /EmbeddedFile >>\n"), "scripts"),
        ("scan.exe", b"MZ\x90\x00", "Choose a PDF, JPEG or PNG"),
        ("scan", pdf_bytes(), "Choose a PDF, JPEG or PNG"),
        ("scan.pdf", b"", "The submitted file is empty"),
    ],
)
def test_scan_whose_content_is_wrong_is_refused_at_the_field(client, name, content, message):
    response = sign_with(client, upload(name, content))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_scan_error"' in html
    assert message in html
    assert 'value="Municipality of Tivat"' in html
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_fifty_megabyte_upload_gets_a_message_and_keeps_the_answers(client):
    response = sign_with(client, big_upload(50))

    assert response.status_code == 200
    html = response.content.decode()
    assert "The file is too large (50.0\xa0MB): choose a file smaller than 10 MB." in html
    assert 'value="Ivan Example"' in html
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_upload_just_over_the_limit_is_refused_in_french(client):
    response = post(client, "sign", "fr", scan=big_upload(10))
    assert response.status_code == 200
    message = (
        "Le fichier est trop volumineux (10,0\xa0Mio)\u00a0: "
        "choisissez un fichier de moins de 10 Mo."
    )
    assert message in response.content.decode()
