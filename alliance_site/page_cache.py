"""A shared page cache for anonymous visitors.

Every public page is the same for every anonymous visitor, so a rendered page
is kept in the shared cache (Redis or the file cache, which all worker
processes see) and served again without touching the database. Whenever staff
save or delete anything public pages show, one version number in the cache is bumped: each entry
records the version it was rendered at, and is used only while that is still
the current one, so the next request, in any worker, renders afresh. A lookup
reads the version and the entry together, in one round trip to the cache.

Some changes come by themselves, with no one saving anything: a scheduled
article's publication time, the day an event moves to the past. The apps
name the next such moment (`on_schedule`); it is kept beside the version, and
a lookup past it bumps the version as a save would (`_on_time`). So such a
change reaches every page and feed at its time, and a hit still runs no query.

Staff requests that change data (admin forms, bulk actions that update rows
without model signals, imports) bump the version too.

Requests that must not be shared bypass it: anything but GET/HEAD, any request
carrying a session or messages cookie (logged-in staff, a visitor who just
submitted a form), and responses that set a cookie, use the CSRF token, or say
they are private.
"""

import contextvars
import functools
import hashlib
import inspect
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language

VERSION_KEY = "page-cache:version"
SCHEDULE_KEY = "page-cache:next-change"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")

# The models public pages show: saving or deleting one of them (or changing
# one of their many-to-many links, sent by the link table) renders every page
# afresh. Anything else, above all what visitors cause (form submissions, their
# emails, sessions, login attempts), leaves the cache alone; an approval that
# creates a public record changes the cache through that record. Every installed
# model is in one of these two lists (tests/test_cache_invalidation.py).
SHOWN_MODELS = frozenset(
    {
        "declaration.declaration",
        "declaration.declarationtranslation",
        "declaration.signatory",
        "news.article",
        "news.article_participants",
        "news.articledocument",
        "news.tag",
        "news.taggedarticle",
        "pages.page",
        "pages.sitesettings",
        "participants.nationalnetwork",
        "participants.participant",
        "practices.practice",
        "practices.practice_themes",
        "practices.theme",
        "prize.prizeedition",
        "prize.prizewinner",
        "resources.document",
        "submissions.ngopartner",
        "taggit.tag",
        "taggit.taggeditem",
    }
)
NOT_SHOWN_MODELS = frozenset(
    {
        "admin.logentry",
        "auth.group",
        "auth.group_permissions",
        "auth.permission",
        "auth.user",
        "auth.user_groups",
        "auth.user_user_permissions",
        "axes.accessattempt",
        "axes.accessattemptexpiration",
        "axes.accessfailurelog",
        "axes.accesslog",
        "contenttypes.contenttype",
        "sessions.session",
        # Past versions: the history in the admin, never on a public page.
        "news.historicalarticle",
        "news.historicalarticle_participants",
        "pages.historicalpage",
        "pages.historicalsitesettings",
        "participants.historicalparticipant",
        "news.historicaltag",
        "declaration.historicaldeclaration",
        "declaration.historicaldeclarationtranslation",
        "declaration.historicalsignatory",
        "participants.historicalnationalnetwork",
        "practices.historicalpractice",
        "practices.historicaltheme",
        "prize.historicalprizeedition",
        "prize.historicalprizewinner",
        "resources.historicaldocument",
        "submissions.historicalngopartner",
        # How each staff member reads the admin.
        "alliance_site.staffpreferences",
        # What the public forms send and the emails they cause.
        "submissions.submission",
        "submissions.outgoingemail",
        # The worker's queue.
        "django_tasks_database.dbtaskresult",
    }
)


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: the next read starts one
        cache.add(VERSION_KEY, 1, timeout=None)
    else:
        # Django's generic incr (the file and local-memory caches) stores the
        # new value with the default timeout: five minutes later the version
        # would start again at 1, and entries stored at that number come back.
        cache.touch(VERSION_KEY, None)


_schedules = []


def on_schedule(next_change):
    """Register `next_change()`: the next moment (an aware datetime, or None) at
    which pages change with no one saving anything. Called from an app's ready()."""
    if next_change not in _schedules:
        _schedules.append(next_change)


def _next_change():
    return min(filter(None, (next_change() for next_change in _schedules)), default=None)


def _on_time(version, schedule):
    """The version to read entries at, given the schedule kept beside `version`.

    The one place where time, not a save, empties the cache. The first lookup
    at a version (a miss: the page is rendered anyway) asks the apps for their
    next scheduled change and keeps it under that version. A lookup past it
    bumps the version once (the first worker to see it), as a save would.
    """
    if schedule is None or schedule[0] != version:
        cache.set(SCHEDULE_KEY, (version, _next_change()), timeout=None)
        return version
    moment = schedule[1]
    if moment is None or timezone.now() < moment:
        return version
    if cache.add(f"{SCHEDULE_KEY}:reached:{version}", True, timeout=3600):
        bump_content_version()
    return content_version()


def lookup_many(keys):
    """The current content version, and what each of `keys` holds if stored at it.

    One round trip to the cache: the version, the next scheduled change and the
    entries are read together.
    """
    found = cache.get_many([VERSION_KEY, SCHEDULE_KEY, *keys])
    version = found.get(VERSION_KEY)
    if version is None:
        return content_version(), {}
    current = _on_time(version, found.get(SCHEDULE_KEY))
    if current != version:
        return current, {}
    return version, {
        key: entry[1]
        for key in keys
        if (entry := found.get(key)) is not None and entry[0] == version
    }


def lookup(key):
    """The current content version, and what `key` holds if it was stored at it."""
    version, found = lookup_many([key])
    return version, found.get(key)


def store(key, version, value, timeout=None):
    # One command: set_many wraps even a single value in a transaction.
    cache.set(key, (version, value), timeout or getattr(settings, "PAGE_CACHE_SECONDS", 600))


def store_many(version, values, timeout=None):
    """Keep each value until the content changes (or `timeout`, PAGE_CACHE_SECONDS)."""
    timeout = timeout or getattr(settings, "PAGE_CACHE_SECONDS", 600)
    cache.set_many({key: (version, value) for key, value in values.items()}, timeout)


# What pages share --------------------------------------------------------------
#
# A page the cache has not seen reuses the pieces it shares with other pages,
# kept under the same content version as the pages, per language. One API:
#
# - `@shared("name:{argument}")` on a function or a view's method: its value;
# - `{% shared_fragment "name" value... %}` (templatetags/fragments.py): a part
#   of a template;
# - `SharedPieces`, under both and under the tags that show several pieces of a
#   page at once (the menu, sidebar and footer; news entries): one round trip.


# The request the page cache is rendering, and the functions that name the
# pieces every page of a request shows whatever its view (the chrome's).
_rendering = contextvars.ContextVar("page_cache_rendering", default=None)
_read_ahead = []


def read_ahead(names_for):
    """Register `names_for(request)`: names of pieces the page of `request` will
    show. They are read with the first pieces the request asks for, in the same
    round trip, instead of in one of their own. Called when a module loads."""
    if names_for not in _read_ahead:
        _read_ahead.append(names_for)


def _read(keys):
    """The current version and what `keys` hold, as `lookup_many` gives them.

    While the page cache renders a page, its first read brings along the pieces
    named by `read_ahead`, and a later read of pieces that were among them
    costs no round trip."""
    request = _rendering.get()
    if request is None:
        return lookup_many(keys)
    if not hasattr(request, "shared_pieces_read"):
        language = get_language()
        ahead = [
            f"content:{language}:{name}" for names_for in _read_ahead for name in names_for(request)
        ]
        wanted = list(dict.fromkeys([*keys, *ahead]))
        version, found = lookup_many(wanted)
        request.shared_pieces_read = (version, set(wanted), found)
    version, read, found = request.shared_pieces_read
    if not read.issuperset(keys):
        return lookup_many(keys)
    return version, {key: found[key] for key in keys if key in found}


class SharedPieces:
    """Pieces named by `names`, read together in one round trip to the cache
    (none when the request's first read brought them, `read_ahead`).

    `get(name, compute)` gives what the cache holds for `name`, or `compute()`,
    kept by `save()` (one more round trip, only when something was missing).
    """

    def __init__(self, names):
        language = get_language()
        self.keys = {name: f"content:{language}:{name}" for name in names}
        self.version, found = _read(list(self.keys.values()))
        self.found = {name: found[key] for name, key in self.keys.items() if key in found}
        self.fresh = {}

    def __contains__(self, name):
        return name in self.found

    def get(self, name, compute):
        if name not in self.found:
            self.found[name] = self.fresh[name] = compute()
        return self.found[name]

    def save(self, timeout=None):
        if self.fresh:
            values = {self.keys[name]: value for name, value in self.fresh.items()}
            store_many(self.version, values, timeout)
            read = getattr(_rendering.get(), "shared_pieces_read", None)
            if read is not None and read[0] == self.version:
                read[2].update(values)  # a later read in the request finds them
            self.fresh = {}


# How long a request waits for a piece that another request is computing: after
# a change, every page asks for the same missing pieces at once, and each would
# compute them. Past this, it computes the piece itself.
PIECE_WAIT_SECONDS = 5
PIECE_POLL_SECONDS = 0.02


def shared_piece(name, compute, timeout=None):
    """`compute()`, kept in the shared cache until staff change any content.

    One request computes a missing piece; the others that ask for it meanwhile
    wait for it (up to PIECE_WAIT_SECONDS) instead of computing it too."""
    pieces = SharedPieces([name])
    if name not in pieces:
        claim = f"{pieces.keys[name]}:computing:{pieces.version}"
        if cache.add(claim, True, timeout=PIECE_WAIT_SECONDS):
            try:
                return _kept(pieces, name, compute, timeout)
            finally:
                cache.delete(claim)  # stored, or failed (a page not found): no one waits
        _wait_for(pieces, name)
    return _kept(pieces, name, compute, timeout)


def _kept(pieces, name, compute, timeout):
    value = pieces.get(name, compute)
    pieces.save(timeout)
    return value


def _wait_for(pieces, name):
    """Until another request has stored the piece at this version (or the time is up)."""
    key = pieces.keys[name]
    deadline = time.monotonic() + PIECE_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(PIECE_POLL_SECONDS)
        version, found = lookup_many([key])
        if version != pieces.version:
            return  # the content changed meanwhile: computed afresh
        if key in found:  # its value may be None
            pieces.found[name] = found[key]
            return


def shared(name, timeout=None):
    """Decorator: the function's value is shared by every page that asks for it.

    `name` names the piece; `{...}` fields in it are filled from the call's
    arguments (`@shared("signatories:{number}")`, `@shared("{self.count_key}")`),
    and must name everything the value depends on besides the language.
    """

    def decorator(function):
        signature = inspect.signature(function)

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            arguments = signature.bind(*args, **kwargs)
            arguments.apply_defaults()
            piece = name.format(**arguments.arguments)
            return shared_piece(piece, lambda: function(*args, **kwargs), timeout)

        return wrapper

    return decorator


def _shown_on_pages(sender):
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.label_lower in SHOWN_MODELS


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def _content_changed(sender, **kwargs):
    if _shown_on_pages(sender):
        bump_content_version()


class PageCacheMiddleware:
    """Serve anonymous GET requests from the shared cache; fill it on a miss."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)
        self.browser_seconds = getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60)
        self.bypass_cookies = {settings.SESSION_COOKIE_NAME, "messages"}

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            response = self.get_response(request)
            if self._staff_changed_something(request, response):
                bump_content_version()
            return response
        if not self._cacheable_request(request):
            return self.get_response(request)

        key = self._key(request)
        version, cached = lookup(key)
        if cached is not None:
            response = self._rebuild(cached)
            response["X-Page-Cache"] = "hit"
            return self._conditional(request, response)

        # Stored under the version read before rendering: if staff change
        # something meanwhile, the entry is already out of date, as it should be.
        rendering = _rendering.set(request)
        try:
            response = self.get_response(request)
        finally:
            _rendering.reset(rendering)
        if self._cacheable_response(request, response):
            if not response.has_header("ETag"):
                response["ETag"] = f'"{hashlib.md5(response.content).hexdigest()}"'  # noqa: S324
            patch_cache_control(response, public=True, max_age=self.browser_seconds)
            store(key, version, self._freeze(response), self.timeout)
            response["X-Page-Cache"] = "miss"
            return self._conditional(request, response)
        return response

    @staticmethod
    def _staff_changed_something(request, response):
        """Admin bulk actions and imports may write without model signals."""
        user = getattr(request, "user", None)
        return user is not None and user.is_staff and response.status_code < 400

    @staticmethod
    def _conditional(request, response):
        """A 304 when the visitor already has this version of the page."""
        not_modified = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
        return not_modified or response

    def _cacheable_request(self, request):
        return request.method in ("GET", "HEAD") and not (
            self.bypass_cookies & request.COOKIES.keys()
        )

    @staticmethod
    def _cacheable_response(request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
            and "private" not in cache_control
            and "no-cache" not in cache_control
            and "no-store" not in cache_control
        )

    @staticmethod
    def _key(request):
        path = hashlib.md5(request.get_full_path().encode()).hexdigest()  # noqa: S324
        # Compressed (GZipMiddleware, inside this one) for a browser that accepts it.
        encoding = (
            "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else ""
        )
        return f"page-cache:{request.get_host()}:{encoding}:{path}"

    @staticmethod
    def _freeze(response):
        return (response.status_code, response.content, list(response.items()))

    @staticmethod
    def _rebuild(frozen):
        status, content, headers = frozen
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response
