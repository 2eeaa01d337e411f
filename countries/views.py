from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from django_countries import countries as known_countries
from django_countries.fields import Country

from alliance_site.page_cache import shared
from core.countries import sorted_countries
from participants.views import growth

from .records import KINDS, count_by_country, country_records


def count_label(kind, number):
    """ "3 participants", "1 signatoire": one kind's count on the index."""
    labels = {
        "participants": ngettext("%(count)d participant", "%(count)d participants", number),
        "signatories": ngettext("%(count)d signatory", "%(count)d signatories", number),
        "networks": ngettext("%(count)d national network", "%(count)d national networks", number),
        "practices": ngettext("%(count)d good practice", "%(count)d good practices", number),
        "winners": ngettext("%(count)d prize winner", "%(count)d prize winners", number),
        "events": ngettext("%(count)d event", "%(count)d events", number),
        "news": ngettext("%(count)d news article", "%(count)d news articles", number),
    }
    return labels[kind] % {"count": number}


class CountryIndexView(TemplateView):
    """Every country with at least one public record, by name in the page's
    language, with how many of each kind it has."""

    template_name = "countries/country_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = count_by_country()
        context["countries"] = [
            {
                "country": country,
                "labels": [
                    count_label(kind, counts[country.code][kind])
                    for kind in KINDS
                    if counts[country.code][kind]
                ],
            }
            for country in sorted_countries(counts)
        ]
        return context


class CountryDetailView(TemplateView):
    """A country's records; 404 for a code that is unknown or has none."""

    template_name = "countries/country_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        code = self.kwargs["code"].upper()
        if self.kwargs["code"] != code.lower() or code not in known_countries:
            raise Http404
        content = self.content(code)
        if not content:
            raise Http404
        context.update(country=Country(code=code), content=content)
        return context

    @shared("country-page:{code}")
    def content(self, code):
        """What every address of the page shows: rendered once per language and kept
        until the content changes, as is its absence ("") for a country without records."""
        records = country_records(code)
        if not any(records["counts"].values()):
            return ""
        # Over time: only where the sources date some of the country's records.
        chart = growth(code)
        context = {
            **records,
            "country": Country(code=code),
            "growth": chart if chart and chart["years"] else None,
        }
        return render_to_string("countries/includes/country.html", context, self.request)
