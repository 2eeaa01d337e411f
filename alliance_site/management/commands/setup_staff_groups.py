"""Create or update the Editors and Moderators groups.

Runs by itself after every `migrate`; run it by hand after changing
alliance_site/staff_groups.py. Safe to run again: each group ends up with
exactly the permissions listed there, whatever was added by hand.
"""

from django.core.management.base import BaseCommand

from alliance_site.staff_groups import setup_staff_groups


class Command(BaseCommand):
    help = "Create or update the Editors and Moderators staff groups (idempotent)."

    def handle(self, *args, **options):
        for name, count in setup_staff_groups().items():
            self.stdout.write(f"{name}: {count} permissions")
