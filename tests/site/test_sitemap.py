from pathlib import Path

import pytest
from lxml import etree

from news.models import Article
from pages.models import Page
from participants.models import Participant
from practices.models import Practice

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return etree.fromstring(response.content)


@pytest.mark.django_db
def test_sitemap_validates_against_the_sitemaps_org_schema(client, demo_content):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-with-alternates.xsd")))
    document = sitemap(client)
    schema.assertValid(document)
    # The plain sitemaps.org schema alone refuses a foreign element it cannot check:
    # the alternates are declared, not waved through.
    plain = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    assert not plain.validate(document)


@pytest.mark.django_db
def test_sitemap_lists_published_items_in_both_languages_and_no_draft(client, demo_content):
    Page.objects.create(title_en="Secret plans", body_en="<p>x</p>", is_published=False)
    practice = Practice.objects.create(
        title_en="Mediators", summary_en="x", country="FR", place="Lyon", type="promising"
    )
    Practice.objects.create(
        title_en="Draft practice",
        summary_en="x",
        country="FR",
        place="Lyon",
        type="promising",
        is_published=False,
    )
    document = sitemap(client)
    locations = document.xpath("//s:url/s:loc/text()", namespaces=NS)
    assert "http://testserver/en/about-us/" in locations
    assert "http://testserver/fr/about-us/" in locations
    assert f"http://testserver/fr/good-practices/{practice.slug}/" in locations
    assert "http://testserver/en/declaration/" in locations
    strasbourg = Participant.objects.get(name_en="Strasbourg")
    assert f"http://testserver/fr/participants/{strasbourg.slug}/" in locations
    assert not [loc for loc in locations if "secret-plans" in loc or "draft-practice" in loc]
    lviv = Article.objects.get(legacy_id=289)
    assert f"http://testserver/fr/news/{lviv.slug}/" in locations
    lviv.is_published = False
    lviv.save()
    assert f"http://testserver/fr/news/{lviv.slug}/" not in sitemap(client).xpath(
        "//s:url/s:loc/text()", namespaces=NS
    )
    entry = document.xpath("//s:url[s:loc='http://testserver/en/about-us/']", namespaces=NS)[0]
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in entry.xpath("x:link[@rel='alternate']", namespaces=NS)
    }
    assert alternates["fr"] == "http://testserver/fr/about-us/"
    assert alternates["en"] == "http://testserver/en/about-us/"
    assert entry.xpath("s:lastmod/text()", namespaces=NS)


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert client.head("/robots.txt").status_code == 200


def test_favicon_ico_leads_to_the_site_icon(client):
    """Pages without an icon link (the admin) and feed readers ask for /favicon.ico."""
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".svg") and "/static/img/mark" in response["Location"]
