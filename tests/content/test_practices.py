import re

import pytest
from django.contrib.auth import get_user_model

from practices.models import Practice, Theme

from ..pages_helpers import assert_public_page


def make_practice(title, country, themes, type="promising", **fields):
    practice = Practice.objects.create(
        title_en=title,
        summary_en=f"Summary of {title}.",
        country=country,
        place=fields.pop("place", "Somewhere"),
        type=type,
        **fields,
    )
    practice.themes.set(Theme.objects.filter(slug__in=themes))
    return practice


@pytest.fixture
def practices(db):
    return [
        make_practice("School mediators", "FR", ["education"], "demonstrated", year=2014),
        make_practice("Homework club", "FR", ["education", "culture"], "promising", year=2018),
        make_practice("Housing the families", "FR", ["housing"], "replicated", year=2016),
        make_practice("Health mediators", "RO", ["health", "education"], "demonstrated"),
        make_practice("Jobs for youth", "RO", ["employment"], "promising", year=2017),
        make_practice("Romani festival", "GR", ["culture"], "replicated", year=2015),
        make_practice("Withdrawn", "GR", ["culture"], "replicated", is_published=False),
    ]


def titles(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def options(response, name):
    """{option value: count} of one filter as the visitor sees it."""
    html = response.content.decode()
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group()
    found = re.findall(r'<option value="([^"]*)"[^>]*>[^<]*\((\d+)\)</option>', select)
    return {value: int(count) for value, count in found}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_list_and_practice_are_public_pages(client, demo_content, practices, lang):
    assert_public_page(client, f"/{lang}/good-practices/", lang)
    assert_public_page(client, f"/{lang}/good-practices/?country=FR&theme=education", lang)
    assert_public_page(client, f"/{lang}/good-practices/{practices[0].slug}/", lang)


@pytest.mark.django_db
def test_filters_combine(client, practices):
    response = client.get("/en/good-practices/?country=FR&theme=education")
    assert sorted(titles(response)) == ["Homework club", "School mediators"]
    response = client.get("/en/good-practices/?country=FR&theme=education&type=demonstrated")
    assert titles(response) == ["School mediators"]
    response = client.get("/en/good-practices/?theme=education&type=demonstrated")
    assert sorted(titles(response)) == ["Health mediators", "School mediators"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["", "?theme=education", "?type=promising", "?country=FR&type=replicated", "?q=mediators"],
)
def test_filter_counts_add_up_and_each_count_is_what_a_click_gives(client, practices, query):
    response = client.get(f"/en/good-practices/{query}")
    given = dict(pair.split("=") for pair in query.lstrip("?").split("&") if pair)
    for name in ("country", "type"):
        counts = options(response, name)
        total = counts.pop("")
        # The options of a single-valued filter share out all the results it would narrow.
        assert sum(counts.values()) == total
        if name not in given:
            assert total == len(titles(response))
    for name in ("country", "theme", "type"):
        for value, count in options(response, name).items():
            if value:
                chosen = {**given, name: value}
                url = "/en/good-practices/?" + "&".join(f"{k}={v}" for k, v in chosen.items())
                assert len(titles(client.get(url))) == count, url


@pytest.mark.django_db
def test_search_finds_words_in_title_summary_and_place(client, practices):
    Practice.objects.filter(title_en="Jobs for youth").update(place="Cluj-Napoca")
    assert titles(client.get("/en/good-practices/?q=cluj")) == ["Jobs for youth"]
    assert sorted(titles(client.get("/en/good-practices/?q=MEDIATORS"))) == [
        "Health mediators",
        "School mediators",
    ]
    assert titles(client.get("/en/good-practices/?q=health+school")) == []


@pytest.mark.django_db
def test_draft_practice_is_not_listed_nor_shown(client, practices):
    assert "Withdrawn" not in titles(client.get("/en/good-practices/"))
    assert client.get(f"/en/good-practices/{practices[-1].slug}/").status_code == 404
    assert options(client.get("/en/good-practices/"), "country")["GR"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["?country=ZZ", "?theme=nonsense", "?type=%00", "?q=" + "x" * 500, "?page=99", "?page=abc"],
)
def test_bad_filters_give_a_message_or_a_404_never_an_error(client, practices, query):
    response = client.get(f"/en/good-practices/{query}")
    assert response.status_code in (200, 404)
    if response.status_code == 200 and "page" not in query:
        assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.django_db
def test_list_paginates_and_keeps_the_filters(client):
    theme = Theme.objects.get(slug="housing")
    Practice.objects.bulk_create(
        Practice(
            title_en=f"Practice {i:02}",
            slug=f"p-{i}",
            summary_en="x",
            country="FR",
            place="Lyon",
            type="promising",
        )
        for i in range(25)
    )
    theme.practices.set(Practice.objects.all())
    response = client.get("/en/good-practices/?theme=housing")
    assert len(titles(response)) == 20
    assert 'href="?theme=housing&amp;page=2"' in response.content.decode()
    assert len(titles(client.get("/en/good-practices/?theme=housing&page=2"))) == 5


@pytest.mark.django_db
def test_practice_page_shows_what_staff_entered(client, practices):
    practice = practices[1]
    practice.title_fr = "Club de devoirs"
    practice.description_en = "<p>Every <strong>Tuesday</strong>.</p><script>alert(1)</script>"
    practice.link = "https://example.org/club"
    practice.save()
    html = client.get(f"/fr/good-practices/{practice.slug}/").content.decode()
    assert "<h1>Club de devoirs</h1>" in html
    assert "<p>Every <strong>Tuesday</strong>.</p>" in html
    assert "<script>alert" not in html
    assert "Éducation" in html and "France" in html and "Prometteuse" in html
    assert 'href="https://example.org/club"' in html


@pytest.mark.django_db
def test_staff_add_practices_in_the_admin(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    themes = Theme.objects.filter(slug__in=["health", "housing"])
    response = client.post(
        "/admin/practices/practice/add/",
        {
            "title_en": "Mobile clinic",
            "summary_en": "A clinic that visits settlements.",
            "description_en": "",
            "country": "BG",
            "place": "Sofia",
            "themes": [theme.pk for theme in themes],
            "type": "replicated",
            "year": "2016",
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    assert titles(client.get("/en/good-practices/?country=BG&theme=health")) == ["Mobile clinic"]


@pytest.mark.django_db
def test_list_queries_do_not_grow_with_the_data(client, django_assert_max_num_queries):
    theme = Theme.objects.get(slug="culture")
    for size in (10, 1000):
        Practice.objects.all().delete()
        Practice.objects.bulk_create(
            Practice(
                title_en=f"Practice {i}",
                slug=f"p-{i}",
                summary_en="x",
                country=["FR", "RO", "GR"][i % 3],
                place="x",
                type="promising",
            )
            for i in range(size)
        )
        theme.practices.set(Practice.objects.all())
        client.get("/en/good-practices/")
        with django_assert_max_num_queries(12):
            response = client.get("/en/good-practices/?theme=culture&country=FR")
        assert len(titles(response)) == min(20, (size + 2) // 3)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "lang, message",
    [
        ("en", "“propose” is already the address of another page: choose another."),
        ("fr", "« propose » est déjà l’adresse d’une autre page : choisissez-en une autre."),
    ],
)
def test_a_slug_that_is_another_page_s_address_is_refused(client, lang, message):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    response = client.post(
        "/admin/practices/practice/add/",
        {
            "title_en": "Propose",
            "slug": "propose",
            "summary_en": "A practice named like the form.",
            "country": "BG",
            "place": "Sofia",
            "type": "replicated",
            "is_published": "on",
        },
        HTTP_ACCEPT_LANGUAGE=lang,
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Practice.objects.filter(slug="propose").exists()
    # Left empty, the slug made from the title steps aside.
    practice = Practice.objects.create(
        title_en="Propose", summary_en="x", country="BG", place="Sofia", type="replicated"
    )
    assert practice.slug == "propose-2"
