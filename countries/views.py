from collections import Counter

from django.http import Http404
from django.views.generic import TemplateView
from django_countries import countries as known_countries
from django_countries.fields import Country

from core.countries import sorted_countries
from declaration.models import Signatory
from participants.models import Participant


class CountryIndexView(TemplateView):
    """Every country with at least one participant or signatory, with their counts."""

    template_name = "countries/country_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        participants = Counter(Participant.objects.active().values_list("country", flat=True))
        signatories = Counter(Signatory.objects.public().values_list("country", flat=True))
        context["countries"] = [
            {
                "country": country,
                "participants": participants[country.code],
                "signatories": signatories[country.code],
            }
            for country in sorted_countries(set(participants) | set(signatories))
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
        participants = Participant.objects.active().filter(country=code).in_local_order()
        signatories = Signatory.objects.public().filter(country=code).order_by("name", "pk")
        if not participants and not signatories:
            raise Http404
        context.update(
            country=Country(code=code), participants=participants, signatories=signatories
        )
        return context
