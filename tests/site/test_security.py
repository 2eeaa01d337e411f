"""Production settings, response headers and the admin login's lockout."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings
from django.urls import reverse

from core.clients import client_ip

from ..browser.public_pages import LANGUAGES, PUBLIC_PAGE_TYPES

BASE_DIR = Path(__file__).resolve().parents[2]

PAGES = [pytest.param(page, id=page.name) for page in PUBLIC_PAGE_TYPES]


def production_environment(**extra):
    # Nothing of the test run's own environment that production would not have.
    leave_out = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in leave_out}
    environment.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="alliance.example.org",
        **extra,
    )
    return environment


def test_deployment_checks_pass_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def assert_security_headers(response):
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_sends_the_security_headers(client, demo_content, page, lang):
    if reason := page.missing():
        pytest.skip(reason)
    response = client.get(page.path(lang))
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/no-such-page/", "/admin/login/", "/"])
def test_errors_redirects_and_the_admin_send_them_too(client, path):
    assert_security_headers(client.get(path))


# The admin login's brute-force protection.

LOGIN_URL = "/admin/login/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", "correct horse battery", is_staff=True
    )


def try_login(client, password, address="192.0.2.10", username="editor"):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def logged_in(client):
    return client.get("/admin/").status_code == 200


def test_the_admin_locks_an_account_after_repeated_wrong_passwords(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = try_login(client, "wrong")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    # The last allowed failure locks the account for this address...
    assert try_login(client, "wrong").status_code == 429
    # ...and then even the right password is refused.
    response = try_login(client, "correct horse battery")
    assert response.status_code == 429
    assert "too many login attempts" in response.content.decode()
    assert not logged_in(client)


def test_a_lockout_does_not_lock_the_owner_out_from_elsewhere(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        try_login(client, "wrong", address="192.0.2.66")
    assert try_login(client, "correct horse battery", address="192.0.2.66").status_code == 429
    response = try_login(client, "correct horse battery", address="198.51.100.7")
    assert response.status_code == 302
    assert logged_in(client)


def test_a_successful_login_forgets_earlier_failures(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        try_login(client, "wrong")
    assert try_login(client, "correct horse battery").status_code == 302
    client.logout()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        try_login(client, "wrong")
    assert try_login(client, "correct horse battery").status_code == 302


def test_code_that_logs_in_without_a_request_is_not_refused(client, editor):
    assert client.login(username="editor", password="correct horse battery")


def test_the_visitor_address_comes_from_the_proxy_only_when_there_is_one():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7"
    )
    with override_settings(REVERSE_PROXY_COUNT=0):
        assert client_ip(request) == "127.0.0.1"
    with override_settings(REVERSE_PROXY_COUNT=1):
        # The forged left-hand entry is ignored: the proxy appended the right one.
        assert client_ip(request) == "198.51.100.7"
    without_header = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")
    with override_settings(REVERSE_PROXY_COUNT=1):
        assert client_ip(without_header) == "127.0.0.1"


def test_admin_login_page_is_reachable(client, db):
    assert client.get(reverse("admin:login")).status_code == 200
