"""Refuse, in one place, requests whose text no page can use.

PostgreSQL stores no NUL character (nor lone surrogates, which UTF-8 cannot
carry), and Django cannot read a form body whose declared charset it does not
decode. Such input used to reach a query or `int()` and end in a server error;
here it is answered before any view sees it:

- a path holding such a character: 404, no page has that address;
- a query string holding one: 404 as well, since filters and page numbers are
  part of a page's address;
- form data holding one: 400;
- a query value that is a whole number no database column holds (beyond 64
  bits: SQLite refuses to compare with it, as in an admin list's filter): 404,
  as no record has that number;
- a body that cannot be decoded (a charset such as UTF-16, a broken multipart
  body): 400, with the site's own page (`templates/400.html`) and the same
  security headers as every other answer.

A view whose form gives its own message at the field for such characters
(Django's form fields refuse NUL) says so with `checks_own_characters = True`;
its query string and form data are then left to it. Nothing is ever stripped or
changed: input is refused, or passed on as it came.
"""

import re

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.datastructures import MultiValueDict

# NUL, and the surrogate code points no UTF-8 text can hold.
REFUSED_CHARACTERS = re.compile("[\x00\ud800-\udfff]")


# A whole number written in ASCII digits, and the largest a database column holds.
WHOLE_NUMBER = re.compile(r"[-+]?[0-9]+")
LARGEST_NUMBER = 2**63 - 1


def _has_number_out_of_range(query_dict):
    return any(
        WHOLE_NUMBER.fullmatch(value)
        # (a run of digits too long for int() is out of range too)
        and (len(value.lstrip("+-")) > 19 or abs(int(value)) > LARGEST_NUMBER)
        for values in query_dict.lists()
        for value in values[1]
    )


def _has_refused_characters(query_dict):
    return any(
        REFUSED_CHARACTERS.search(key) or any(REFUSED_CHARACTERS.search(v) for v in values)
        for key, values in query_dict.lists()
    )


class RequestGuardMiddleware:
    """Place it after the middleware that set security headers, before any that reads input."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Error pages are shown in the language of the address.
        language = translation.get_language_from_path(request.path_info)
        translation.activate(language or settings.LANGUAGE_CODE)
        if REFUSED_CHARACTERS.search(request.path_info):
            raise Http404("No page has an address with this character.")
        if request.method == "POST":
            self._read_body(request)
        return self.get_response(request)

    @staticmethod
    def _read_body(request):
        """Parse the form body now, so that one that cannot be read is a 400 here.

        Django keeps what it parsed: views and the CSRF check read the same data.
        """
        try:
            request.POST  # noqa: B018 (parsing is the point)
            request.FILES  # noqa: B018
        except (BadRequest, MultiPartParserError, UnicodeDecodeError, LookupError) as error:
            # Anything that reads the body again would fail the same way.
            request._post, request._files = QueryDict(), MultiValueDict()
            raise BadRequest("The request's body cannot be decoded.") from error

    def process_view(self, request, view_func, view_args, view_kwargs):
        view = getattr(view_func, "view_class", view_func)
        if getattr(view, "checks_own_characters", False):
            return None
        if _has_refused_characters(request.GET):
            raise Http404("No page has an address with this character.")
        if _has_number_out_of_range(request.GET):
            raise Http404("No record has a number this large.")
        if request.method == "POST" and _has_refused_characters(request.POST):
            raise BadRequest("The form data holds a character no field accepts.")
        return None
