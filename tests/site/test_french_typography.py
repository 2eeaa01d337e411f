"""French spacing and apostrophes on French pages, never inside tags, code, addresses
or English parts; English pages and the admin untouched."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from alliance_site.typography import french_typography
from pages.models import Page

from ..news_helpers import make_article

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Contact : ici</p>", f"<p>Contact{NBSP}: ici</p>"),
        (
            "<p>Vraiment ? Oui ! Bon ; fin</p>",
            f"<p>Vraiment{NNBSP}? Oui{NNBSP}! Bon{NNBSP}; fin</p>",
        ),
        ("<p>« Roms »</p>", f"<p>«{NBSP}Roms{NBSP}»</p>"),
        ("<p>«Roms»</p>", f"<p>«{NBSP}Roms{NBSP}»</p>"),
        ("<p>l'homme, l&#x27;Alliance</p>", "<p>l’homme, l’Alliance</p>"),
        # A name that has no space before its mark keeps it so.
        ("<p>Prix Dosta!</p>", "<p>Prix Dosta!</p>"),
        # Already right: unchanged.
        (f"<p>Contact{NBSP}: ici</p>", f"<p>Contact{NBSP}: ici</p>"),
    ],
)
def test_french_text_gets_french_typography(html, expected):
    assert french_typography(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/fr/?a=1 ;b" title="Note : l\'essai">x</a>',
        '<img alt="Note : une photo" src="a.jpg">',
        "<code>a : b; l'x</code>",
        "<pre>x ? y</pre>",
        '<script type="application/ld+json">{"a": "b : c ! l\'x"}</script>',
        "<textarea>Réponse : oui</textarea>",
        "<!-- note : ici -->",
        '<p lang="en">Note : it\'s English ?</p>',
        "<p>Voir https://example.org/a?b=1 ;x ou mailto:a@b.org</p>".replace(" ;x", "?x=1"),
    ],
)
def test_tags_attributes_code_addresses_and_english_are_left_alone(html):
    assert french_typography(html) == html


def test_french_inside_an_english_part_inside_french_is_french_again():
    html = '<div lang="en">Title : x <span lang="fr">Titre : y</span> end ?</div> fin ?'
    assert french_typography(html) == (
        f'<div lang="en">Title : x <span lang="fr">Titre{NBSP}: y</span> end ?</div> fin{NNBSP}?'
    )


@given(st.text(alphabet="ab :;!?«»'<>\"=/ ", max_size=60))
def test_only_text_between_tags_changes(text):
    """Whatever the text, every tag comes out byte for byte as it went in."""
    import re

    tags = re.compile(r"<[^>]*>")
    assert tags.findall(french_typography(text)) == tags.findall(text)


@pytest.mark.django_db
def test_french_pages_have_french_typography_in_interface_and_content(client, demo_content):
    page = client.get("/fr/").content.decode()
    # The interface ("Téléphone :" in the catalogue) and the content alike.
    assert f"Téléphone{NBSP}:" in page
    assert "Téléphone :" not in page
    tree = LexborHTMLParser(page)
    for node in tree.css("script"):
        node.decompose()
    assert "'" not in tree.body.text(), "one kind of apostrophe in the text"
    assert "Task Force de l’Alliance" in page


@pytest.mark.django_db
def test_rendered_french_content_is_corrected_but_its_links_are_not(client):
    make_article(
        "English",
        title_fr="Une question ?",
        body_fr="<p>Voir « ceci » : <a href=\"https://example.org/?q=l'a\">l'adresse</a></p>",
        slug="question",
    )
    page = client.get("/fr/news/question/").content.decode()
    assert f"<h1>Une question{NNBSP}?</h1>" in page
    assert f"Voir «{NBSP}ceci{NBSP}»{NBSP}:" in page
    assert "https://example.org/?q=l&#x27;a" in page or "https://example.org/?q=l'a" in page
    assert ">l’adresse</a>" in page


@pytest.mark.django_db
def test_english_pages_and_the_admin_are_untouched(client, admin_client, demo_content):
    page = client.get("/en/").content.decode()
    assert NNBSP not in page
    Page.objects.filter(slug="contact").update(title_fr="Nous contacter ?")
    admin = admin_client.get("/admin/pages/page/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Nous contacter ?" in admin
