import re

import pytest

from participants.models import Participant
from prize.models import PrizeEdition, PrizeWinner

from ..pages_helpers import assert_public_page


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_prize_is_a_public_page(client, demo_content, lang):
    assert_public_page(client, f"/{lang}/dosta-prize/", lang)


@pytest.mark.django_db
def test_editions_show_their_winners_in_prize_order(client, demo_content):
    html = client.get("/en/dosta-prize/").content.decode()
    assert html.index("Prize 2017") < html.index("Prize 2015")
    edition_2017 = html[html.index("Prize 2017") : html.index("Prize 2015")]
    order = [edition_2017.index(name) for name in ["Şişli", "Volos", "Gliwice"]]
    assert order == sorted(order), "in the order staff entered them"
    edition_2015 = html[html.index("Prize 2015") :]
    order = [edition_2015.index(name) for name in ["Ghent", "Kragujevac", "Reggio", "Madrid"]]
    assert order == sorted(order)
    assert "2nd prize (joint)" in edition_2015
    assert "1st prize" in edition_2015 and "3rd prize" in edition_2015
    for name in ["Şişli", "Volos", "Gliwice"]:
        assert name in html[html.index("Prize 2017") : html.index("Prize 2015")]


@pytest.mark.django_db
def test_winner_links_to_its_participant_page_where_there_is_one(client, demo_content):
    kragujevac = Participant.objects.get(name_en="Kragujevac")
    html = client.get("/fr/dosta-prize/").content.decode()
    assert f'<a href="/fr/participants/{kragujevac.slug}/">Kragujevac</a>' in html
    assert "Gand" in html and not re.search(r"<a [^>]*>Gand</a>", html)


@pytest.mark.django_db
def test_prize_page_is_two_queries_for_the_editions(client, django_assert_max_num_queries):
    for size in (3, 300):
        PrizeEdition.objects.all().delete()
        editions = PrizeEdition.objects.bulk_create(
            PrizeEdition(year=1700 + i) for i in range(size)
        )
        PrizeWinner.objects.bulk_create(
            PrizeWinner(
                edition=e, name_en=f"Town {e.year}", name=f"Town {e.year}", country="FR", rank=1
            )
            for e in editions
        )
        client.get("/en/dosta-prize/")
        # One more than before: the next scheduled change, once per content version.
        with django_assert_max_num_queries(6):
            response = client.get("/en/dosta-prize/")
        assert f"Town {1700 + size - 1}" in response.content.decode()
