"""One rich-text policy: every field that holds staff's HTML is cleaned by the same rules."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django_prose_editor.fields import ProseEditorField

from core.richtext import RICH_TEXT_EXTENSIONS, RichTextField, sanitise

# Every field of the site that holds HTML staff write; a new one belongs here.
RICH_TEXT_FIELDS = {
    ("declaration", "Declaration", "body"),
    ("news", "Article", "body"),
    ("pages", "Page", "body"),
    ("practices", "Practice", "description"),
}

ROOT = str(settings.BASE_DIR)

DIRTY = (
    '<h2>Title</h2><p onclick="steal()">Text <a href="javascript:alert(1)">bad</a> '
    '<a href="https://example.org/" target="_blank">good</a></p>'
    "<script>alert(1)</script><iframe src='https://example.org/'></iframe>"
    "<table><tbody><tr><td>cell</td></tr></tbody></table><hr>"
)


def site_models():
    return [model for model in apps.get_models() if model._meta.app_config.path.startswith(ROOT)]


def test_every_editor_field_of_the_site_is_a_rich_text_field():
    found = set()
    for model in site_models():
        for field in model._meta.get_fields():
            if isinstance(field, ProseEditorField) and not field.name.endswith(("_en", "_fr")):
                assert isinstance(field, RichTextField), f"{model.__name__}.{field.name}"
                found.add((model._meta.app_label, model.__name__, field.name))
    assert found == RICH_TEXT_FIELDS


@pytest.mark.parametrize("app_label, model_name, field_name", sorted(RICH_TEXT_FIELDS))
def test_each_rich_text_field_offers_and_keeps_the_one_policy(app_label, model_name, field_name):
    field = apps.get_model(app_label, model_name)._meta.get_field(field_name)
    assert field.config["extensions"] == RICH_TEXT_EXTENSIONS
    assert field.sanitize is sanitise
    assert field.clean(DIRTY, None) == sanitise(DIRTY)


def test_the_policy_keeps_what_the_editor_offers_and_removes_the_rest():
    clean = sanitise(DIRTY)
    for kept in (
        "<h2>Title</h2>",
        "<table>",
        "<td>cell</td>",
        "<hr>",
        'href="https://example.org/"',
    ):
        assert kept in clean
    for removed in ("onclick", "javascript:", "<script", "<iframe", "target="):
        assert removed not in clean


def test_plain_text_becomes_paragraphs():
    assert sanitise("One.\n\nTwo.") == "<p>One.</p>\n\n<p>Two.</p>"


@pytest.mark.django_db
@pytest.mark.parametrize("app_label, model_name, field_name", sorted(RICH_TEXT_FIELDS))
def test_every_language_is_cleaned_when_saved_from_code(app_label, model_name, field_name):
    model = apps.get_model(app_label, model_name)
    record = model(
        **{
            f.name: "x"
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField)
            and not f.blank
            and not f.choices
            and f.name != "path"
        }
    )
    for code in ("en", "fr"):
        setattr(record, f"{field_name}_{code}", DIRTY)
    record.save()
    record.refresh_from_db()
    for code in ("en", "fr"):
        assert getattr(record, f"{field_name}_{code}") == sanitise(DIRTY)
