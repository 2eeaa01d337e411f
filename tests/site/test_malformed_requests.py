"""Malformed requests get a 4xx answer, never a server error, and change nothing."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.apps import apps
from django.test import Client

BASE_DIR = Path(__file__).resolve().parents[2]


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.fixture
def nothing_written(db, demo_content):
    before = row_counts()
    yield
    assert row_counts() == before


GET_4XX = [
    "/en/" + "a" * 10_000 + "/",  # overlong path
    "/en/%ff%fe/",  # invalid UTF-8 in the path
    "/%c0%af/",
    "/en/%00/",  # a null byte
    "/en/%zz/",  # a broken escape
    "/de/",  # languages the site does not have
    "/xx-yy/news/",
    "/en/../../etc/passwd",
    "/en//admin/",
]


@pytest.mark.parametrize("path", GET_4XX)
def test_malformed_addresses_are_refused(client, nothing_written, path):
    response = client.get(path, follow=True)
    assert 400 <= response.status_code < 500, path


@pytest.mark.parametrize(
    "query",
    ["q=%ff%fe", "q=" + "x" * 100_000, "page=%00", "a=1&" * 3000, "%=%&&=&q"],
)
def test_malformed_query_strings_do_no_harm(client, nothing_written, query):
    response = client.get(f"/en/?{query}")
    assert response.status_code < 500


@pytest.mark.parametrize(
    "headers",
    [
        {"accept-language": "xx-invalid;;q=abc,,;q=" + "9" * 1000},
        {"accept-language": "de-DE," * 2000},
        {"cookie": "django_language=klingon; sessionid=" + "%ff" * 1000},
        {"x-huge": "a" * 200_000},
        {"x-forwarded-for": "not an address, 300.1.1.1"},
    ],
    ids=["bad language", "long language", "bad cookies", "huge header", "bad forwarded"],
)
def test_odd_headers_do_no_harm(client, nothing_written, headers):
    response = client.get("/", headers=headers, follow=True)
    assert response.status_code < 500
    assert response.request["PATH_INFO"] in ("/en/", "/fr/")


def test_an_unknown_host_is_refused(client, nothing_written):
    assert client.get("/en/", headers={"host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_pages_refuse_methods_they_do_not_take(nothing_written, method):
    checked = Client(enforce_csrf_checks=True)
    response = getattr(checked, method)("/en/", data="a=1", content_type="text/plain")
    assert response.status_code in (403, 405)
    assert getattr(Client(), method)("/en/").status_code == 405


def test_trace_is_refused(client, nothing_written):
    assert client.generic("TRACE", "/en/").status_code == 405


def test_a_huge_body_is_refused(client, nothing_written, settings):
    body = "username=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + "&password=x"
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


def test_too_many_fields_are_refused(client, nothing_written, settings):
    body = "&".join(f"f{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("multipart/form-data", b"--x\r\n"),
        ("multipart/form-data; boundary=", b"--\r\n\r\n"),
        ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data\r\n\r\n"),
        ("application/x-www-form-urlencoded", b"username=%ff%fe&password=%"),
    ],
    ids=["no boundary", "empty boundary", "truncated part", "bad utf-8"],
)
def test_broken_form_bodies_are_refused(nothing_written, content_type, body):
    # As an attacker sends them: without the form's CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", body, content_type=content_type
    )
    assert 400 <= response.status_code < 500


# What the production server refuses before the site sees the request.


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    """The site under gunicorn with the project's gunicorn.conf.py, on a loopback port."""
    port = free_port()
    environment = dict(
        os.environ,
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{tmp_path_factory.mktemp('gunicorn')}/db.sqlite3",
        CACHE_URL="locmemcache://",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
    )
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "alliance_site.wsgi"],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _attempt in range(100):  # up to about 10 seconds to start
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"gunicorn did not start: {server.stderr.read().decode()}")
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def raw_request(port, data):
    """Send bytes as they are; the status code of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(data)
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_gunicorn_serves_the_site(gunicorn):
    assert raw_request(gunicorn, b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n") == 302


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /en/" + b"a" * 10_000 + b"/ HTTP/1.1\r\nHost: localhost\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: localhost\r\nX-Huge: " + b"a" * 20_000 + b"\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: localhost\r\n"
        + b"".join(b"X-Many-%d: 1\r\n" % n for n in range(200))
        + b"\r\n",
        b"GET /en/\xff\xfe HTTP/1.1\r\nHost: localhost\r\n\r\n",
        b"GARBAGE\r\n\r\n",
        b"GET /en/ HTTP/9.9\r\nHost: localhost\r\n\r\n",
    ],
    ids=["long line", "huge header", "too many headers", "raw bytes", "garbage", "bad version"],
)
def test_gunicorn_refuses_malformed_requests(gunicorn, request_bytes):
    status = raw_request(gunicorn, request_bytes)
    assert 400 <= status < 500 or status == 505, status
