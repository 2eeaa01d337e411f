"""The staff groups' permissions and the content history editors rely on."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse

from alliance_site.staff_groups import setup_staff_groups
from pages.models import SiteSettings
from participants.models import Participant


def group_permissions(name):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=name).permissions.select_related("content_type")
    }


def staff_member(username, group):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.django_db
def test_migrate_creates_both_groups_with_their_permissions():
    editors = group_permissions("Editors")
    moderators = group_permissions("Moderators")
    assert {"pages.change_sitesettings", "pages.view_historicalsitesettings"} <= editors
    assert "participants.change_participant" not in editors
    assert {
        "participants.add_participant",
        "participants.change_participant",
        "participants.view_participant",
    } <= moderators
    assert "participants.delete_participant" not in moderators
    assert not any(p.startswith("pages.") for p in moderators)
    assert not any(".delete_historical" in p or ".change_historical" in p for p in editors)


def add_permission(app_label, model, codename):
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )[0]


@pytest.mark.django_db
def test_models_that_arrive_later_are_covered_by_their_app_name():
    for action in ("add", "change", "delete", "view"):
        add_permission("news", "article", f"{action}_article")
        add_permission("declaration", "signatory", f"{action}_signatory")
        add_permission("submissions", "submission", f"{action}_submission")
    add_permission("participants", "nationalnetwork", "change_nationalnetwork")
    setup_staff_groups()
    editors = group_permissions("Editors")
    moderators = group_permissions("Moderators")
    assert {f"news.{a}_article" for a in ("add", "change", "delete", "view")} <= editors
    assert "participants.change_nationalnetwork" in editors
    assert not any(p.endswith("_signatory") for p in editors)
    assert not any(p.startswith("submissions.") for p in editors)
    assert {
        "declaration.add_signatory",
        "declaration.change_signatory",
        "submissions.view_submission",
        "submissions.change_submission",
    } <= moderators
    assert "submissions.delete_submission" not in moderators
    assert "declaration.delete_signatory" not in moderators
    assert not any(p.startswith("news.") for p in moderators)


@pytest.mark.django_db
def test_the_command_is_idempotent_and_undoes_changes_made_by_hand():
    before = group_permissions("Editors")
    Group.objects.get(name="Editors").permissions.add(
        Permission.objects.get(codename="delete_user")
    )
    out = StringIO()
    call_command("setup_staff_groups", stdout=out)
    call_command("setup_staff_groups", stdout=out)
    assert group_permissions("Editors") == before
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2
    assert "Editors:" in out.getvalue() and "Moderators:" in out.getvalue()


@pytest.mark.django_db
def test_each_group_reaches_only_its_own_admin_pages(client, demo_content):
    settings_url = reverse("admin:pages_sitesettings_change", args=[1])
    participants_url = reverse("admin:participants_participant_changelist")
    client.force_login(staff_member("ed", "Editors"))
    assert client.get(settings_url).status_code == 200
    assert client.get(participants_url).status_code == 403
    client.force_login(staff_member("mo", "Moderators"))
    assert client.get(participants_url).status_code == 200
    assert client.get(settings_url).status_code == 403


# Content history.


def settings_form_data(settings):
    """What the admin form posts for the settings record as it stands."""
    return {
        field.name: getattr(settings, field.name)
        for field in SiteSettings._meta.fields
        if field.name not in {"id", "mission", "note_on_terms", "contact_role", "contact_address"}
    }


@pytest.mark.django_db
def test_an_editor_sees_and_restores_an_earlier_version_of_the_settings(client, demo_content):
    client.force_login(staff_member("ed", "Editors"))
    change_url = reverse("admin:pages_sitesettings_change", args=[1])
    original = SiteSettings.load()
    data = settings_form_data(original)
    data.update(contact_name="Ms Ada Example", mission_fr="Une autre mission.")
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    edited = SiteSettings.load()
    assert edited.contact_name == "Ms Ada Example"
    assert edited.mission_fr == "Une autre mission."

    history = client.get(reverse("admin:pages_sitesettings_history", args=[1]))
    assert history.status_code == 200
    versions = list(SiteSettings.history.order_by("history_date"))
    assert len(versions) == 2
    assert versions[-1].history_user.username == "ed"

    earlier = versions[0]
    revert_url = reverse("admin:pages_sitesettings_simple_history", args=[1, earlier.history_id])
    form_page = client.get(revert_url)
    assert form_page.status_code == 200
    assert "Tobias Mayr" in form_page.content.decode()
    response = client.post(revert_url, settings_form_data(earlier.instance))
    assert response.status_code == 302
    restored = SiteSettings.load()
    assert restored.contact_name == "Tobias Mayr"
    assert restored.mission_fr == original.mission_fr
    assert restored.mission_en == original.mission_en
    assert SiteSettings.history.count() == 3
    assert "M. Tobias Mayr" in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_participant_edits_keep_the_earlier_name(client, demo_content):
    participant = Participant.objects.create(name="Strasburg", kind="city", country="FR")
    participant.name = "Strasbourg"
    participant.save()
    assert [v.instance.name for v in participant.history.order_by("history_date")] == [
        "Strasburg",
        "Strasbourg",
    ]
    client.force_login(staff_member("mo", "Moderators"))
    url = reverse("admin:participants_participant_history", args=[participant.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = " ".join(response.content.decode().split())
    assert f"/history/{participant.history.earliest().history_id}/" in html
    assert "Strasburg &nbsp;&rarr;&nbsp;&nbsp;Strasbourg" in html
