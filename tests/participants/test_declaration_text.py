"""The Declaration is readable where it is signed: what a signatory commits to, its
languages and, where known, the addresses of its official texts and translations."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from declaration.models import Declaration, DeclarationTranslation

from ..pages_helpers import assert_public_page

COMMITMENTS = {
    "en": [
        '<h2 id="commitments">What a signatory commits to</h2>',
        "oppose anti-Gypsyism at local and regional level",
        "strive for the fair representation of Roma and Travellers at all levels of democracy",
        "support Roma candidates in elections",
    ],
    "fr": [
        '<h2 id="commitments">Ce à quoi s&#x27;engage un signataire</h2>',
        "s'opposer à l'antitsiganisme aux niveaux local et régional",
        "œuvrer pour une représentation équitable des Roms et des Gens du voyage",
        "soutenir les candidats roms aux élections",
    ],
}


def html_of(client, path, lang):
    # French typography's apostrophes and no-break spaces, folded for comparison.
    html = assert_public_page(client, path, lang).content.decode()
    return re.sub("[\u00a0\u202f]", " ", html.replace("&#x27;", "'").replace("’", "'"))


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", ["/{lang}/declaration/", "/{lang}/declaration/sign/"])
def test_the_page_and_the_sign_form_say_what_a_signatory_commits_to(
    client, demo_content, lang, path
):
    html = html_of(client, path.format(lang=lang), lang)
    for phrase in COMMITMENTS[lang]:
        assert phrase.replace("&#x27;", "'") in html, phrase


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "facts"),
    [
        ("en", ["at its 32nd session, in March 2017", "34 languages in all"]),
        ("fr", ["lors de sa 32e session, en mars 2017", "34 langues en tout"]),
    ],
)
def test_the_page_gives_the_adoption_and_lists_the_languages(client, demo_content, lang, facts):
    html = html_of(client, f"/{lang}/declaration/", lang)
    for fact in facts:
        assert fact in html
    languages = html.split('id="languages"')[1].split("</section>")[0]
    assert '<span lang="en">English</span>' in languages
    assert '<span lang="fr">français</span>' in languages
    # The sources give no address of the official texts: none is linked.
    assert "coe.int/" not in languages and "<a " not in languages


@pytest.mark.django_db
def test_addresses_staff_give_are_linked_in_each_language(client, demo_content):
    declaration = Declaration.load()
    declaration.document_url_en = "https://example.org/declaration-en.pdf"
    declaration.document_url_fr = "https://example.org/declaration-fr.pdf"
    declaration.save()
    DeclarationTranslation.objects.create(
        declaration=declaration, language="hu", url="https://example.org/nyilatkozat.pdf"
    )
    for lang in ("en", "fr"):
        html = client.get(f"/{lang}/declaration/").content.decode()
        assert (
            '<a href="https://example.org/declaration-en.pdf" hreflang="en" lang="en" '
            'rel="external">English</a>' in html
        )
        assert 'href="https://example.org/declaration-fr.pdf" hreflang="fr"' in html
        assert 'href="https://example.org/nyilatkozat.pdf" hreflang="hu" lang="hu"' in html
    resources = client.get("/en/resources/").content.decode()
    assert 'href="https://example.org/nyilatkozat.pdf" hreflang="hu"' in resources


@pytest.mark.django_db
def test_a_translation_needs_a_document_a_text_or_an_address():
    translation_record = DeclarationTranslation(declaration=Declaration.load(), language="de")
    with translation.override("en"), pytest.raises(ValidationError, match="the address"):
        translation_record.full_clean()
    translation_record.url = "https://example.org/erklaerung.pdf"
    translation_record.full_clean()


@pytest.mark.django_db
def test_editors_write_the_commitments_in_each_language(admin_client, demo_content):
    html = admin_client.get(f"/admin/declaration/declaration/{Declaration.load().pk}/change/")
    html = html.content.decode()
    for field in ("commitments_en", "commitments_fr", "document_url_en", "document_url_fr"):
        assert f'name="{field}"' in html, field
    declaration = Declaration.load()
    declaration.commitments_fr = "<p>Un engagement <script>alert(1)</script>clair.</p>"
    declaration.save()
    # Cleaned on save, like the text, and shown above the sign form.
    html = admin_client.get("/fr/declaration/sign/").content.decode()
    assert "<p>Un engagement clair.</p>" in html and "alert(1)" not in html
