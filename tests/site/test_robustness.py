"""Odd input, on every public page, form field and admin filter, never gets a 5xx."""

from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client, RequestFactory

from submissions.forms import FORM_CLASSES

from ..browser.public_pages import LANGUAGES, PUBLIC_PAGE_TYPES
from ..submissions_helpers import FORM_URLS, answers

# Percent-encoded as a client may send them, by the kind of trouble they make. A walk
# sends one value of each kind to every address, field or filter, taking each kind's
# values in turn (one_of_each_kind): every value goes out many times, every kind
# reaches every target, and the walk is not the full product of the two lists.
ODD_VALUES = {
    "NUL": ["%00", "a%00b"],  # PostgreSQL refuses it
    "lone surrogate": ["%ED%A0%80"],  # as CESU-8
    "not UTF-8": ["%FF%FE"],
    # What str.isdigit() accepts and int() refuses, and what int() reads all the same.
    "Unicode digits": [quote("²"), quote("①"), quote("12³"), quote("١٢٣")],
    "out of range": ["1e309", "9" * 400, "-1"],
    "markup and quotes": [quote("<script>alert(1)</script>"), quote("' OR 1=1 --")],
    "invisible": [quote("\u202e\u200b")],
}


def one_of_each_kind(turn):
    """One value of each kind: the turn-th of its kind's values, round and round."""
    return [values[turn % len(values)] for values in ODD_VALUES.values()]


QUERY_NAMES = ["page", "tag", "q", "country", "type", "kind", "year", "signed"]
# The values that broke pages before, for every address and query name.
SHARP_VALUES = ["%00", "%ED%A0%80", "%FF%FE", quote("²"), "9" * 400]
OPEN_DATA = [
    "/participants.csv",
    "/participants.json",
    "/signatories.csv",
    "/signatories.json",
    "/participants-by-year.csv",
]


@pytest.fixture(autouse=True)
def _files(temporary_folders):
    """Uploads of every test here go to its own folders."""


def public_paths():
    paths = list(OPEN_DATA)
    for lang in LANGUAGES:
        paths += [page.path(lang) for page in PUBLIC_PAGE_TYPES]
        paths += [f"/{lang}/news/feed/rss/", f"/{lang}/news/feed/atom/"]
    return list(dict.fromkeys(paths))  # each address once, where two page types share one


def assert_no_server_error(response, what):
    assert response.status_code < 500, (what, response.status_code)


@pytest.mark.django_db
def test_odd_values_in_every_public_address_and_query(demo_content):
    client = Client()
    for turn, path in enumerate(public_paths()):
        for value in SHARP_VALUES:
            assert_no_server_error(client.get(f"{path}{value}/"), f"{path}{value}/")
        for value in one_of_each_kind(turn):
            url = f"{path}?{'&'.join(f'{name}={value}' for name in QUERY_NAMES)}"
            assert_no_server_error(client.get(url), url)


@pytest.mark.django_db
def test_a_nul_in_an_address_or_filter_is_not_found(client, demo_content):
    for url in ["/en/news/tag/%00/", "/fr/news/feed/rss/?tag=%00", "/en/good-practices/?type=%00"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Content-Security-Policy" in response


def form_body(kind, field, raw_value):
    """The form's valid answers, urlencoded, with one field's value as raw percent-encoding."""
    data = {key: value for key, value in answers(kind).items() if key != field}
    parts = []
    for key, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(f"{quote(key)}={quote(str(item))}")
    parts.append(f"{quote(field)}={raw_value}")
    return "&".join(parts)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(FORM_URLS))
def test_odd_values_in_every_form_field(kind):
    fields = list(FORM_CLASSES[kind].base_fields)
    for number, field in enumerate(fields):
        for index, value in enumerate(one_of_each_kind(number)):
            # A new address each time, so that the rate limit never answers instead;
            # the languages in turn, each of them meeting every field and kind.
            client = Client(REMOTE_ADDR=f"198.51.{number}.{index + 1}")
            lang = LANGUAGES[(number + index) % len(LANGUAGES)]
            response = client.post(
                FORM_URLS[kind].format(lang=lang),
                form_body(kind, field, value),
                content_type="application/x-www-form-urlencoded",
            )
            assert_no_server_error(response, (kind, field, lang, value))


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("value", ["²", "①", "12³", "١٢٣"])
def test_numbers_take_ascii_digits_only(client, lang, value):
    response = client.post(f"/{lang}/join/", answers("join", roma_population=value))
    assert response.status_code == 200
    assert "roma_population" in response.context["form"].errors


BAD_BODIES = [
    ("application/x-www-form-urlencoded; charset=utf-16", "a=b".encode("utf-16")),
    ("application/x-www-form-urlencoded; charset=utf-16", b"csrfmiddlewaretoken=x&a=%ff"),
    ("application/x-www-form-urlencoded; charset=utf-32", "a=b".encode("utf-32")),
]


@pytest.mark.django_db
@pytest.mark.parametrize("content_type, body", BAD_BODIES)
def test_bodies_that_cannot_be_decoded_get_the_sites_400(demo_content, content_type, body):
    client = Client()
    client.cookies["csrftoken"] = "a" * 32
    paths = [*public_paths()[::3], "/admin/login/", "/admin/", "/no-such-page/"]
    for path in paths:
        response = client.generic("POST", path, body, content_type=content_type)
        assert 400 <= response.status_code < 500, (path, response.status_code)
    response = client.generic("POST", "/fr/join/", body, content_type=content_type)
    assert response.status_code == 400
    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "La requête n'a pas pu être lue" in response.content.decode()


def admin_changelists():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in {config.label for config in apps.get_app_configs()}
    ]


def filter_parameters(model_admin, user):
    """The query names the admin's list reads: search, order, page, and those each
    of its filters expects (a choice's `__exact`, a date's `__gte` and `__lt`...)."""
    request = RequestFactory().get("/")
    request.user = user
    changelist = model_admin.get_changelist_instance(request)
    names = ["q", "o", "p", "e"]
    for spec in changelist.filter_specs:
        names += spec.expected_parameters()
    return list(dict.fromkeys(names))


@pytest.mark.django_db
def test_odd_values_in_every_admin_filter(client, demo_content):
    root = User.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(root)
    for model, model_admin in admin_changelists():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        names = filter_parameters(model_admin, root)
        assert len(names) > 4 or not model_admin.list_filter, url
        for turn, name in enumerate(names):
            for value in one_of_each_kind(turn):
                response = client.get(f"{url}?{name}={value}")
                assert_no_server_error(response, f"{url}?{name}={value}")
