"""Emails leave the request: the worker sends them (Django's Tasks framework).

Each `OutgoingEmail` is stored first, then this task is queued for it; the
worker (`manage.py db_worker` with the database backend, see TASKS_BACKEND in
the settings) runs it. A message that fails is tried again later by the same
task, and by `manage.py send_pending_emails` from cron, which also catches any
task that was lost. The email's own claim (`OutgoingEmail.send`) keeps two
processes from sending it twice.
"""

import functools
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks_db import DatabaseBackend

from .models import OutgoingEmail

try:  # Django 6 has the framework built in; before that, the django-tasks backport.
    from django.tasks import task
except ImportError:
    from django_tasks import task

# Minutes to wait before the task tries a failed email again, by attempt.
RETRY_MINUTES = [1, 5, 15, 60]


@task()
def send_email(email_id):
    """Send one stored email, if nobody has yet; queue a later try if it fails."""
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None:  # purged meanwhile
        return False
    sent = email.send()
    if not sent and email.status == OutgoingEmail.Status.FAILED:
        if email.attempts < OutgoingEmail.MAX_ATTEMPTS:
            minutes = RETRY_MINUTES[min(email.attempts, len(RETRY_MINUTES)) - 1]
            later = timezone.now() + timedelta(minutes=minutes)
            send_email.using(run_after=later).enqueue(email_id)
    return sent


def queue(email):
    """Have the worker send `email` (already saved).

    With the database backend the task is a row written in the transaction
    that writes the email: both are kept, or neither. Another backend (Redis,
    RabbitMQ) hears of it once the email is committed, so that its worker finds it.
    """
    if isinstance(send_email.get_backend(), DatabaseBackend):
        send_email.enqueue(email.pk)
    else:
        transaction.on_commit(functools.partial(send_email.enqueue, email.pk))
