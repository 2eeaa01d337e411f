from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    """One page per country gathering every kind of record the site holds for it."""

    name = "countries"
    verbose_name = _("Countries")
