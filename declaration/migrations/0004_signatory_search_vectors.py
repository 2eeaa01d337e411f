from django.db import migrations

from search.vectors import AddSearchVectors

CONFIGS = {"en": "alliance_english", "fr": "alliance_french"}


class Migration(migrations.Migration):
    """Stored, indexed search vectors on PostgreSQL (search/vectors.py): found by name."""

    dependencies = [
        ("declaration", "0003_scan_checked_like_the_form"),
        ("search", "0001_forgiving_configurations"),
    ]

    operations = [
        AddSearchVectors("signatory", fields=("name",), configs=CONFIGS),
    ]
