"""Spreadsheet columns of signatories, for the admin's import and export."""

from import_export import fields

from core.imports import (
    ChoiceWidget,
    CountryWidget,
    DateWidget,
    RequiredTextWidget,
    StrictBooleanWidget,
    StrictModelResource,
    TextWidget,
)
from core.models import AuthorityKind

from .models import Signatory


class SignatoryResource(StrictModelResource):
    """One row per signatory; a row matches a record by country and name."""

    name = fields.Field(attribute="name", column_name="name", widget=RequiredTextWidget())
    kind = fields.Field(
        attribute="kind",
        column_name="kind",
        widget=ChoiceWidget(AuthorityKind, allow_blank=True),
    )
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    signatory_name = fields.Field(
        attribute="signatory_name", column_name="signatory_name", widget=TextWidget()
    )
    signatory_position = fields.Field(
        attribute="signatory_position", column_name="signatory_position", widget=TextWidget()
    )
    date_signed = fields.Field(
        attribute="date_signed", column_name="date_signed", widget=DateWidget()
    )
    is_public = fields.Field(
        attribute="is_public", column_name="is_public", widget=StrictBooleanWidget()
    )

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
