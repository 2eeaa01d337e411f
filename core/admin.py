"""What the content apps' admin classes share."""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import get_translation_fields


class _Named:
    """An autocomplete box that says what to do while it is empty. Django leaves its
    placeholder empty, and select2 names the box by that placeholder: a screen reader
    announced an unnamed combobox (axe: aria-input-field-name)."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        attrs["data-placeholder"] = str(_("Type to search"))
        return attrs


class NamedAutocompleteSelect(_Named, AutocompleteSelect):
    pass


class NamedAutocompleteSelectMultiple(_Named, AutocompleteSelectMultiple):
    pass


class NamedAutocompleteAdmin:
    """A ModelAdmin mixin: its `autocomplete_fields` have a name and a placeholder."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = NamedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = NamedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class StableSlugAdmin:
    """A ModelAdmin mixin for a `core.models.SluggedModel`: a published address is
    read-only, since links from elsewhere point at it."""

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_address_published:
            fields += ("slug",)
        return fields


class SideBySideTranslationAdmin(TranslationAdmin):
    """modeltranslation's admin with each translated field's languages on one line:
    "Title (English)" beside "Title (French)" on a wide screen, one under the other
    on a narrow one (static/css/admin.css). Every language stays in view: no tabs,
    no switch that hides the other language's fields."""

    def get_fieldsets(self, request, obj=None):
        return [
            (name, {**options, "fields": self.languages_together(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def languages_together(self, lines):
        """`lines` with the languages of each translated field, when each has a line
        of its own, gathered on the line of the first."""
        languages = {}
        for original in self.trans_opts.fields:
            fields = tuple(get_translation_fields(original))
            languages.update(dict.fromkeys(fields, fields))
        together, placed = [], set()
        for line in lines:
            if isinstance(line, str) and line in languages:
                if line in placed:
                    continue
                group = tuple(field for field in languages[line] if field in lines)
                placed.update(group)
                together.append(group if len(group) > 1 else line)
            else:
                together.append(line)
        return together
