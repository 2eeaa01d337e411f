"""Remove the personal data of submissions older than the retention period.

Run it daily from cron. Approved submissions keep only what their public record
shows (anonymised); rejected ones and spam are deleted with their emails and
files. Pending submissions are never touched: they are listed so that staff
decide on them.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from submissions.models import Submission


class Command(BaseCommand):
    help = (
        "Anonymise approved and delete rejected or spam submissions older than "
        "SUBMISSION_RETENTION_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        cutoff = timezone.now() - timedelta(days=settings.SUBMISSION_RETENTION_DAYS)
        old = Submission.objects.filter(created_at__lt=cutoff)
        to_anonymise = old.filter(status=Submission.Status.APPROVED, anonymised_at__isnull=True)
        to_delete = old.exclude(status__in=[Submission.Status.APPROVED, Submission.Status.PENDING])
        waiting = old.filter(status=Submission.Status.PENDING).count()
        anonymised = deleted = 0
        if not dry_run:
            for submission in to_anonymise.iterator():
                with transaction.atomic():
                    submission.anonymise()
                anonymised += 1
            for submission in to_delete.iterator():
                with transaction.atomic():
                    submission.delete()  # its file and emails go with it
                deleted += 1
        else:
            anonymised, deleted = to_anonymise.count(), to_delete.count()
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"Older than {settings.SUBMISSION_RETENTION_DAYS} days: {anonymised} approved "
            f"submissions {verb} anonymised, {deleted} rejected or spam {verb} deleted."
        )
        if waiting:
            self.stderr.write(
                f"{waiting} pending submissions are older than the retention period: "
                "decide on them in the admin."
            )
