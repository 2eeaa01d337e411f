import pytest

from declaration.models import Signatory
from declaration.resources import SignatoryResource

from ..import_helpers import confirm, export, log_in_staff, preview, totals

CHANGELIST = "/admin/declaration/signatory/"
HEADER = "name,kind,country,signatory_name,signatory_position,date_signed,is_public\n"


def snapshot():
    return list(Signatory.objects.order_by("pk").values())


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(client, demo_content, fmt):
    log_in_staff(client)
    Signatory.objects.filter(name="Şişli").update(
        signatory_name="A. Name", signatory_position="Mayor", date_signed="2017-06-20"
    )
    before = snapshot()
    response = preview(client, CHANGELIST, export(SignatoryResource(), fmt), f"s.{fmt}")
    assert totals(response) == {**totals(response), "new": 0, "update": 0, "skip": 122}
    confirm(client, CHANGELIST, response)
    assert snapshot() == before


@pytest.mark.django_db
def test_new_signatories_are_previewed_then_written(client, demo_content):
    log_in_staff(client)
    content = HEADER + "Reykjavík,city,IS,,,2018-03-01,1\nMalmö,,Sweden,,,,1\n"
    response = preview(client, CHANGELIST, content.encode("utf-8-sig"), "s.csv")
    assert totals(response) == {**totals(response), "new": 2, "invalid": 0}
    assert Signatory.objects.count() == 122
    confirm(client, CHANGELIST, response)
    assert Signatory.objects.public().counter() == {"signatories": 124, "countries": 35}
    assert str(Signatory.objects.get(name="Reykjavík").date_signed) == "2018-03-01"
    assert Signatory.objects.get(name="Malmö").country.code == "SE"


@pytest.mark.django_db
def test_bad_rows_are_refused_each_with_its_reason(client, demo_content):
    log_in_staff(client)
    rows = [
        "Reykjavík,city,IS,,,,1",
        "Reykjavik,city,Iceland,,,,1",  # a different spelling is not a duplicate
        "reykjavík,city,IS,,,,1",  # the same name in other case is
        "Gotham,city,ZZ,,,,1",
        "Volos City,city,GR,,,20/06/2017,1",
        "Trikala Town,city,GR,,,,maybe",
        "?i?li,,TR,,,,1",
        ",city,FR,,,,1",
    ]
    content = (HEADER + "\n".join(rows) + "\n").encode("utf-8-sig")
    response = preview(client, CHANGELIST, content, "s.csv")
    refused = {row.number: row.error_dict for row in response.context["result"].invalid_rows}
    assert sorted(refused) == [3, 4, 5, 6, 7, 8]
    assert "Duplicate: row 1" in str(refused[3])
    assert 'Unknown country "ZZ"' in str(refused[4]["country"])
    assert "YYYY-MM-DD" in str(refused[5]["date_signed"])
    assert "neither 1 nor 0" in str(refused[6]["is_public"])
    assert "lost" in str(refused[7]["name"])
    assert "must not be empty" in str(refused[8]["name"])
    assert "confirm_form" not in response.context
    assert Signatory.objects.count() == 122
