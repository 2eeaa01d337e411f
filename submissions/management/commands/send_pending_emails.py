"""Send again the emails that could not be sent when they were written.

The worker sends every email and tries failed ones again; run this from cron
too, as a safety net for a task that was lost. Each message is tried up to
`OutgoingEmail.MAX_ATTEMPTS` times, its last error stays visible in the admin,
and one that another process is sending at the same moment is left to it.
"""

from django.core.management.base import BaseCommand

from submissions.models import OutgoingEmail


class Command(BaseCommand):
    help = "Send the stored emails that have not gone out yet (for cron)."

    def handle(self, *args, **options):
        sent = failed = 0
        retryable = OutgoingEmail.objects.retryable().order_by("created_at")
        for email in retryable.iterator():
            if email.send():
                sent += 1
            elif email.status == OutgoingEmail.Status.FAILED:
                failed += 1
                self.stderr.write(f"Email {email.pk} to {email.recipient}: {email.last_error}")
        self.stdout.write(f"{sent} sent, {failed} failed.")
