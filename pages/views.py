import re

from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.views import View
from django.views.generic import DetailView

from . import legacy
from .models import Page


class PageView(DetailView):
    """A staff-written page at its path. Staff also see drafts, never cached."""

    template_name = "pages/page.html"
    context_object_name = "page"

    def get_queryset(self):
        if self.request.user.is_staff:
            return Page.objects.all()
        return Page.objects.published()

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        try:
            return queryset.get(path=self.kwargs["path"])
        except Page.DoesNotExist:
            raise Http404("No page at this address.") from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ancestors"] = self.object.ancestors()
        context["subpages"] = self.object.children.published().order_by("order", "title")
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response


class LegacyRedirectView(View):
    """`/{lang}/page/{id}-{anything}.html` from the old site: one permanent redirect."""

    def get(self, request, legacy_id):
        number = re.match(r"([0-9]{1,9})(?:-|$)", legacy_id)
        target = legacy.resolve(int(number.group(1))) if number else None
        if target is None:
            raise Http404("The old site had no page with this number.")
        return redirect(target, permanent=True)
