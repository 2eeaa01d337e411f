from django.db import migrations

from search.vectors import AddSearchVectors

CONFIGS = {"en": "alliance_english", "fr": "alliance_french"}


class Migration(migrations.Migration):
    """Stored, indexed search vectors on PostgreSQL (search/vectors.py): found by name."""

    dependencies = [
        ("submissions", "0002_propose_a_good_practice"),
        ("search", "0001_forgiving_configurations"),
    ]

    operations = [
        AddSearchVectors("ngopartner", fields=("name",), configs=CONFIGS),
    ]
