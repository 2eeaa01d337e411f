from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_image_upload


class ArticleImageField(forms.ImageField):
    """An image upload checked by our own rules before Django's generic one.

    Django's field would answer "not a valid image" to an SVG or a
    decompression bomb; ours says what is wrong and what to upload instead.
    """

    def to_python(self, data):
        # Django's own checks first (no file, an empty file), then ours.
        upload = forms.FileField.to_python(self, data)
        if upload is not None:
            validate_image_upload(upload)
        return super().to_python(data)


class LanguageMarkedSelect(forms.Select):
    """A menu whose options may each be in another language than the page's:
    `languages` maps an option's value to its language, marked with `lang`."""

    def __init__(self, *args, languages=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = languages or {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if language := self.languages.get(value):
            option["attrs"]["lang"] = language
        return option


class ArticleFilterForm(forms.Form):
    """The tag, kind and year filters above the list of news. Invalid values mean 404."""

    tag = forms.ChoiceField(label=_("Tag"), required=False, widget=LanguageMarkedSelect)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("News and events")), ("events", _("Events")), ("news", _("News"))],
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, tags, years, **kwargs):
        """`tags`: (id, slug, name, number of articles, language of the name) of each
        tag to offer."""
        super().__init__(*args, **kwargs)
        self.tags = {slug: pk for pk, slug, *_rest in tags}
        self.fields["tag"].choices = [("", _("All tags"))] + [
            (slug, f"{name} ({count})") for _pk, slug, name, count, _language in tags
        ]
        page_language = (get_language() or "").split("-")[0]
        self.fields["tag"].widget.languages = {
            slug: language
            for _pk, slug, _name, _count, language in tags
            if language != page_language
        }
        self.fields["year"].choices = [("", _("All years"))] + [
            (str(year), str(year)) for year in years
        ]

    @property
    def selected_tag(self):
        """The id of the tag chosen, or None."""
        return self.tags.get(self.cleaned_data.get("tag"))

    @property
    def selected_year(self):
        return self.cleaned_data.get("year")


class EventFilterForm(forms.Form):
    """The year and country filters above the agenda. Invalid values mean 404."""

    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, years, countries, **kwargs):
        """`years`: the years with events, newest first; `countries`: (code, name) pairs."""
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [
            (str(year), str(year)) for year in years
        ]
        self.fields["country"].choices = [("", _("All countries")), *countries]
