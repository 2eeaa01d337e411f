from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404, QueryDict
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_countries import countries
from django_countries.fields import Country

from alliance_site.open_data import CsvExportView, JsonExportView
from alliance_site.page_cache import shared, shared_piece
from core.charts import growth_chart, year_counts
from core.countries import RowsByLocalCountry, collation_key, sorted_countries
from core.facets import facet
from search.backends import search
from search.registry import get_kind

from . import map as europe
from .forms import UNKNOWN_YEAR, DirectoryFilterForm
from .models import NationalNetwork, Participant, local_name


def signatory_model():
    """The Declaration's signatories, reached through their link to participants (the
    declaration app names this one; this one does not import it)."""
    return Participant._meta.get_field("signatory").related_model


def signed_declaration():
    """True for a participant that has a public linked signatory: a subquery, one per query."""
    return Exists(signatory_model().objects.public().filter(participant=OuterRef("pk")))


def apply_filters(queryset, values):
    """The participants that match every given filter: they combine."""
    if "country" in values:
        queryset = queryset.filter(country=values["country"])
    if "kind" in values:
        queryset = queryset.filter(kind=values["kind"])
    if values.get("year") == UNKNOWN_YEAR:
        queryset = queryset.filter(date_joined__isnull=True)
    elif "year" in values:
        queryset = queryset.filter(date_joined__year=int(values["year"]))
    if "signed" in values:
        queryset = queryset.filter(signed=values["signed"] == "yes")
    return queryset


def name_search(queryset, query):
    """The participants whose name (or description) holds every word of `query`, with
    the site search's folding and stemming: "sisli" finds Şişli, "korce" Korçë."""
    found = search(get_kind("participants"), query, get_language())
    return queryset.filter(pk__in=found.order_by().values("pk"))


@shared("participant-growth:{country}")
def growth(country=None):
    """The chart of participants and signatories by year, of one country or all: the
    same for every visitor until the content changes, so computed once for all."""
    participants = Participant.objects.active()
    signatories = signatory_model().objects.public()
    if country:
        participants = participants.filter(country=country)
        signatories = signatories.filter(country=country)
    return growth_chart(
        [
            (str(_("Participants")), year_counts(participants, "date_joined")),
            (
                str(_("Signatories of the Declaration")),
                year_counts(signatories, "date_signed"),
            ),
        ]
    )


def combinations(participants):
    """[({filter: value}, how many participants have them)] for every country, kind,
    year joined and signature found among `participants`: one grouped query, from
    which every filter's counts are added up.

    The signatures are counted through the link (a participant has at most one
    signatory), which PostgreSQL and SQLite group faster than an EXISTS per row."""
    rows = (
        participants.order_by()
        .values_list("country", "kind", "date_joined")
        .annotate(n=Count("pk"), signatures=Count("pk", filter=Q(signatory__is_public=True)))
    )
    found = {}
    for country, kind, joined, count, signed in rows:
        year = str(joined.year) if joined else UNKNOWN_YEAR
        for answer, number in (("yes", signed), ("no", count - signed)):
            if number:
                key = (country, kind, year, answer)
                found[key] = found.get(key, 0) + number
    return [
        ({"country": country, "kind": kind, "year": year, "signed": answer}, number)
        for (country, kind, year, answer), number in found.items()
    ]


@shared("participant-combinations")
def all_combinations():
    return combinations(Participant.objects.active())


# The directory's filters, in the order of its form.
FILTERS = ("country", "kind", "year", "signed")


class ParticipantListView(TemplateView):
    """Active participants grouped by country, countries in the visitor's alphabet,
    filtered by country, kind, year joined and signature of the Declaration.

    What a page shows depends on its filters and its number only: rendered once
    per filters, page and language (`shared_directory`) and kept until the
    content changes, so a visitor at a new address reads it from the cache. A
    name search, or a filter refused and shown as the address gave it, is
    rendered for its visitor alone."""

    template_name = "participants/participant_list.html"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.form = DirectoryFilterForm(self.request.GET)
        self.values = self.form.values()
        number = self.request.GET.get("page") or "1"
        if self.request.GET.get("q") or self.form.errors:
            context["directory"] = self.directory(number)
        else:
            context["directory"] = self.shared_directory(self.filters, number)
        return context

    @cached_property
    def filters(self):
        """The filters in force, in the form's order: "country=FR&kind=city"."""
        return "&".join(f"{name}={self.values[name]}" for name in FILTERS if name in self.values)

    @cached_property
    def base(self):
        base = Participant.objects.active().alias(signed=signed_declaration())
        if self.values.get("q"):
            base = name_search(base, self.values["q"])
        return base

    @shared("participant-directory:{filters}:{number}")
    def shared_directory(self, filters, number):
        return self.directory(number)

    def directory(self, number):
        """The page's content: its filters with their counts, page `number` of the
        participants they give, the national networks and the growth chart."""
        # A page reads only the countries it spans (the list may hold thousands).
        shown = apply_filters(self.base, self.values).only(
            "name_en", "name_fr", "slug", "kind", "country", "date_joined", "date_joined_precision"
        )
        rows = RowsByLocalCountry(shown, then=(local_name(), "pk"))
        paginator = Paginator(rows, self.paginate_by)
        try:
            # "last", as Django's list views take it: the address of the list's end.
            page = paginator.page(paginator.num_pages if number == "last" else number)
        except InvalidPage as error:
            raise Http404(str(error)) from error
        country = self.values.get("country")
        page_query = QueryDict(mutable=True)
        for key, value in self.values.items():
            page_query[key] = value.lower() if key == "country" else value
        context = {
            "form": self.form,
            "filtered": bool(self.values),
            "facets": self.facets(),
            "paginator": page.paginator,
            "page_obj": page,
            "page_query": page_query,
            "countries": by_country(page),
            "national_networks": NationalNetwork.objects.all(),
            "growth": growth(country),
            "growth_country": Country(country).name if country else "",
        }
        return render_to_string("participants/includes/directory.html", context, self.request)

    def combinations(self):
        """How many participants the search finds for each country, kind, year joined
        and signature. Without a name search, they are those of the whole directory:
        the same for every visitor until the content changes, computed once for all."""
        if self.values.get("q"):
            return combinations(self.base)
        return all_combinations()

    def counts(self, combinations):
        """{filter: {value: how many results it gives with the other filters in force}}.

        A combination that meets every filter counts for each filter's value; one
        that fails a single filter counts only for that filter's value."""
        active = {k: v for k, v in self.values.items() if k in FILTERS}
        counts = {name: {} for name in FILTERS}
        for values, count in combinations:
            failed = [name for name, value in active.items() if values[name] != value]
            for name in FILTERS if not failed else failed if len(failed) == 1 else ():
                counts[name][values[name]] = counts[name].get(values[name], 0) + count
        return counts

    def link(self, name, value):
        """The address of the list with `name` set to `value`, the other filters kept."""
        query = QueryDict(mutable=True)
        for key, given in {**self.values, name: value}.items():
            query[key] = given.lower() if key == "country" else given
        return f"?{query.urlencode()}"

    def facets(self):
        if self.values.get("q"):
            counts = self.counts(self.combinations())
        else:
            # Without a name search, the counts depend on the filters only: kept
            # for every visitor who asks for the same filters, until content changes.
            counts = shared_piece(
                f"participant-counts:{self.filters}", lambda: self.counts(self.combinations())
            )
        by_country, by_kind = counts["country"], counts["kind"]
        by_year, by_signed = counts["year"], counts["signed"]
        # Every country's name in one pass: django-countries translates its whole
        # list at each name asked for.
        names = dict(countries)
        country_options = sorted(
            (
                (code, names.get(code, code))
                for code in by_country.keys() | {self.values.get("country")}
                if code
            ),
            key=lambda option: collation_key(option[1]),
        )
        years = sorted(year for year in by_year.keys() | {self.values.get("year")} if year)
        year_options = [
            (year, _("Date not known") if year == UNKNOWN_YEAR else year)
            for year in [*(y for y in years if y != UNKNOWN_YEAR), UNKNOWN_YEAR]
            if year in years
        ]
        facets = [
            ("country", _("All countries"), country_options, by_country),
            ("kind", _("All kinds"), Participant.Kind.choices, by_kind),
            ("year", _("All years"), year_options, by_year),
            ("signed", _("Signed or not"), self.form.fields["signed"].choices[1:], by_signed),
        ]
        shown = []
        for name, everything, options, counts in facets:
            choices = facet(options, counts, self.values.get(name))
            for choice in choices:
                choice["url"] = self.link(name, choice["value"])
                if name == "country":  # in lower case, as the directory's links give it
                    choice["value"] = choice["value"].lower()
            shown.append(
                {
                    "name": name,
                    "field": self.form[name],
                    "everything": everything,
                    "total": sum(counts.values()),
                    "options": choices,
                }
            )
        return shown


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


class GrowthCsvView(CsvExportView):
    """/participants-by-year.csv: how many participants and signatories at the end of
    each year, for the whole network (empty country) and for each country. A row with
    an empty year counts the records whose date is not known. README.md documents it."""

    filename = "participants-by-year"
    columns = [
        "country_code",
        "country_name",
        "year",
        "participants_joined",
        "participants_total",
        "signatories_signed",
        "signatories_total",
    ]

    def rows(self):
        participants = by_country_and_year(Participant.objects.active(), "date_joined")
        signatories = by_country_and_year(signatory_model().objects.public(), "date_signed")
        with translation.override("en"):
            scopes = [("", "")] + [
                (country.code, country.name)
                for country in sorted_countries(participants.keys() | signatories.keys())
            ]
        for code, name in scopes:
            if code:
                joined, signed = participants.get(code, {}), signatories.get(code, {})
            else:
                joined, signed = merged(participants), merged(signatories)
            chart = growth_chart([("participants", joined), ("signatories", signed)])
            if chart is None:
                continue
            for row in chart["rows"]:
                year = row["year"]
                yield self.row(code, name, year, joined.get(year, 0), signed.get(year, 0), row)
            if chart["any_unknown"]:
                yield self.row(code, name, "", *chart["unknown"], {"values": chart["totals"]})

    @staticmethod
    def row(code, name, year, joined, signed, figures):
        return {
            "country_code": code,
            "country_name": name,
            "year": year,
            "participants_joined": joined,
            "participants_total": figures["values"][0],
            "signatories_signed": signed,
            "signatories_total": figures["values"][1],
        }


def by_country_and_year(queryset, date_field):
    """{country code: {year or None: count}}: one grouped query (by date, as
    core.charts.year_counts, folded into years here)."""
    found = {}
    rows = queryset.order_by().values_list("country", date_field).annotate(rows=Count("pk"))
    for code, day, count in rows:
        counts = found.setdefault(code, {})
        year = day.year if day else None
        counts[year] = counts.get(year, 0) + count
    return found


def merged(counts_by_country):
    total = {}
    for counts in counts_by_country.values():
        for year, count in counts.items():
            total[year] = total.get(year, 0) + count
    return total
