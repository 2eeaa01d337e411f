"""Load the demo content, taken from the original site's pages.

Each app that has demo content keeps it in its own `demo.py`, with a
`load(stdout)` function that creates or updates its records; they run in the
order of INSTALLED_APPS. Running the command twice gives the same site.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo content (idempotent: run it again to get the same site)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if find_spec(module_name) is None:
                    continue
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
