from django.db import migrations

from search.vectors import AddSearchVectors


class Migration(migrations.Migration):
    """Stored, indexed search vectors on PostgreSQL (search/vectors.py); nothing elsewhere."""

    dependencies = [("resources", "0001_document")]

    operations = [
        AddSearchVectors(
            "document",
            fields=("title", "number"),
            configs={"en": "english", "fr": "french"},
        ),
    ]
