"""Send again the emails that could not be sent when they were written.

Run it from cron every few minutes; each message is tried up to
`OutgoingEmail.MAX_ATTEMPTS` times, and its last error stays visible in the admin.
"""

from django.core.management.base import BaseCommand

from submissions.models import OutgoingEmail


class Command(BaseCommand):
    help = "Send the stored emails that have not gone out yet (for cron)."

    def handle(self, *args, **options):
        sent = failed = 0
        for email in OutgoingEmail.objects.retryable().order_by("created_at").iterator():
            if email.send():
                sent += 1
            else:
                failed += 1
                self.stderr.write(f"Email {email.pk} to {email.recipient}: {email.last_error}")
        self.stdout.write(f"{sent} sent, {failed} failed.")
