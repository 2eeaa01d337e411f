import hashlib
import ipaddress
import logging
import threading
import time

from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from core.clients import client_ip
from declaration.models import Declaration

from . import emails
from .forms import CooperateForm, JoinForm, PracticeForm, SignForm
from .models import NGOPartner, Submission

logger = logging.getLogger(__name__)

# Each address may send this many submissions in this many seconds.
RATE_LIMIT = 5
RATE_WINDOW = 60 * 60

# How many form posts one process handles at a time (gunicorn runs several
# threads per process, and they take turns on one interpreter lock). The others
# wait on this lock, which costs no CPU and leaves the interpreter to the rest:
# a burst of posts never keeps the process from serving a cached page at once.
POSTS_AT_ONCE = threading.BoundedSemaphore(2)


def client_address(request):
    """The visitor's address (`core.clients.client_ip`), as the forms' limit counts it.

    IPv6 visitors are counted by their /64 network, which one household or
    machine usually holds whole.
    """
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:100]
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _rate_key(request):
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()
    return f"submissions:sent:{digest}"


def recent_submissions(request):
    """When this address sent submissions within the window (works on any cache)."""
    now = time.time()
    return [at for at in cache.get(_rate_key(request), []) if now - at < RATE_WINDOW]


def count_submission(request):
    cache.set(_rate_key(request), [*recent_submissions(request), time.time()], RATE_WINDOW)


class SubmissionFormView(FormView):
    """Shows a public form; a valid one is stored, acknowledged and announced to staff.

    The submission is saved before any email is tried, so a mail server that
    is down never costs the visitor their form.
    """

    template_name = "submissions/submission_form.html"
    # Each field says what is wrong with a character it refuses (request_guard.py).
    checks_own_characters = True
    http_method_names = ["get", "head", "options", "post"]
    title = intro = ""

    def post(self, request, *args, **kwargs):
        with POSTS_AT_ONCE:
            return self._post(request, *args, **kwargs)

    def _post(self, request, *args, **kwargs):
        if len(recent_submissions(request)) >= RATE_LIMIT:
            response = TemplateResponse(
                request, "submissions/rate_limited.html", {"title": self.title}, status=429
            )
            response["Retry-After"] = str(RATE_WINDOW)
            return response
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(title=self.title, intro=self.intro)
        return context

    def form_valid(self, form):
        # One transaction: the submission, its emails and their tasks are
        # written at the cost of one commit (the database's wait for the disk)
        # instead of one per row. The emails sit in a savepoint of their own:
        # if writing them fails, the submission is kept all the same (staff see
        # it waiting on the dashboard) and the failure is logged.
        with transaction.atomic():
            submission, created = form.save(language=get_language())
            if created and submission.status == Submission.Status.PENDING:
                try:
                    with transaction.atomic():
                        emails.acknowledge(submission)
                        emails.notify_staff(submission, self.request)
                except Exception:
                    logger.exception(
                        "The emails of submission %s could not be queued", submission.pk
                    )
        count_submission(self.request)
        return redirect(self.get_success_url())


class JoinView(SubmissionFormView):
    form_class = JoinForm
    success_url = reverse_lazy("submissions:join_thanks")
    title = _("Join the Alliance")
    intro = _(
        "Local and regional authorities that wish to become participants of the Alliance "
        "can ask here. The Alliance Task Force reads every request and answers by email."
    )


class CooperateView(SubmissionFormView):
    form_class = CooperateForm
    success_url = reverse_lazy("submissions:cooperate_thanks")
    title = _("Cooperate as NGO")
    intro = _(
        "Non-governmental organisations working for Roma inclusion can propose a cooperation "
        "with the Alliance here. The Alliance Task Force reads every proposal and answers "
        "by email."
    )


class SignView(SubmissionFormView):
    form_class = SignForm
    success_url = reverse_lazy("submissions:sign_thanks")
    title = _("Sign the Declaration against anti-Gypsyism")
    intro = _(
        "Municipalities, cities and regions can sign the Declaration against anti-Gypsyism "
        "here. Once the Alliance Task Force has checked the signature, the authority appears "
        "in the table of signatories."
    )

    def get_context_data(self, **kwargs):
        # What the authority commits to, said above the form, from the Declaration's record.
        return super().get_context_data(declaration=Declaration.load(), **kwargs)


class PracticeView(SubmissionFormView):
    form_class = PracticeForm
    success_url = reverse_lazy("submissions:practice_thanks")
    title = _("Propose a good practice")
    intro = _(
        "Cities, regions and organisations can propose a practice of Roma inclusion for the "
        "good practices database. The Alliance Task Force reads every proposal and answers by "
        "email. Once approved, the practice is published without your name or contact details."
    )


class ThanksView(TemplateView):
    template_name = "submissions/thanks.html"
    title = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, **kwargs)


class PartnerListView(ListView):
    """The NGOs cooperating with the Alliance: only what staff made public."""

    queryset = NGOPartner.objects.public()
    paginate_by = 50
    context_object_name = "partners"
