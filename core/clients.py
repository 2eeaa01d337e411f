"""The visitor's address behind the reverse proxies: for the login lockout and the forms' limit."""

from django.conf import settings


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
    return request.META.get("REMOTE_ADDR", "")
