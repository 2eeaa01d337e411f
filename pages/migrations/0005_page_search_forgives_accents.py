from django.db import migrations

from search.vectors import AddSearchVectors, RemoveSearchVectors

BEFORE = {"en": "english", "fr": "french"}
CONFIGS = {"en": "alliance_english", "fr": "alliance_french"}


class Migration(migrations.Migration):
    """The stored search vectors rebuilt with the configurations that drop accents (search/vectors.py)."""

    dependencies = [
        ("pages", "0004_page_search_vectors"),
        ("search", "0001_forgiving_configurations"),
    ]

    operations = [
        RemoveSearchVectors("page", fields=("title", "summary", "body"), configs=BEFORE),
        AddSearchVectors("page", fields=("title", "summary", "body"), configs=CONFIGS),
    ]
