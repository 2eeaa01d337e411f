from django.db.models import Prefetch
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
        markers = []
        for participant in participants:
            participant.on_map = False
            if participant.has_coordinates:
                x, y = europe.project(participant.latitude, participant.longitude)
                if europe.is_inside(x, y):
                    participant.on_map = True
                    markers.append({"participant": participant, "x": f"{x:.1f}", "y": f"{y:.1f}"})
        context.update(
            participants=participants,
            markers=markers,
            off_map_count=len(participants) - len(markers),
            outlines=europe.outlines(),
            countries_with_participants={p.country.code for p in participants},
            width=europe.WIDTH,
            height=europe.height(),
        )
        return context


def related_model(name):
    """The model behind one of Participant's reverse relations (`practices`, `prizes`,
    `articles`, `signatory`): reached through the relation, so that this app imports
    none of the apps that point at it."""
    return Participant._meta.get_field(name).related_model


class ParticipantDetailView(DetailView):
    """A participant's profile: its facts, its signature of the Declaration, its good
    practices, its Dosta! Prize awards and the news naming it, in a constant number
    of queries (one per kind of record)."""

    template_name = "participants/participant_detail.html"
    context_object_name = "participant"

    def get_queryset(self):
        practices = related_model("practices").objects.published().order_by("-year", "title_en")
        prizes = related_model("prizes").objects.select_related("edition")
        articles = related_model("articles").objects.published().order_by("-published_at", "pk")
        return (
            Participant.objects.active()
            .select_related("national_network", "signatory")
            .prefetch_related(
                Prefetch("practices", queryset=practices, to_attr="published_practices"),
                Prefetch(
                    "prizes",
                    queryset=prizes.order_by("-edition__year", "rank"),
                    to_attr="prize_awards",
                ),
                Prefetch("articles", queryset=articles, to_attr="published_articles"),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        signatory = getattr(self.object, "signatory", None)
        context["signatory"] = signatory if signatory and signatory.is_public else None
        return context


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
        "signatory_number",
    ]

    def get_queryset(self):
        # The signatories' numbers, read once: a linked signatory's is its row's.
        self.signatory_numbers = related_model("signatory").objects.numbers()
        return (
            Participant.objects.active()
            .select_related("national_network", "signatory")
            .in_local_order()
        )

    def get_row(self, participant, number):
        network = participant.national_network
        signatory = getattr(participant, "signatory", None)
        signatory_number = self.signatory_numbers.get(signatory.pk) if signatory else None
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
            "signatory_number": signatory_number,
        }


class ParticipantCsvView(ParticipantOpenData, CsvExportView):
    pass


class ParticipantJsonView(ParticipantOpenData, JsonExportView):
    pass
