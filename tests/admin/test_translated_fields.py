"""Each translated field's languages side by side in the admin, each labelled with its
language in the staff member's own: no tabs, no switch hiding a language."""

import re

import pytest
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from modeltranslation.translator import translator
from modeltranslation.utils import get_translation_fields

from alliance_site.models import StaffPreferences
from core.admin import SideBySideTranslationAdmin


@pytest.fixture
def chief(db):
    return User.objects.create_superuser("chief", "chief@example.org", "x")


def form_page(user, address, language):
    StaffPreferences.objects.update_or_create(user=user, defaults={"language": language})
    client = Client()
    client.force_login(user)
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def labels(html):
    return {
        field: re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", "", text)).strip()
        for field, text in re.findall(r'<label[^>]*for="id_([a-z_]+)"[^>]*>(.*?)</label>', html)
    }


@pytest.mark.parametrize(
    "language, english, french",
    [
        ("en", "Title (English):", "Title (French):"),
        ("fr", "Titre (anglais)\xa0:", "Titre (français)\xa0:"),
    ],
)
def test_an_article_form_labels_each_language_in_the_admins_language(
    chief, language, english, french
):
    html = form_page(chief, "/admin/news/article/add/", language)
    shown = labels(html)
    assert shown["title_en"] == english
    assert shown["title_fr"] == french
    # Both languages on one line of the form, the English one marked as required.
    assert re.search(r'class="form-row field-title_en field-title_fr"', html)
    assert re.search(r'<label class="required" for="id_title_en">', html)
    assert re.search(r'<label class="inline" for="id_title_fr">', html)
    # No jQuery UI tabs, no switch for the whole form.
    assert "jquery-ui" not in html
    assert "ui-tabs" not in html
    assert "modeltranslation-main-switch" not in html
    assert "[en]" not in html and "[fr]" not in html


def test_the_english_is_still_required(chief):
    StaffPreferences.objects.create(user=chief, language="en")
    client = Client()
    client.force_login(chief)
    response = client.post("/admin/news/article/add/", {"title_fr": "Seulement en français"})
    assert response.status_code == 200
    assert "title_en" in response.context["adminform"].form.errors


def translated_admins():
    return [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, SideBySideTranslationAdmin)
    ]


def test_every_translated_model_admin_shows_languages_side_by_side():
    translated = {
        model for model in translator.get_registered_models() if model in admin.site._registry
    }
    plain = [
        type(admin.site._registry[model]).__name__
        for model in translated
        if not isinstance(admin.site._registry[model], SideBySideTranslationAdmin)
    ]
    assert plain == []


@pytest.mark.parametrize("model_admin", translated_admins(), ids=lambda m: type(m).__name__)
def test_each_translated_field_has_its_languages_on_one_line(chief, model_admin):
    request = RequestFactory().get("/admin/")
    request.user = chief
    fieldsets = model_admin.get_fieldsets(request)
    lines = [line for _name, options in fieldsets for line in options["fields"]]
    shown = set(flatten_fieldsets(fieldsets))
    for original in model_admin.trans_opts.fields:
        languages = tuple(get_translation_fields(original))
        if not set(languages) <= shown:
            continue
        # Either a line of their own, or within a line the form already had.
        assert languages in lines or any(
            isinstance(line, tuple) and set(languages) <= set(line) for line in lines
        ), (original, lines)
