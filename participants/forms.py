from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import Participant

# A year joined as the directory's addresses give it, or the participants whose date is not known.
UNKNOWN_YEAR = "unknown"


class CountryCodeField(forms.ChoiceField):
    """An ISO code, in capitals or not: the directory's links give it in lower case.

    Checked against django-countries' codes, not against a list of choices: the
    directory offers its countries through its filters' counts, and building
    the choices of every country in every request's form costs more than the
    rest of a page the cache holds parts of."""

    def to_python(self, value):
        return super().to_python(value).upper()

    def valid_value(self, value):
        return value in countries


class DirectoryFilterForm(forms.Form):
    """The filters of the participants directory. Invalid values are ignored, with a message."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=200,
        help_text=_("Accents and capitals do not matter: “korce” finds Korçë."),
    )
    country = CountryCodeField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=Participant.Kind.choices)
    year = forms.CharField(
        label=_("Year joined"),
        required=False,
        validators=[RegexValidator(rf"\A(?:[0-9]{{4}}|{UNKNOWN_YEAR})\Z")],
    )
    signed = forms.ChoiceField(
        label=_("Declaration against anti-Gypsyism"),
        required=False,
        choices=[("yes", _("Signed")), ("no", _("Not signed"))],
    )

    def __init__(self, data):
        super().__init__(data)
        self.fields["kind"].choices = [("", ""), *Participant.Kind.choices]
        self.fields["signed"].choices = [("", ""), *self.fields["signed"].choices]

    def values(self):
        """The filters and search that are valid and given: {"country": "FR", ...}."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
