"""Back up the database and the uploaded files into one archive (see alliance_site/backup.py)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from alliance_site.backup import create_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write it (default: backups/alliance-<date>-<time>.tar.gz).",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive=None, database="default", **options):
        archive = archive or f"backups/alliance-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        records, files = create_backup(archive, using=database)
        self.stdout.write(self.style.SUCCESS(f"{archive}: {records} records, {files} files."))
