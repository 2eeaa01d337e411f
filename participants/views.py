from django.views.generic import DetailView, ListView, TemplateView

from alliance_site.open_data import CsvExportView, JsonExportView
from core.countries import RowsByLocalCountry

from . import map as europe
from .models import NationalNetwork, Participant, local_name


class ParticipantListView(ListView):
    """Active participants grouped by country, countries in the visitor's alphabet."""

    template_name = "participants/participant_list.html"
    context_object_name = "participants"
    paginate_by = 250

    def get_queryset(self):
        # A page reads only the countries it spans (the list may hold thousands).
        shown = Participant.objects.active().only(
            "name_en", "name_fr", "slug", "kind", "country", "date_joined", "date_joined_precision"
        )
        return RowsByLocalCountry(shown, then=(local_name(), "pk"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["countries"] = by_country(context["participants"])
        context["national_networks"] = NationalNetwork.objects.all()
        return context


def by_country(participants):
    """The participants grouped by country, in their order, each country's name and
    each kind's label looked up once (django-countries and get_kind_display
    translate their whole list at every call)."""
    kinds = {kind.value: str(kind.label) for kind in Participant.Kind}
    groups = []
    for participant in participants:
        participant.kind_label = kinds.get(participant.kind, participant.kind)
        code = participant.country.code
        if not groups or groups[-1][0] != code:
            groups.append((code, participant.country.name, []))
        groups[-1][2].append(participant)
    return [{"code": code, "name": name, "participants": rows} for code, name, rows in groups]


class ParticipantMapView(TemplateView):
    """Every active participant: a marker where its place is known, and the list beside."""

    template_name = "participants/participant_map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        participants = list(
            Participant.objects.active()
            .in_local_order()
            .only("name_en", "name_fr", "slug", "country", "latitude", "longitude")
        )
        for participant in participants:
            participant.on_map = participant.has_coordinates and europe.is_inside(
                *europe.project(participant.latitude, participant.longitude)
            )
        context["participants"] = participants
        return context


class ParticipantDetailView(DetailView):
    template_name = "participants/participant_detail.html"
    context_object_name = "participant"

    def get_queryset(self):
        return Participant.objects.active().select_related("national_network")


class ParticipantOpenData:
    """The columns of /participants.csv and .json: README.md documents them, keep them stable."""

    filename = "participants"
    columns = [
        "slug",
        "name",
        "name_fr",
        "kind",
        "country_code",
        "country_name",
        "date_joined",
        "website",
        "latitude",
        "longitude",
        "national_network",
        "url",
    ]

    def get_queryset(self):
        return Participant.objects.active().select_related("national_network").in_local_order()

    def get_row(self, participant, number):
        network = participant.national_network
        return {
            "slug": participant.slug,
            "name": participant.name_en,
            "name_fr": participant.name_fr or "",
            "kind": participant.kind,
            "country_code": participant.country.code,
            "country_name": participant.country.name,
            "date_joined": participant.date_joined_iso,
            "website": participant.website,
            "latitude": participant.latitude,
            "longitude": participant.longitude,
            "national_network": network.name_en if network else "",
            "url": self.request.build_absolute_uri(participant.get_absolute_url()),
        }


class ParticipantCsvView(ParticipantOpenData, CsvExportView):
    pass


class ParticipantJsonView(ParticipantOpenData, JsonExportView):
    pass
