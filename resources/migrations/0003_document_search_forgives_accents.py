from django.db import migrations

from search.vectors import AddSearchVectors, RemoveSearchVectors

BEFORE = {"en": "english", "fr": "french"}
CONFIGS = {"en": "alliance_english", "fr": "alliance_french"}


class Migration(migrations.Migration):
    """The stored search vectors rebuilt with the configurations that drop accents (search/vectors.py)."""

    dependencies = [
        ("resources", "0002_document_search_vectors"),
        ("search", "0001_forgiving_configurations"),
    ]

    operations = [
        RemoveSearchVectors("document", fields=("title", "number"), configs=BEFORE),
        AddSearchVectors("document", fields=("title", "number"), configs=CONFIGS),
    ]
