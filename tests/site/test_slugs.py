"""One slug rule: made from the English name or title, stable once published."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import RequestFactory
from django.utils import translation

from core.models import SluggedModel

SLUGGED = ["news.Article", "pages.Page", "participants.Participant", "practices.Practice"]


def test_every_model_with_an_address_follows_the_one_rule():
    with_slug = {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in {"news", "pages", "participants", "practices", "prize"}
        and "slug" in {f.name for f in model._meta.fields}
        and not model._meta.label.split(".")[1].startswith("Historical")
    }
    # A theme's slug is typed by staff: it names a filter, not a page. A tag's is
    # made once from its English name by taggit's own base (news.Tag.slugify).
    assert with_slug - {"practices.Theme", "news.Tag"} == set(SLUGGED)
    for label in SLUGGED:
        assert issubclass(apps.get_model(label), SluggedModel)


@pytest.mark.django_db
@pytest.mark.parametrize("label", SLUGGED)
def test_the_slug_is_made_from_english_and_read_only_once_published(label, admin_user):
    model = apps.get_model(label)
    source = model.slug_source
    record = model(**{f"{source}_en": "Roma inclusion", f"{source}_fr": "Inclusion des Roms"})
    with translation.override("fr"):
        record.fill_slug()
    assert record.slug == "roma-inclusion"
    request = RequestFactory().get("/")
    request.user = admin_user
    model_admin = admin.site._registry[model]
    setattr(record, model.published_field, False)
    assert "slug" not in model_admin.get_readonly_fields(request, record)
    setattr(record, model.published_field, True)
    assert "slug" in model_admin.get_readonly_fields(request, record)
