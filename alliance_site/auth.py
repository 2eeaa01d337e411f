"""Login protection for the admin, on top of django-axes."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LoginLockoutBackend(AxesStandaloneBackend):
    """Refuses logins to an account locked out after too many failures.

    Only web logins count: a call to `authenticate()` without a request (a
    shell, a management command, the test client's `login()`) cannot be a
    guessing attack from the network, so it goes straight to the next backend
    instead of raising an error as django-axes would.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The visitor's address, as the outermost trusted proxy saw it.

    Each of the REVERSE_PROXY_COUNT proxies in front of the site appends the
    address it received the request from to X-Forwarded-For; the entry that
    many places from the right is the visitor's. Entries further left come
    from the visitor and are not trusted.
    """
    proxies = settings.REVERSE_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
