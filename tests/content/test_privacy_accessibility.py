"""The privacy notice and the accessibility statement say what is true, in both languages."""

import re

import pytest
from django.core.cache import cache
from django.utils.html import strip_tags

from ..pages_helpers import assert_public_page


def text_of(client, path):
    html = assert_public_page(client, path, path[1:3]).content.decode()
    main = re.search(r"<main\b.*?</main>", html, re.S).group()
    # Read as plain text: French typography's apostrophes and no-break spaces folded.
    return re.sub(r"\s+", " ", strip_tags(main)).replace("&#x27;", "'").replace("’", "'")


PRIVACY = {
    "en": {
        "forms": ["Join the Alliance:", "Sign the Declaration:", "Cooperate as NGO:",
                  "Propose a good practice:"],
        "controller": "The controller of these data is the Congress of Local and Regional "
        "Authorities of the Council of Europe",
        "published": ["What approval publishes", "in the table of signatories",
                      "on the partners page"],
        "never": ["What is never published", "phone number of any contact person",
                  "the scan of the signed text"],
        "retention": "A submission is kept for {days} after it was sent.",
        "deletion": ["how to ask for deletion", "delete the data you sent"],
    },
    "fr": {
        "forms": ["Adhérer à l'Alliance :", "Signer la Déclaration :",
                  "Coopérer en tant qu'ONG :", "Proposer une bonne pratique :"],
        "controller": "Le responsable du traitement de ces données est le Congrès des "
        "pouvoirs locaux et régionaux du Conseil de l'Europe",
        "published": ["Ce que l'approbation publie", "dans le tableau des signataires",
                      "sur la page des partenaires"],
        "never": ["Ce qui n'est jamais publié", "numéro de téléphone de toute personne",
                  "la copie numérisée du texte signé"],
        "retention": "Une demande est gardée {days} après son envoi.",
        "deletion": ["comment demander la suppression", "supprimer les données envoyées"],
    },
}  # fmt: skip
DAYS = {"en": "{n} days", "fr": "{n} jours"}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_privacy_notice_covers_every_form_and_says_what_is_published(
    client, demo_content, lang
):
    text = text_of(client, f"/{lang}/privacy/")
    expected = PRIVACY[lang]
    for phrase in [*expected["forms"], expected["controller"], *expected["published"],
                   *expected["never"], *expected["deletion"]]:  # fmt: skip
        assert phrase in text, phrase
    assert "alliance@coe.int" in text


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_retention_period_is_the_one_the_site_runs_with(client, demo_content, settings, lang):
    for days in (365, 30):
        settings.SUBMISSION_RETENTION_DAYS = days
        cache.clear()  # a new setting comes with a restart; the page cache expires on its own
        text = text_of(client, f"/{lang}/privacy/")
        period = DAYS[lang].format(n=days)
        assert PRIVACY[lang]["retention"].format(days=period) in text
        assert "[retention-days]" not in text


@pytest.mark.django_db
def test_a_token_in_a_page_is_replaced_escaped(client, settings):
    from pages.models import Page

    settings.SUBMISSION_RETENTION_DAYS = 1
    Page.objects.create(
        title_en="Notes", body_en="<p>Kept [retention-days] &amp; no more.</p>", is_published=True
    )
    html = client.get("/en/notes/").content.decode()
    assert "<p>Kept 1 day &amp; no more.</p>" in html


ACCESSIBILITY = {
    "en": ["Conformance status", "partially conformant", "(WCAG) 2.2 at level AA",
           "prepared on 1 December 2026", "Known limitations", "scanned PDF files",
           "Tell us about a problem", "saying which page and what went wrong"],
    "fr": ["État de conformité", "partiellement conforme", "(WCAG) 2.2, niveau AA",
           "établie le 1er décembre 2026", "Limites connues", "les PDF numérisés",
           "Signaler un problème", "en indiquant la page et ce qui n'a pas fonctionné"],
}  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_accessibility_statement_gives_status_date_limits_and_contact(
    client, demo_content, lang
):
    text = text_of(client, f"/{lang}/accessibility/")
    for phrase in ACCESSIBILITY[lang]:
        assert phrase in text, phrase
    assert "WCAG) 2.1" not in text and "alliance@coe.int" in text
