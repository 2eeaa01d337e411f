from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import get_language
from django.views.generic import TemplateView

from . import registry
from .backends import best, search
from .forms import SearchForm
from .query import highlight, words

PER_KIND = 5
PER_PAGE = 20


class Result:
    """One record found, ready to show: its title, link and highlighted passage."""

    def __init__(self, kind, item, terms, language):
        self.kind = kind
        self.url = kind.url_of(item)
        self.title = highlight(getattr(item, kind.title), terms, length=300, language=language)
        if kind.describe:
            self.snippet = highlight(kind.describe(item), terms, language=language)
            return
        texts = [getattr(item, field) for field in kind.text]
        marked = (t for t in texts if t and "<mark>" in highlight(t, terms, language=language))
        text = next(marked, None) or next((t for t in texts if t), "")
        self.snippet = highlight(text, terms, language=language)


class SearchView(TemplateView):
    """Results across every registered kind, with a count for each; one kind, paginated."""

    template_name = "search/results.html"
    # The search form says what is wrong with the words (alliance_site/request_guard.py).
    checks_own_characters = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        context["form"] = form
        if not form.is_valid() or not form.cleaned_data["q"].strip():
            return context
        query = form.cleaned_data["q"].strip()
        terms = words(query)
        language = get_language()
        chosen = registry.get_kind(form.cleaned_data["kind"])
        groups = []
        for kind in registry.kinds():
            found = search(kind, query, language)
            # Counted once, for the list of kinds and for the pages.
            paginator = Paginator(found, PER_PAGE)
            groups.append(
                {"kind": kind, "found": found, "count": paginator.count, "paginator": paginator}
            )
        context.update(query=query, total=sum(g["count"] for g in groups), groups=groups)
        if chosen is not None:
            group = next(g for g in groups if g["kind"] is chosen)
            try:
                page = group["paginator"].page(self.request.GET.get("page") or 1)
            except (EmptyPage, PageNotAnInteger) as error:
                raise Http404(str(error)) from error
            start = (page.number - 1) * PER_PAGE
            items = best(group["found"], start, start + PER_PAGE)
            group["results"] = [Result(chosen, item, terms, language) for item in items]
            context.update(chosen=group, page_obj=page, is_paginated=page.has_other_pages())
        else:
            for group in groups:
                if group["count"]:
                    items = best(group["found"], 0, PER_KIND)
                    group["results"] = [Result(group["kind"], i, terms, language) for i in items]
        return context
