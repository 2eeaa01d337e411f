"""What the admin's spreadsheet imports share (django-import-export).

Staff load participants and signatories from CSV or XLSX files. The library
shows a preview of what will be created, updated or left unchanged, and writes
nothing while a single row is refused. This module makes the refusals precise:
each row that has an unknown country, a value outside the choices, text whose
characters were lost in a conversion, or that repeats an earlier row is refused
with its reason, at its column. A file with a column the site does not know is
refused as a whole, before any row is read.
"""

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import MultipleObjectsReturned, ValidationError
from django.utils.translation import gettext as _
from django_countries import countries
from import_export import fields, resources, widgets
from import_export.formats import base_formats
from import_export.tmp_storages import TempFolderStorage

from core.dates import DatePrecision, partial_date_iso

# Signs that a text went through the wrong encoding on its way into the file.
REPLACEMENT_CHARACTER = "\ufffd"
LOST_CHARACTER = re.compile(r"\w\?\w")  # "Sisa?ko": a letter that became "?"
MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]|Â[\u0080-\u00bf]|â€")  # UTF-8 read as Latin-1


def encoding_problem(text):
    """Why a text looks damaged by an encoding conversion, or None."""
    if REPLACEMENT_CHARACTER in text:
        return _(
            "The text has characters that are not valid UTF-8: save the file as "
            "CSV UTF-8 and import it again."
        )
    if LOST_CHARACTER.search(text):
        return _(
            'A "?" stands inside a word: a character was probably lost in a conversion. '
            "Correct the text."
        )
    if MOJIBAKE.search(text):
        return _(
            'The text looks like UTF-8 read in another encoding (for example "Ã©" for '
            '"é"). Save the file as CSV UTF-8 and import it again.'
        )
    return None


class TolerantTempFolderStorage(TempFolderStorage):
    """Reads an uploaded text file even where it is not valid UTF-8.

    Undecodable bytes become U+FFFD, which `encoding_problem` reports on the very
    rows they damage, instead of the whole file failing with a decoding error.
    """

    def _open(self, mode="r"):
        if self.name and "b" not in mode and "r" in mode:
            return open(self.get_full_path(), mode, encoding=self.encoding, errors="replace")
        return super()._open(mode)


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return super().clean(value, row, **kwargs).strip()


class RequiredTextWidget(TextWidget):
    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if not text:
            raise ValueError(_("This column must not be empty."))
        return text


class CountryWidget(widgets.Widget):
    """An ISO 3166-1 code ("FR") or an English country name ("France")."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            raise ValueError(_("The country is missing."))
        if len(text) == 2 and text.upper() in countries:
            return text.upper()
        code = countries.by_name(text, language="en")
        if code:
            return code
        raise ValueError(
            _('Unknown country "%(value)s": give its ISO code (FR) or its English name.')
            % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        return getattr(value, "code", value) or ""


class ChoiceWidget(widgets.Widget):
    """A value of a model's choices, by its stored value or its English label."""

    def __init__(self, choices, allow_blank=False):
        super().__init__()
        self.choices = choices
        self.allow_blank = allow_blank

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text and self.allow_blank:
            return ""
        for stored, label in self.choices.choices:
            if text.casefold() in {stored.casefold(), str(label).casefold()}:
                return stored
        raise ValueError(
            _('"%(value)s" is not one of: %(choices)s.')
            % {"value": text, "choices": ", ".join(self.choices.values)}
        )


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A related record named by one of its fields; an unknown name refuses the row."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _('No %(model)s is named "%(value)s".')
                % {"model": self.model._meta.verbose_name, "value": value}
            ) from None


class CoordinateWidget(widgets.Widget):
    """Decimal degrees, kept to five places (about one metre)."""

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().replace(",", ".")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(
                _('"%(value)s" is not a number of degrees.') % {"value": text}
            ) from None
        return number.quantize(Decimal("0.00001"), rounding=ROUND_HALF_UP)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class StrictBooleanWidget(widgets.Widget):
    TRUE = {"1", "true", "yes", "oui", "y"}
    FALSE = {"0", "false", "no", "non", "n"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().casefold()
        if text in self.TRUE or text == "":
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_('"%(value)s" is neither 1 nor 0.') % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return "1" if value else "0"


class DateWidget(widgets.Widget):
    """An ISO date (2017-03-23); a spreadsheet's own date cells are accepted too."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                _('"%(value)s" is not a date written YYYY-MM-DD.') % {"value": text}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


def parse_partial_date(value):
    """(date, precision) from "2013", "2013-06", "2013-06-20" or a spreadsheet date."""
    if isinstance(value, datetime):
        return value.date(), DatePrecision.DAY
    if isinstance(value, date):
        return value, DatePrecision.DAY
    text = str(value if value is not None else "").strip()
    if not text:
        return None, DatePrecision.DAY
    try:
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 1, 1), DatePrecision.YEAR
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = text.split("-")
            return date(int(year), int(month), 1), DatePrecision.MONTH
        return date.fromisoformat(text), DatePrecision.DAY
    except ValueError:
        raise ValueError(
            _('"%(value)s" is not a date written YYYY, YYYY-MM or YYYY-MM-DD.') % {"value": text}
        ) from None


class PartialDateField(fields.Field):
    """A date known to the day, the month or the year, in one ISO 8601 column."""

    def __init__(self, attribute, precision_attribute, column_name):
        super().__init__(attribute=attribute, column_name=column_name)
        self.precision_attribute = precision_attribute

    def get_value(self, instance):
        return partial_date_iso(
            getattr(instance, self.attribute), getattr(instance, self.precision_attribute)
        )

    def save(self, instance, row, is_m2m=False, **kwargs):
        value, precision = parse_partial_date(row[self.column_name])
        setattr(instance, self.attribute, value)
        setattr(instance, self.precision_attribute, precision)

    def export(self, instance, **kwargs):
        return self.get_value(instance)


def column(name, widget, attribute=None):
    """A spreadsheet column `name`, read and written by `widget`, into the field of the
    same name (or `attribute`)."""
    return fields.Field(attribute=attribute or name, column_name=name, widget=widget)


class StrictModelResource(resources.ModelResource):
    """A resource that refuses, row by row and with reasons, what it cannot take in.

    Subclasses set `required_columns` and `import_id_fields` (the columns that say
    which record a row is: a second row with the same values is a duplicate).
    """

    required_columns = ()

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        known = {field.column_name for field in self.get_import_fields()} | {
            field.column_name for field in self.fields.values()
        }
        headers = [str(header or "").strip() for header in dataset.headers or []]
        unknown = [header for header in headers if header not in known]
        missing = [column for column in self.required_columns if column not in headers]
        if unknown or missing:
            problems = []
            if unknown:
                problems.append(_("unknown columns: %s") % ", ".join(unknown))
            if missing:
                problems.append(_("missing columns: %s") % ", ".join(missing))
            raise ValueError(
                _("The file's columns do not match (%(problems)s). The columns are: %(known)s.")
                % {"problems": "; ".join(problems), "known": ", ".join(self.column_names())}
            )
        dataset.headers = headers
        self._seen_rows = {}

    def column_names(self):
        return [field.column_name for field in self.get_export_fields()]

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        errors = {}
        for column, value in row.items():
            if isinstance(value, str):
                problem = encoding_problem(value)
                if problem:
                    errors[column] = [problem]
        if errors:
            raise ValidationError(errors)
        key = self.row_key(row)
        earlier = self._seen_rows.get(key)
        if earlier:
            raise ValidationError(
                _("Duplicate: row %(row)s has the same %(columns)s.")
                % {"row": earlier, "columns": _(" and ").join(self.get_import_id_fields())}
            )
        self._seen_rows[key] = kwargs.get("row_number")

    def row_key(self, row):
        """The row's identity, normalised; a key column that cannot be read refuses the row."""
        key, errors = [], {}
        for name in self.get_import_id_fields():
            field = self.fields[name]
            try:
                key.append(str(field.clean(row)).casefold())
            except ValueError as error:
                errors[field.column_name] = [str(error)]
        if errors:
            raise ValidationError(errors)
        return tuple(key)

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except MultipleObjectsReturned:
            raise ValidationError(
                _(
                    "Several records already have these %(columns)s: merge them in the "
                    "admin before importing."
                )
                % {"columns": _(" and ").join(self.get_import_id_fields())}
            ) from None


class SpreadsheetImportExportMixin:
    """Admin options shared by the imports: CSV (UTF-8, with a BOM) and XLSX."""

    formats = [base_formats.CSV, base_formats.XLSX]
    from_encoding = "utf-8-sig"
    to_encoding = "utf-8-sig"
    tmp_storage_class = TolerantTempFolderStorage
    skip_import_confirm = False

    def get_import_data_kwargs(self, **kwargs):
        # A file with a refused row is written not at all, never in part.
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs
