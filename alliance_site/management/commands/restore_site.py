"""Restore a backup made by `backup_site` into an empty, migrated database."""

from django.core.management.base import BaseCommand, CommandError

from alliance_site.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup_site archive into an empty database (create it and migrate first)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive, database="default", **options):
        try:
            records, files = restore_backup(archive, using=database)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {records} records and {files} files."))
