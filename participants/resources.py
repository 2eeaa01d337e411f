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
    column,
)

from .models import NationalNetwork, Participant


class ParticipantResource(StrictModelResource):
    """One row per participant; a row matches a record by country and English name."""

    name = column("name", RequiredTextWidget(), attribute="name_en")
    name_fr = column("name_fr", TextWidget())
    slug = fields.Field(attribute="slug", column_name="slug", readonly=True)
    kind = column("kind", ChoiceWidget(Participant.Kind))
    country = column("country", CountryWidget())
    date_joined = PartialDateField("date_joined", "date_joined_precision", "date_joined")
    website = column("website", TextWidget())
    latitude = column("latitude", CoordinateWidget())
    longitude = column("longitude", CoordinateWidget())
    national_network = column(
        "national_network", NaturalKeyWidget(NationalNetwork, field="name_en")
    )
    description = column("description", TextWidget(), attribute="description_en")
    description_fr = column("description_fr", TextWidget())
    is_active = column("is_active", StrictBooleanWidget())

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
