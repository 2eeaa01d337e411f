from django.db import migrations

from search.vectors import AddSearchVectors, RemoveSearchVectors

BEFORE = {"en": "english", "fr": "french"}
CONFIGS = {"en": "alliance_english", "fr": "alliance_french"}


class Migration(migrations.Migration):
    """The stored search vectors rebuilt with the configurations that drop accents (search/vectors.py)."""

    dependencies = [
        ("news", "0004_article_search_vectors"),
        ("search", "0001_forgiving_configurations"),
    ]

    operations = [
        RemoveSearchVectors("article", fields=("title", "lead", "body"), configs=BEFORE),
        AddSearchVectors("article", fields=("title", "lead", "body"), configs=CONFIGS),
    ]
