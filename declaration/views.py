from django.views.generic import DetailView, ListView

from alliance_site.open_data import CsvExportView, JsonExportView
from participants.countries import RowsByLocalCountry, collation_key

from .models import Declaration, DeclarationTranslation, Signatory


class DeclarationView(ListView):
    """The Declaration: its text, its translations and the table of its signatories."""

    template_name = "declaration/declaration.html"
    context_object_name = "signatories"
    # Today's whole table on one page, as on the original site; pages beyond.
    paginate_by = 200

    def get_queryset(self):
        return RowsByLocalCountry(Signatory.objects.public())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["declaration"] = Declaration.load()
        context["translations"] = sorted(
            DeclarationTranslation.objects.all(), key=lambda t: collation_key(t.name_local)
        )
        table = self.object_list
        context["counter"] = {"signatories": table.count(), "countries": table.countries()}
        context["rows"] = self.rows(context["signatories"], context["page_obj"])
        return context

    @staticmethod
    def rows(signatories, page):
        """(number, country, name) for each row: a country's name is looked up once."""
        countries = {}
        return [
            (number, countries.setdefault(s.country.code, s.country.name), s.name)
            for number, s in enumerate(signatories, start=page.start_index() if page else 1)
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
    columns = ["number", "name", "kind", "country_code", "country_name", "date_signed"]

    def get_queryset(self):
        return Signatory.objects.public().in_local_order()

    def get_row(self, signatory, number):
        return {
            "number": number,
            "name": signatory.name,
            "kind": signatory.kind,
            "country_code": signatory.country.code,
            "country_name": signatory.country.name,
            "date_signed": signatory.date_signed.isoformat() if signatory.date_signed else "",
        }


class SignatoryCsvView(SignatoryOpenData, CsvExportView):
    pass


class SignatoryJsonView(SignatoryOpenData, JsonExportView):
    pass
