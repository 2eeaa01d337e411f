from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import Practice


class PracticeFilterForm(forms.Form):
    """The filters of the good practices list. Invalid values are ignored, with a message."""

    FILTERS = ("country", "theme", "type")

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, data, themes):
        super().__init__(data)
        self.fields["country"].choices = [("", ""), *countries]
        self.fields["theme"].choices = [("", ""), *((theme.slug, theme.name) for theme in themes)]
        self.fields["type"].choices = [("", ""), *Practice.Type.choices]

    def values(self):
        """The filters and search that are valid and given: {"country": "FR", ...}."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
