"""The two staff groups and the least permissions each needs.

Editors write and translate the site's content; Moderators review what the
public forms send in and create the records an approval makes. Permissions are
named "app_label.codename" with shell-style wildcards and resolved against the
database each time, so a model added later to one of these apps is covered
without touching this file. Superusers keep every permission; give other staff
accounts one of these groups.
"""

from fnmatch import fnmatchcase

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

STAFF_GROUPS = {
    "Editors": {
        "grant": [
            "news.*",
            "pages.*",
            "resources.*",
            "practices.*",
            "declaration.*",
            "taggit.*",
            "participants.*_nationalnetwork",
        ],
        "except": [
            # Signatories come from the signing form: Moderators handle them.
            "declaration.*_signatory",
            # Past versions are read and restored, never edited or deleted.
            "*.add_historical*",
            "*.change_historical*",
            "*.delete_historical*",
        ],
    },
    "Moderators": {
        "grant": [
            "submissions.view_*",
            "submissions.change_*",
            "submissions.moderate_submission",
            "submissions.add_ngopartner",
            "participants.add_participant",
            "participants.change_participant",
            "participants.view_participant",
            "declaration.add_signatory",
            "declaration.change_signatory",
            "declaration.view_signatory",
        ],
        "except": ["*.change_historical*"],
    },
}


def matching_permissions(grant, exclude=(), using="default"):
    """The permissions whose "app_label.codename" matches a `grant` pattern and no `exclude` one."""

    def matches(name, patterns):
        return any(fnmatchcase(name, pattern) for pattern in patterns)

    apps_named = {pattern.split(".", 1)[0] for pattern in grant}
    candidates = Permission.objects.using(using).select_related("content_type")
    if "*" not in apps_named:
        candidates = candidates.filter(content_type__app_label__in=apps_named)
    return [
        permission
        for permission in candidates
        if matches(f"{permission.content_type.app_label}.{permission.codename}", grant)
        and not matches(f"{permission.content_type.app_label}.{permission.codename}", exclude)
    ]


def setup_staff_groups(using="default"):
    """Create or update the groups so they hold exactly the permissions above.

    Returns {group name: number of permissions}.
    """
    # Permissions are normally created after migrate; make sure those of
    # every installed model exist before they are granted.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    counts = {}
    for name, rules in STAFF_GROUPS.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        permissions = matching_permissions(rules["grant"], rules.get("except", ()), using)
        group.permissions.set(permissions)
        counts[name] = len(permissions)
    return counts


def update_staff_groups_after_migrate(sender, using="default", **kwargs):
    setup_staff_groups(using=using)
