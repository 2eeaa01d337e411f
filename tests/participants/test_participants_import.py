import pytest

from participants.models import Participant
from participants.resources import ParticipantResource

from ..import_helpers import confirm, export, log_in_staff, preview, totals

CHANGELIST = "/admin/participants/participant/"
HEADER = (
    "name,name_fr,kind,country,date_joined,website,latitude,longitude,national_network,"
    "description,description_fr,is_active\n"
)


def snapshot():
    return list(Participant.objects.order_by("pk").values())


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(client, demo_content, fmt):
    log_in_staff(client)
    before = snapshot()
    content = export(ParticipantResource(), fmt)
    response = preview(client, CHANGELIST, content, f"participants.{fmt}")
    assert response.status_code == 200
    assert totals(response) == {**totals(response), "new": 0, "update": 0, "skip": 13}
    assert totals(response)["invalid"] == 0 and totals(response)["error"] == 0
    confirm(client, CHANGELIST, response)
    assert snapshot() == before


@pytest.mark.django_db
def test_preview_shows_what_will_be_created_and_updated_before_writing(client, demo_content):
    log_in_staff(client)
    content = export(ParticipantResource(), "csv").decode("utf-8-sig")
    content = content.replace("Reggio de Calabre", "Reggio di Calabria")
    content += "Gent,Gand,,city,BE,,,51.05,3.71667,,,,1\r\n"
    response = preview(client, CHANGELIST, content.encode("utf-8-sig"), "participants.csv")
    assert totals(response) == {**totals(response), "new": 1, "update": 1, "skip": 12}
    kinds = {row.object_repr: row.import_type for row in response.context["result"].rows}
    assert kinds["Gent"] == "new" and kinds["Reggio Calabria"] == "update"
    assert "Gand" in response.content.decode()
    # Nothing is written until staff confirm.
    assert not Participant.objects.filter(name_en="Gent").exists()
    assert Participant.objects.get(slug="reggio-calabria").name_fr == "Reggio de Calabre"
    confirm(client, CHANGELIST, response)
    ghent = Participant.objects.get(name_en="Gent")
    assert (ghent.slug, ghent.country.code, str(ghent.latitude)) == ("gent", "BE", "51.05000")
    assert Participant.objects.get(slug="reggio-calabria").name_fr == "Reggio di Calabria"


@pytest.mark.django_db
def test_a_bad_row_is_refused_with_its_reason_and_nothing_is_written(client, demo_content):
    log_in_staff(client)
    before = snapshot()
    rows = [
        "Besançon,,city,FR,2014-05,,47.24,6.02,,,,1",  # valid
        "Atlantis,,city,Atlantis,,,,,,,,1",  # unknown country
        "Hamlet,,village,FR,,,,,,,,1",  # not a kind
        "Nowhere,,city,FR,,,95,6,,,,1",  # latitude out of range
        "Sisa?ko-Moslava?ke County,,region,HR,,,,,,,,1",  # lost characters
        "Besançon,,city,France,,,,,,,,1",  # same as the first row
        "Nice,,city,FR,June 2014,,,,,,,1",  # not an ISO date
        "Metz,,city,FR,,,,,Balkan network,,,1",  # no such network
    ]
    content = (HEADER + "\n".join(rows) + "\n").encode("utf-8-sig")
    response = preview(client, CHANGELIST, content, "participants.csv")
    assert response.status_code == 200
    result = response.context["result"]
    assert "confirm_form" not in response.context
    refused = {row.number: row.error_dict for row in result.invalid_rows}
    assert sorted(refused) == [2, 3, 4, 5, 6, 7, 8]
    assert 'Unknown country "Atlantis"' in str(refused[2]["country"])
    assert '"village" is not one of' in str(refused[3]["kind"])
    assert "latitude" in refused[4]
    assert "a character was probably lost" in str(refused[5]["name"])
    assert "Duplicate: row 1" in str(refused[6])
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in str(refused[7]["date_joined"])
    assert 'No national network is named "Balkan network"' in str(refused[8])
    html = response.content.decode()
    assert "Unknown country &quot;Atlantis&quot;" in html
    assert snapshot() == before


@pytest.mark.django_db
def test_a_file_with_an_unknown_column_is_refused_whole(client, demo_content):
    log_in_staff(client)
    content = "nom,pays\nLyon,FR\n".encode("utf-8-sig")
    response = preview(client, CHANGELIST, content, "participants.csv")
    assert response.status_code == 200
    html = response.content.decode()
    assert "unknown columns: nom, pays" in html
    assert "missing columns: name, country" in html
    assert "confirm_form" not in response.context
    assert Participant.objects.count() == 13


@pytest.mark.django_db
def test_a_file_in_another_encoding_is_refused_on_the_rows_it_damages(client, demo_content):
    log_in_staff(client)
    content = (HEADER + "Besançon,,city,FR,,,,,,,,1\nMetz,,city,FR,,,,,,,,1\n").encode("latin-1")
    response = preview(client, CHANGELIST, content, "participants.csv")
    assert response.status_code == 200
    result = response.context["result"]
    assert [row.number for row in result.invalid_rows] == [1]
    assert "not valid UTF-8" in str(result.invalid_rows[0].error_dict["name"])
    assert "confirm_form" not in response.context
    assert not Participant.objects.filter(name_en__in=["Metz", "Besançon"]).exists()
