"""Whatever is posted to the forms, the site never answers with a server error."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from submissions.forms import FORM_CLASSES

from ..submissions_helpers import FILE_FIELDS, FORM_URLS, answers, image_bytes, pdf_bytes, stamp

FIELD_NAMES = {kind: list(form.base_fields) for kind, form in FORM_CLASSES.items()}

# Text of every kind: control characters, surrogate-free Unicode, very long runs.
any_text = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=190, max_size=3100),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\r\n",
            "on",
            "XX",
            "FR",
            "city",
            "2019-02-30",
            "31/12/2019",
            "https://",
            "javascript:alert(1)",
            "<script>alert(1)</script>",
            "a@b",
            "x" * 10_000,
            "1e309",
            "-1",
            "\u202e",
            "%PDF-1.4",
        ]
    ),
)
any_value = st.one_of(any_text, st.lists(any_text, max_size=4))
any_file = st.one_of(
    st.binary(max_size=2048),
    st.sampled_from([pdf_bytes(), image_bytes("PNG"), image_bytes("JPEG"), b"<svg/>"]),
).flatmap(
    lambda content: st.sampled_from(
        ["scan.pdf", "scan.png", "scan.jpg", "scan.svg", "", "a" * 300]
    ).map(lambda name: SimpleUploadedFile(name or "x", content))
)


def form_data(kind):
    fields = st.sampled_from(FIELD_NAMES[kind] + ["unexpected", "csrfmiddlewaretoken"])
    return st.tuples(
        st.booleans(),
        st.dictionaries(fields, any_value, max_size=len(FIELD_NAMES[kind])),
        st.one_of(st.none(), any_file) if kind in FILE_FIELDS else st.none(),
    ).map(lambda parts: _build(kind, *parts))


def _build(kind, start_valid, changes, scan):
    """Start from a valid form (or from nothing) and overwrite some fields at random."""
    data = answers(kind) if start_valid else {"shown_at": stamp()}
    data.update(changes)
    if scan is not None:
        data[FILE_FIELDS[kind]] = scan
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("kind", ["join", "cooperate", "sign", "practice"])
def test_no_input_gives_a_server_error(client, kind, lang):
    url = FORM_URLS[kind].format(lang=lang)

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=form_data(kind))
    def post_anything(data):
        cache.clear()  # the rate limit is tested elsewhere
        response = client.post(url, data)
        assert response.status_code in (200, 302, 400), response.status_code

    post_anything()
