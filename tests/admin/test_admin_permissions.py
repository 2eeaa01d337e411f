"""Every admin address, as each kind of staff account: 200 where its group may, 403 elsewhere."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import Client

from alliance_site.staff_groups import setup_staff_groups
from submissions.models import Submission

from ..submissions_helpers import answers, pdf_bytes, upload

ROLES = ["superuser", "editor", "moderator", "staff"]


@pytest.fixture(autouse=True)
def _files(temporary_folders):
    """Uploads of every test here go to its own folders."""


@pytest.fixture
def accounts(db):
    setup_staff_groups()
    users = {"superuser": User.objects.create_superuser("root", "root@example.org", "x")}
    for role, group in [("editor", "Editors"), ("moderator", "Moderators"), ("staff", None)]:
        users[role] = User.objects.create_user(role, f"{role}@example.org", "x", is_staff=True)
        if group:
            users[role].groups.add(Group.objects.get(name=group))
    return users


@pytest.fixture
def signed(demo_content):
    Client().post("/en/declaration/sign/", answers("sign", scan=upload("s.pdf", pdf_bytes())))
    return Submission.objects.get()


def may(user, action, model):
    return user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")


def admin_addresses(user):
    """(address, expected status) for every list, form and history of the admin."""
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        base = f"/admin/{opts.app_label}/{opts.model_name}/"
        can_view = may(user, "view", model) or may(user, "change", model)
        record = model._default_manager.order_by("pk").first()
        if model_admin.__class__.changelist_view is admin.ModelAdmin.changelist_view:
            yield base, 200 if can_view else 403
        if record is not None:
            yield f"{base}{record.pk}/change/", 200 if can_view else 403
            yield f"{base}{record.pk}/history/", 200 if can_view else 403
        if model_admin.has_add_permission.__func__ is admin.ModelAdmin.has_add_permission:
            yield f"{base}add/", 200 if may(user, "add", model) else 403


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_answers_as_the_group_intends(client, accounts, signed, role):
    user = accounts[role]
    client.force_login(user)
    wrong = []
    for address, expected in admin_addresses(user):
        status = client.get(address).status_code
        if status != expected:
            wrong.append((address, status, expected))
    assert not wrong


# Import, export, decisions and scans: what each role may do.
INTENDED = {
    # (role, address): status
    "participant import": ("/admin/participants/participant/import/", [200, 403, 200, 403]),
    "participant export": ("/admin/participants/participant/export/", [200, 403, 200, 403]),
    "signatory import": ("/admin/declaration/signatory/import/", [200, 403, 200, 403]),
    "signatory export": ("/admin/declaration/signatory/export/", [200, 403, 200, 403]),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(INTENDED))
def test_import_and_export_follow_the_model_permissions(client, accounts, demo_content, name):
    address, statuses = INTENDED[name]
    for role, expected in zip(ROLES, statuses, strict=True):
        client.force_login(accounts[role])
        assert client.get(address).status_code == expected, (role, address)


@pytest.mark.django_db
def test_an_editor_cannot_import_participants(client, accounts, demo_content):
    client.force_login(accounts["editor"])
    csv = upload("p.csv", b"name,country,kind\nCity of Nowhere,FR,city\n", "text/csv")
    response = client.post(
        "/admin/participants/participant/import/",
        {"format": "0", "import_file": csv, "resource": "0"},
    )
    assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_scans_follow_the_view_permission(client, accounts, signed, role):
    client.force_login(accounts[role])
    response = client.get(f"/admin/submissions/submission/{signed.pk}/scan/")
    assert response.status_code == (200 if role in ("superuser", "moderator") else 403)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_decision_buttons_and_actions_need_the_moderation_permission(
    client, accounts, signed, role
):
    client.force_login(accounts[role])
    may_decide = role in ("superuser", "moderator")

    page = client.get(f"/admin/submissions/submission/{signed.pk}/change/")
    assert ('value="approve_published"' in page.content.decode()) is may_decide
    for action in ["approve_published", "approve_unpublished", "mark_as_spam", "reject"]:
        client.post(
            "/admin/submissions/submission/",
            {"action": action, "_selected_action": [signed.pk]},
        )
    signed.refresh_from_db()
    assert (signed.status != Submission.Status.PENDING) is may_decide


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_page_and_article_actions_need_the_change_permission(client, accounts, demo_content, role):
    from pages.models import Page

    client.force_login(accounts[role])
    page = Page.objects.filter(is_published=True).first()
    client.post("/admin/pages/page/", {"action": "unpublish", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.is_published is (role not in ("superuser", "editor"))
