from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from django_countries.fields import Country

from alliance_site.languages import foreign_language
from core.facets import facet

from .forms import PracticeFilterForm
from .models import Practice, Theme


def apply_filters(queryset, values):
    """The practices that match every given filter: they combine."""
    if "country" in values:
        queryset = queryset.filter(country=values["country"])
    if "theme" in values:
        queryset = queryset.filter(themes__slug=values["theme"])
    if "type" in values:
        queryset = queryset.filter(type=values["type"])
    return queryset


class PracticeListView(ListView):
    template_name = "practices/list.html"
    context_object_name = "practices"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        self.themes = list(Theme.objects.all())
        self.form = PracticeFilterForm(request.GET, themes=self.themes)
        self.values = self.form.values()
        self.base = Practice.objects.published().search(self.values.get("q", ""))
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return apply_filters(self.base, self.values).prefetch_related("themes")

    def without(self, name):
        """The results with every filter but `name`."""
        return apply_filters(self.base, {k: v for k, v in self.values.items() if k != name})

    def get_context_data(self, **kwargs):
        by_country = dict(
            self.without("country").values_list("country").annotate(n=Count("pk")).order_by()
        )
        by_type = dict(self.without("type").values_list("type").annotate(n=Count("pk")).order_by())
        by_theme = dict(
            Practice.themes.through.objects.filter(practice__in=self.without("theme"))
            .values_list("theme__slug")
            .annotate(n=Count("pk"))
            .order_by()
        )
        country_options = sorted(
            (
                (code, Country(code).name)
                for code in by_country.keys() | {self.values.get("country")}
                if code
            ),
            key=lambda option: option[1],
        )
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            filtered=bool(self.values),
            facets=[
                {
                    "name": "country",
                    "field": self.form["country"],
                    "everything": _("All countries"),
                    "total": sum(by_country.values()),
                    "options": facet(country_options, by_country, self.values.get("country")),
                },
                {
                    "name": "theme",
                    "field": self.form["theme"],
                    "everything": _("All themes"),
                    "total": self.without("theme").count() if by_theme else 0,
                    "options": facet(
                        [
                            (theme.slug, theme.name, foreign_language(theme, "name"))
                            for theme in self.themes
                        ],
                        by_theme,
                        self.values.get("theme"),
                    ),
                },
                {
                    "name": "type",
                    "field": self.form["type"],
                    "everything": _("All types"),
                    "total": sum(by_type.values()),
                    "options": facet(Practice.Type.choices, by_type, self.values.get("type")),
                },
            ],
        )
        return context


class PracticeDetailView(DetailView):
    template_name = "practices/detail.html"
    context_object_name = "practice"

    def get_queryset(self):
        return Practice.objects.published().select_related("participant").prefetch_related("themes")
