import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from pages.models import SiteSettings

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_an_anonymous_page_is_served_again_without_a_query(client, demo_content):
    first = client.get("/en/")
    assert first["X-Page-Cache"] == "miss"
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=" in second["Cache-Control"]


@pytest.mark.django_db
def test_a_hit_asks_the_cache_once(client, demo_content, monkeypatch):
    """The version and the page come back in one round trip to the shared cache."""
    from django.core.cache import cache

    client.get("/en/")
    calls, depth = [], []

    def counted(method):
        original = getattr(cache, method)

        def call(*args, **kwargs):
            if not depth:  # not one a backend makes for another (get_many -> get)
                calls.append(method)
            depth.append(method)
            try:
                return original(*args, **kwargs)
            finally:
                depth.pop()

        return call

    for method in ("get", "get_many", "set", "add", "incr"):
        monkeypatch.setattr(cache, method, counted(method))
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    assert calls == ["get_many"]


def test_redis_clients_are_built_once_per_process(settings):
    """Building a redis-py client per operation costs as much as the round trip."""
    from django.core.cache import cache

    if not settings.CACHES["default"]["LOCATION"].startswith("redis"):
        pytest.skip("the cache is not Redis (CACHE_URL=redis://... runs this)")
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    cache.set("reused-client", 1)
    assert cache.get("reused-client") == 1


@pytest.mark.django_db
def test_languages_are_cached_apart(client, demo_content):
    client.get("/en/")
    client.get("/fr/")
    assert 'lang="fr"' in client.get("/fr/").content.decode()
    assert 'lang="en"' in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_a_change_saved_by_staff_shows_on_the_next_request(client, demo_content):
    client.get("/en/")
    settings = SiteSettings.load()
    settings.contact_name = "Ms Fresh Contact"
    settings.save()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "Ms Fresh Contact" in response.content.decode()


@pytest.mark.django_db
def test_a_conditional_request_gets_304(client, demo_content):
    etag = client.get("/en/")["ETag"]
    assert client.get("/en/", headers={"if-none-match": etag}).status_code == 304
    SiteSettings.objects.update()  # no signal: content unchanged
    settings = SiteSettings.load()
    settings.contact_phone = "+33 1 00 00 00 00"
    settings.save()
    assert client.get("/en/", headers={"if-none-match": etag}).status_code == 200


@pytest.mark.django_db
def test_logged_in_staff_and_posts_bypass_the_cache(client, demo_content):
    client.get("/en/")
    staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    client.force_login(staff)
    response = client.get("/en/")
    assert "X-Page-Cache" not in response
    client.logout()
    assert "X-Page-Cache" not in client.post("/en/")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


def test_a_change_saved_by_one_process_is_served_fresh_by_another(tmp_path):
    """Two gunicorn workers and a separate process share the cache and database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        CACHE_KEY_PREFIX=f"test-{os.getpid()}-{time.time_ns()}",
    )
    if not env.get("CACHE_URL", "").startswith("redis"):
        env["CACHE_URL"] = f"filecache://{tmp_path / 'cache'}"
    manage = [sys.executable, "manage.py"]
    run = dict(cwd=BASE_DIR, env=env, check=True, capture_output=True)
    subprocess.run([*manage, "migrate", "--noinput"], **run)
    subprocess.run([*manage, "load_demo_content"], **run)

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "alliance_site.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/en/"
        for _ in range(100):
            try:
                _get(url)
                break
            except OSError:
                time.sleep(0.1)
        states = {_get(url)[0] for _ in range(6)}
        assert "hit" in states

        change = (
            "from pages.models import SiteSettings\n"
            "s = SiteSettings.load(); s.contact_name = 'Ms Other Process'; s.save()"
        )
        subprocess.run([*manage, "shell", "-c", change], **run)

        for _ in range(4):  # whichever worker answers
            state, html = _get(url)
            assert "Ms Other Process" in html
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.django_db
def test_a_staff_bulk_update_without_signals_still_refreshes_pages(client, demo_content):
    client.get("/en/")
    staff = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(staff)
    # An admin action that writes with QuerySet.update() sends no model signal.
    SiteSettings.objects.update(contact_name="Ms Bulk Update")
    client.post("/admin/pages/sitesettings/1/change/", {})  # any staff POST
    client.logout()
    assert "Ms Bulk Update" in client.get("/en/").content.decode()


# After a change every page asks for the same missing pieces at once: one request
# computes each, the others wait for its value.


def claim_piece(name):
    """Another request's claim on computing piece `name` (in English)."""
    from django.core.cache import cache

    from alliance_site.page_cache import content_version

    cache.add(f"content:en:{name}:computing:{content_version()}", True)
    return f"content:en:{name}", content_version()


@pytest.mark.django_db
def test_a_piece_that_another_request_computes_is_waited_for_not_computed_again():
    import threading

    from django.utils import translation

    from alliance_site.page_cache import shared_piece, store

    with translation.override("en"):
        key, version = claim_piece("directory-page")
        threading.Timer(0.1, store, (key, version, "computed elsewhere")).start()
        computed = shared_piece("directory-page", lambda: pytest.fail("computed twice"))
    assert computed == "computed elsewhere"


@pytest.mark.django_db
def test_a_request_that_waited_in_vain_computes_the_piece_itself(monkeypatch):
    from django.utils import translation

    from alliance_site import page_cache

    monkeypatch.setattr(page_cache, "PIECE_WAIT_SECONDS", 0.1)
    with translation.override("en"):
        claim_piece("country-page:HU")
        assert page_cache.shared_piece("country-page:HU", lambda: "computed here") == (
            "computed here"
        )


@pytest.mark.django_db
def test_a_piece_whose_computing_fails_leaves_no_one_waiting():
    from django.core.cache import cache
    from django.http import Http404
    from django.utils import translation

    from alliance_site.page_cache import content_version, shared_piece

    def not_found():
        raise Http404

    with translation.override("en"):
        with pytest.raises(Http404):
            shared_piece("directory-page:99", not_found)
        assert cache.get(f"content:en:directory-page:99:computing:{content_version()}") is None
        assert shared_piece("directory-page:99", lambda: None) is None
