"""Spreadsheet columns of participants, for the admin's import and export."""

from import_export import fields

from core.imports import (
    ChoiceWidget,
    CoordinateWidget,
    CountryWidget,
    NaturalKeyWidget,
    PartialDateField,
    RequiredTextWidget,
    StrictBooleanWidget,
    StrictModelResource,
    TextWidget,
)

from .models import NationalNetwork, Participant


class ParticipantResource(StrictModelResource):
    """One row per participant; a row matches a record by country and English name."""

    name = fields.Field(attribute="name_en", column_name="name", widget=RequiredTextWidget())
    name_fr = fields.Field(attribute="name_fr", column_name="name_fr", widget=TextWidget())
    slug = fields.Field(attribute="slug", column_name="slug", readonly=True)
    kind = fields.Field(attribute="kind", column_name="kind", widget=ChoiceWidget(Participant.Kind))
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    date_joined = PartialDateField("date_joined", "date_joined_precision", "date_joined")
    website = fields.Field(attribute="website", column_name="website", widget=TextWidget())
    latitude = fields.Field(attribute="latitude", column_name="latitude", widget=CoordinateWidget())
    longitude = fields.Field(
        attribute="longitude", column_name="longitude", widget=CoordinateWidget()
    )
    national_network = fields.Field(
        attribute="national_network",
        column_name="national_network",
        widget=NaturalKeyWidget(NationalNetwork, field="name_en"),
    )
    description = fields.Field(
        attribute="description_en", column_name="description", widget=TextWidget()
    )
    description_fr = fields.Field(
        attribute="description_fr", column_name="description_fr", widget=TextWidget()
    )
    is_active = fields.Field(
        attribute="is_active", column_name="is_active", widget=StrictBooleanWidget()
    )

    required_columns = ("name", "country")

    class Meta:
        model = Participant
        fields = (
            "name",
            "name_fr",
            "slug",
            "kind",
            "country",
            "date_joined",
            "website",
            "latitude",
            "longitude",
            "national_network",
            "description",
            "description_fr",
            "is_active",
        )
        import_id_fields = ("country", "name")
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def get_queryset(self):
        return super().get_queryset().select_related("national_network")
