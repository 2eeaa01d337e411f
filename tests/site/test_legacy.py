"""Old addresses, /{lang}/page/{id}-{slug}.html, lead to their item in one step."""

import pytest
from django.utils import translation

from news.models import Article
from pages.models import Page

# The known ids of ../shared/spec/SITE.md and where each must lead.
KNOWN = {
    33: "/{lang}/about-us/",
    95: "/{lang}/romact/",
    106: "/{lang}/resources/",
    217: "/{lang}/declaration/",
    284: "/{lang}/declaration/#signatories",
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("legacy_id,target", KNOWN.items())
def test_known_old_address_redirects_once_to_its_item(
    client, demo_content, lang, legacy_id, target
):
    for slug in ["about-us", "ressources", "anything-at-all", "qui-sommes-nous"]:
        response = client.get(f"/{lang}/page/{legacy_id}-{slug}.html")
        assert response.status_code == 301
        assert response["Location"] == target.format(lang=lang)
        landing = client.get(response["Location"])
        assert landing.status_code == 200, "a chain of redirects, or a dead end"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    "legacy_id,title",
    [
        (87, "Next Launching Events of ROMED2 and ROMACT"),
        (289, "The Alliance in Lviv"),
    ],
)
def test_old_article_address_redirects_once_to_the_article(
    client, demo_content, lang, legacy_id, title
):
    article = Article.objects.get(legacy_id=legacy_id)
    assert article.title_en.startswith(title)
    with translation.override(lang):
        expected = article.get_absolute_url()
    assert expected.startswith(f"/{lang}/news/")
    response = client.get(f"/{lang}/page/{legacy_id}-whatever-the-slug.html")
    assert (response.status_code, response["Location"]) == (301, expected)
    assert client.get(expected).status_code == 200


@pytest.mark.django_db
def test_unpublished_article_keeps_its_old_id_hidden(client, demo_content):
    Article.objects.filter(legacy_id=87).update(is_published=False)
    assert client.get("/en/page/87-x.html").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/en/page/99999-nothing.html",
        "/fr/page/0-x.html",
        "/en/page/abc-x.html",
        "/de/page/33-x.html",
    ],
)
def test_unknown_old_address_is_not_found(client, demo_content, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_a_draft_page_keeps_its_old_id_hidden(client):
    Page.objects.create(title_en="Old", body_en="<p>x</p>", legacy_id=150, is_published=False)
    assert client.get("/en/page/150-old.html").status_code == 404


@pytest.mark.django_db
def test_staff_give_an_old_id_to_a_new_page(client):
    Page.objects.create(title_en="Networks", body_en="<p>x</p>", legacy_id=300, is_published=True)
    response = client.get("/fr/page/300-reseaux.html")
    assert (response.status_code, response["Location"]) == (301, "/fr/networks/")
