from django.db import migrations

from search.vectors import AddSearchVectors, RemoveSearchVectors

BEFORE = {"en": "english", "fr": "french"}
CONFIGS = {"en": "alliance_english", "fr": "alliance_french"}


class Migration(migrations.Migration):
    """The stored search vectors rebuilt with the configurations that drop accents (search/vectors.py)."""

    dependencies = [
        ("practices", "0004_reserved_slugs"),
        ("search", "0001_forgiving_configurations"),
    ]

    operations = [
        RemoveSearchVectors(
            "practice", fields=("title", "summary", "place", "description"), configs=BEFORE
        ),
        AddSearchVectors(
            "practice", fields=("title", "summary", "place", "description"), configs=CONFIGS
        ),
    ]
