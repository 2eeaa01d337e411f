from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import override


def language_alternates(request):
    """The current page's address in every language, for the switcher and hreflang."""
    return {
        "language_alternates": [
            {"code": code, "name": name, "url": translated_url(request, code)}
            for code, name in settings.LANGUAGES
        ]
    }


def translated_url(request, code):
    """The request's address in language `code`, its query kept: reversed from the
    match the request was resolved with (`translate_url` would resolve it again)."""
    match = request.resolver_match
    if match is None or not match.url_name:  # an error page: resolved afresh, if at all
        return translate_url(request.get_full_path(), code)
    with override(code):
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.get_full_path()
    query = request.get_full_path().partition("?")[2]
    return f"{path}?{query}" if query else path
