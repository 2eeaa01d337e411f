"""Every edit is reversible: for each tracked model, staff open an earlier version in
the admin, save it, and the public page shows the record as it was, in its language."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from selectolax.lexbor import LexborHTMLParser

from alliance_site.history import TRACKED_MODELS
from declaration.models import Declaration, DeclarationTranslation, Signatory
from news.models import Article, Tag
from pages.models import Page, SiteSettings
from participants.models import NationalNetwork, Participant
from prize.models import PrizeEdition, PrizeWinner
from resources.models import Document
from submissions.models import NGOPartner

from ..content.test_practices import make_practice


def form_as_shown(html):
    """What a browser sends when the form on the page is saved as it stands."""
    form = LexborHTMLParser(html).css_first("#content-main form[method=post]")
    data = {}
    for node in form.css("input, textarea, select"):
        name = node.attributes.get("name")
        kind = node.attributes.get("type", "text")
        if not name or kind in ("file", "submit", "button"):
            continue
        if kind in ("checkbox", "radio"):
            if "checked" in node.attributes:
                data.setdefault(name, []).append(node.attributes.get("value") or "on")
        elif node.tag == "select":
            chosen = [o.attributes.get("value", "") for o in node.css("option[selected]")]
            data[name] = chosen if "multiple" in node.attributes else (chosen or [""])[:1]
        elif node.tag == "textarea":
            data[name] = [node.text()]
        else:
            data[name] = [node.attributes.get("value") or ""]
    return data


def first_published_practice():
    make_practice("School mediators", "FR", ["education"], "demonstrated", year=2014)
    from practices.models import Practice

    return Practice.objects.get()


# model: (the record, the field edited, the public page that shows it)
CASES = {
    "news.Article": (lambda: Article.objects.published().first(), "title_fr", None),
    "pages.Page": (lambda: Page.objects.filter(is_published=True).first(), "title_fr", None),
    "pages.SiteSettings": (SiteSettings.load, "mission_fr", "/fr/"),
    "participants.Participant": (lambda: Participant.objects.active().first(), "name_fr", None),
    "participants.NationalNetwork": (
        NationalNetwork.objects.first,
        "name_en",
        "/en/participants/",
    ),
    "declaration.Declaration": (Declaration.load, "title_fr", "/fr/declaration/"),
    "declaration.DeclarationTranslation": (
        lambda: DeclarationTranslation.objects.create(
            declaration=Declaration.load(), language="hu", text="Nyilatkozat."
        ),
        "text",
        "/en/declaration/translations/hu/",
    ),
    "declaration.Signatory": (
        lambda: Signatory.objects.public().first(),
        "name",
        "/en/declaration/",
    ),
    "resources.Document": (
        # The demo lists no document (no source gives their addresses): one of a test's own.
        lambda: Document.objects.create(
            kind=Document.Kind.OTHER,
            title_en="Report on Roma inclusion",
            title_fr="Rapport sur l’inclusion des Roms",
            url="https://example.org/report.pdf",
        ),
        "title_fr",
        "/fr/resources/",
    ),
    "practices.Practice": (first_published_practice, "title_fr", None),
    "practices.Theme": (
        lambda: first_published_practice().themes.get(),
        "name_fr",
        "/fr/good-practices/",
    ),
    "prize.PrizeEdition": (PrizeEdition.objects.first, "description_fr", "/fr/dosta-prize/"),
    "prize.PrizeWinner": (PrizeWinner.objects.first, "name_en", "/en/dosta-prize/"),
    "submissions.NGOPartner": (
        lambda: NGOPartner.objects.create(
            name="Roma Education Example", country="HU", fields_of_work=["education"]
        ),
        "name",
        "/en/partners/",
    ),
    "news.Tag": (
        lambda: Tag.objects.filter(
            news_taggedarticle_items__content_object__in=Article.objects.published()
        ).first(),
        "name_fr",
        "/fr/news/",
    ),
}


def test_every_tracked_model_has_a_restore_case():
    assert sorted(CASES) == sorted(TRACKED_MODELS)


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(CASES))
def test_restoring_an_earlier_version_shows_the_public_page_as_it_was(demo_content, label):
    get_record, field, page = CASES[label]
    record = get_record()
    assert record is not None, f"no {label} in the demo content"
    page = page or record.get_absolute_url()
    if field.endswith("_fr"):
        page = page.replace("/en/", "/fr/", 1)
    visitor = Client()
    setattr(record, field, "The version to keep")
    record.save()
    assert "The version to keep" in visitor.get(page).content.decode()
    setattr(record, field, "Edited by mistake")
    record.save()
    assert "Edited by mistake" in visitor.get(page).content.decode()

    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    opts = record._meta
    admin_name = f"admin:{opts.app_label}_{opts.model_name}"
    history = staff.get(reverse(f"{admin_name}_history", args=[record.pk]))
    assert history.status_code == 200
    earlier = record.history.filter(**{field: "The version to keep"}).latest("history_date")
    revert_url = reverse(f"{admin_name}_simple_history", args=[record.pk, earlier.history_id])
    assert revert_url in history.content.decode()
    # Changes named in words ("Title (French)"), no empty "Change reason" column,
    # no inline style for the policy to refuse.
    listed = history.content.decode()
    assert "[en]" not in listed and "[fr]" not in listed
    assert "Change reason" not in listed and 'style="' not in listed
    form_page = staff.get(revert_url)
    assert form_page.status_code == 200
    response = staff.post(revert_url, form_as_shown(form_page.content.decode()))
    assert response.status_code == 302, response.context["adminform"].form.errors

    record.refresh_from_db()
    assert getattr(record, field) == "The version to keep"
    html = visitor.get(page).content.decode()
    assert "The version to keep" in html and "Edited by mistake" not in html
