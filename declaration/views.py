from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_countries import countries as iso_countries
from django_countries.fields import Country

from alliance_site.open_data import CsvExportView, JsonExportView
from alliance_site.page_cache import shared
from core.charts import growth_chart, year_counts
from core.countries import RowsByLocalCountry, collation_key, sorted_countries

from .models import Declaration, DeclarationTranslation, Signatory


class DeclarationView(TemplateView):
    """The Declaration: its text, its translations and the table of its signatories."""

    template_name = "declaration/declaration.html"
    # Today's whole table on one page, as on the original site; pages beyond.
    per_page = 200

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["declaration"] = declaration = Declaration.load()
        context["official_texts"] = official_texts(declaration)
        context["translations"] = sorted(
            DeclarationTranslation.objects.all(), key=lambda t: collation_key(t.name_local)
        )
        # The table, its counter and its pages: rendered once per page, country
        # and language, and kept until the content changes.
        context["signatories_section"] = self.signatories_section(
            country_filter(self.request.GET.get("country", "")),
            self.request.GET.get("page") or "1",
        )
        return context

    @shared("signatories:{country}:{number}")
    def signatories_section(self, country, number):
        everything = RowsByLocalCountry(Signatory.objects.public().select_related("participant"))
        ignored = bool(country) and country not in everything.counts
        if country and not ignored:
            table = RowsByLocalCountry(
                Signatory.objects.public().select_related("participant").filter(country=country)
            )
        else:
            table, country = everything, ""
        try:
            page = Paginator(table, self.per_page).page(number)
        except InvalidPage as error:
            raise Http404(str(error)) from error
        page_query = QueryDict(mutable=True)
        if country:
            page_query["country"] = country.lower()
        context = {
            # Signatory.objects.counter(), from the counts the table has read already.
            "counter": {"signatories": everything.count(), "countries": len(everything.counts)},
            "page_obj": page,
            # Kept for every address of the page: its links carry only the country and page.
            "page_query": page_query,
            "rows": self.rows(everything, table, page),
            "country": Country(country) if country else None,
            "country_ignored": ignored,
            "country_options": [
                {
                    "value": option.code.lower(),
                    "label": option.name,
                    "count": everything.counts[option.code],
                    "selected": option.code == country,
                }
                for option in sorted_countries(everything.counts)
            ],
            "total": everything.count(),
            "shown": table.count(),
            "growth": growth(country),
            "growth_csv": reverse("participants_by_year_csv"),
        }
        return render_to_string("declaration/includes/signatories.html", context, self.request)

    @staticmethod
    def rows(everything, table, page):
        """(number, country code, country name, name, participant's address or "") for
        each row; a country's name is looked up once.

        The number is the row's place in the whole list in the English order
        (country, then name), as in /signatories.csv: one number per signatory in
        every language and whatever the filter, while a French table lists the
        countries in French order.
        """
        local = country_offsets(table.counts, table.codes)
        english = country_offsets(everything.counts, english_country_order(everything.counts))
        countries = {}
        rows = []
        for index, signatory in enumerate(page, start=page.start_index() - 1):
            code = signatory.country.code
            number = english[code] + index - local[code] + 1
            participant = public_participant(signatory)
            rows.append(
                (
                    number,
                    code,
                    countries.setdefault(code, signatory.country.name),
                    signatory.name,
                    participant.get_absolute_url() if participant else "",
                )
            )
        return rows


def country_filter(value):
    """The ISO code a `?country=` gives (in capitals), "" for none, "?" for one that is not."""
    code = value.strip().upper()
    if not code:
        return ""
    return code if code in iso_countries else "?"


def growth(country=""):
    """The chart of signatories and participants by year, of one country or all."""
    participants = Signatory._meta.get_field("participant").related_model.objects.active()
    signatories = Signatory.objects.public()
    if country:
        participants = participants.filter(country=country)
        signatories = signatories.filter(country=country)
    return growth_chart(
        [
            (_("Participants"), year_counts(participants, "date_joined")),
            (_("Signatories of the Declaration"), year_counts(signatories, "date_signed")),
        ]
    )


def public_participant(signatory):
    """The participant that is this signatory, when it is an active one (with a page)."""
    participant = signatory.participant
    return participant if participant is not None and participant.is_active else None


def english_country_order(counts):
    """The country codes of `counts` by English name, unknown codes last (as the table)."""
    with translation.override("en"):
        known = [country.code for country in sorted_countries(counts)]
    return known + sorted(set(counts) - set(known))


def country_offsets(counts, codes):
    """How many rows come before each country's first, countries in the order of `codes`."""
    offsets, before = {}, 0
    for code in codes:
        offsets[code] = before
        before += counts[code]
    return offsets


def official_texts(declaration):
    """The Declaration in each of the site's languages, the Council of Europe's official
    ones: (code, name in that language, address of the text or "")."""
    return [
        (code, LANG_INFO[code]["name_local"], getattr(declaration, f"document_url_{code}") or "")
        for code, _name in settings.LANGUAGES
    ]


class DeclarationTranslationView(DetailView):
    """A translation given as text, shown in its own language."""

    template_name = "declaration/translation.html"
    context_object_name = "translation"
    slug_field = "language"
    slug_url_kwarg = "language"

    def get_queryset(self):
        return DeclarationTranslation.objects.exclude(text="")


class SignatoryOpenData:
    """The columns of /signatories.csv and .json: README.md documents them, keep them stable."""

    filename = "signatories"
    columns = [
        "number",
        "name",
        "kind",
        "country_code",
        "country_name",
        "date_signed",
        "participant_slug",
    ]

    def get_queryset(self):
        return Signatory.objects.public().select_related("participant").in_local_order()

    def get_row(self, signatory, number):
        participant = public_participant(signatory)
        return {
            "number": number,
            "name": signatory.name,
            "kind": signatory.kind,
            "country_code": signatory.country.code,
            "country_name": signatory.country.name,
            "date_signed": signatory.date_signed.isoformat() if signatory.date_signed else "",
            "participant_slug": participant.slug if participant else "",
        }


class SignatoryCsvView(SignatoryOpenData, CsvExportView):
    pass


class SignatoryJsonView(SignatoryOpenData, JsonExportView):
    pass
