"""Spreadsheet columns of signatories, for the admin's import and export."""

from core.imports import (
    ChoiceWidget,
    CountryWidget,
    DateWidget,
    RequiredTextWidget,
    StrictBooleanWidget,
    StrictModelResource,
    TextWidget,
    column,
)
from core.models import AuthorityKind

from .models import Signatory


class SignatoryResource(StrictModelResource):
    """One row per signatory; a row matches a record by country and name."""

    name = column("name", RequiredTextWidget())
    kind = column("kind", ChoiceWidget(AuthorityKind, allow_blank=True))
    country = column("country", CountryWidget())
    signatory_name = column("signatory_name", TextWidget())
    signatory_position = column("signatory_position", TextWidget())
    date_signed = column("date_signed", DateWidget())
    is_public = column("is_public", StrictBooleanWidget())

    required_columns = ("name", "country")

    class Meta:
        model = Signatory
        fields = (
            "name",
            "kind",
            "country",
            "signatory_name",
            "signatory_position",
            "date_signed",
            "is_public",
        )
        import_id_fields = ("country", "name")
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
