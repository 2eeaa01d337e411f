"""Language of parts (WCAG 2.2, 3.1.2): text shown in the other language carries its lang.

Every public page type is walked in French with every translated record left
without French, and each text of those records must sit in an element whose
nearest `lang` is "en"; then the reverse, on English pages with records that
only have French. Finally, with the demo content as it is, French pages show
no title or tag name in English where a French one exists.
"""

import re

import feedparser
import pytest
from django.db.models import Q
from django.utils.html import strip_tags
from modeltranslation.translator import translator
from selectolax.lexbor import LexborHTMLParser

from news.models import Article, Tag

from ..browser.public_pages import PUBLIC_PAGE_TYPES
from ..news_helpers import make_article

# Short texts (a tag such as "CAHROM", a year) say nothing about a language.
SHORTEST = 12
UNREAD = {"script", "style", "template"}
# Words, not a phone number or an address that a page's text also happens to hold.
WORDS = re.compile(r"[^\W\d_]{3,}\s+[^\W\d_]{2,}")


def normalise(text):
    """Text as compared: typography (no-break spaces, apostrophes) left aside."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    return " ".join(text.split())


def translated_fields():
    for model in translator.get_registered_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        yield model, translator.get_options_for_model(model).get_field_names()


def only_in(keep, drop):
    """Leave every translated record with text in `keep` only; return that text."""
    corpus = []
    for model, fields in translated_fields():
        for field in fields:
            kept, dropped = f"{field}_{keep}", f"{field}_{drop}"
            rows = model._base_manager.exclude(Q(**{kept: ""}) | Q(**{f"{kept}__isnull": True}))
            corpus += [strip_tags(value) for value in rows.values_list(kept, flat=True)]
            if drop == "en":
                # English is required: empty it only where French stands in.
                rows.update(**{dropped: ""})
            else:
                model._base_manager.update(**{dropped: None if _nullable(model, dropped) else ""})
    return normalise("\n".join(corpus))


def _nullable(model, name):
    return model._meta.get_field(name).null


def nearest_lang(node):
    while node is not None:
        attributes = node.attributes if node.tag != "-text" else {}
        if attributes.get("lang"):
            return attributes["lang"]
        node = node.parent
    return None


def texts_from(page, corpus):
    """Each text of the page's body found in `corpus`, with its nearest lang."""
    tree = LexborHTMLParser(page)
    found = []
    for node in tree.body.traverse(include_text=True):
        if node.tag != "-text" or node.parent is None or node.parent.tag in UNREAD:
            continue
        text = normalise(node.text_content or "")
        if len(text) >= SHORTEST and WORDS.search(text) and text in corpus:
            found.append((text, nearest_lang(node)))
    return found


def walk(client, lang, corpus):
    checked = 0
    for page_type in PUBLIC_PAGE_TYPES:
        if page_type.missing():
            continue
        path = page_type.path(lang)
        response = client.get(path)
        assert response.status_code == 200, path
        found = texts_from(response.content.decode(), corpus)
        other = "en" if lang == "fr" else "fr"
        unmarked = [text for text, code in found if code != other]
        assert not unmarked, f"{page_type.name} ({path}): not marked lang={other}: {unmarked[:3]}"
        checked += len(found)
    return checked


@pytest.mark.django_db
def test_french_pages_mark_every_english_text_with_lang_en(client, demo_content):
    corpus = only_in("en", "fr")
    assert walk(client, "fr", corpus) > 100


@pytest.mark.django_db
def test_english_pages_mark_every_french_text_with_lang_fr(client, demo_content):
    corpus = only_in("fr", "en")
    assert walk(client, "en", corpus) > 50


@pytest.mark.django_db
def test_french_pages_show_no_english_title_or_tag_where_french_exists(client, demo_content):
    english = set()
    for model, fields in translated_fields():
        # Titles of every kind, and the names of tags and themes (other names,
        # of places, are proper nouns that a table may give as recorded).
        named = {"title"} | (
            {"name"} if model._meta.label in ("news.Tag", "practices.Theme") else set()
        )
        for field in named & set(fields):
            for en, fr in model._base_manager.values_list(f"{field}_en", f"{field}_fr"):
                if en and fr and normalise(en) not in normalise(fr):
                    english.add(normalise(en))
    assert "Ukrainian Alliance" in english and "Roma Day" in english
    for page_type in PUBLIC_PAGE_TYPES:
        if page_type.missing():
            continue
        tree = LexborHTMLParser(client.get(page_type.path("fr")).content.decode())
        # What is marked as English is English by right: no French exists for it.
        for node in tree.css("script, body [lang]:not([lang=fr])"):
            node.decompose()
        text = normalise(tree.css_first("title").text() + "\n" + tree.body.text(separator="\n"))
        shown = sorted(name for name in english if re.search(rf"\b{re.escape(name)}\b", text))
        assert not shown, f"{page_type.name}: English where French exists: {shown}"


@pytest.mark.django_db
def test_an_article_without_french_says_so_in_french(client):
    article = make_article("Only in English", lead="A teaser.", body="<p>The body.</p>")
    page = client.get(article.get_absolute_url().replace("/en/", "/fr/")).content.decode()
    tree = LexborHTMLParser(page)
    notice = tree.css_first(".notice--language")
    assert notice.text().strip() == "Cet article n’existe qu’en anglais."
    assert nearest_lang(notice) == "fr"
    assert tree.css_first("h1").attributes["lang"] == "en"
    assert tree.css_first(".article__lead").attributes["lang"] == "en"
    assert tree.css_first(".article__body").attributes["lang"] == "en"
    # Translated, it is French again, and the English page never had the notice.
    article.title_fr, article.lead_fr, article.body_fr = "Traduit", "Un chapeau.", "<p>Corps.</p>"
    article.save()
    tree = LexborHTMLParser(
        client.get(article.get_absolute_url().replace("/en/", "/fr/")).content.decode()
    )
    assert tree.css_first(".notice--language") is None
    assert "lang" not in tree.css_first("h1").attributes
    english = client.get(article.get_absolute_url()).content.decode()
    assert "notice--language" not in english


@pytest.mark.django_db
def test_a_partly_translated_article_marks_only_its_english_parts(client):
    article = make_article("English title", title_fr="Titre français", lead="English teaser.")
    tree = LexborHTMLParser(
        client.get(article.get_absolute_url().replace("/en/", "/fr/")).content.decode()
    )
    assert tree.css_first(".notice--language") is None
    assert "lang" not in tree.css_first("h1").attributes
    assert tree.css_first(".article__summary").attributes["lang"] == "en"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_items_say_their_real_language(client, kind):
    Tag.objects.create(name_en="Housing", name_fr="Logement")
    make_article("English only", lead="An English teaser.")
    make_article("Translated", title_fr="Traduit", lead="Teaser.", lead_fr="Chapeau.", days_ago=2)
    body = client.get(f"/fr/news/feed/{kind}/").content.decode()
    feed = feedparser.parse(body)
    by_title = {entry.title: entry for entry in feed.entries}
    if kind == "rss":
        assert by_title["English only"]["language"] == "en"
        assert by_title["Traduit"]["language"] == "fr"
    else:
        assert by_title["English only"].title_detail.language == "en"
        assert by_title["English only"].summary_detail.language == "en"
        assert by_title["Traduit"].title_detail.language == "fr"
    assert Article.objects.count() == 2
