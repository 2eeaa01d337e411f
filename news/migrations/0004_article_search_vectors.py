from django.db import migrations

from search.vectors import AddSearchVectors


class Migration(migrations.Migration):
    """Stored, indexed search vectors on PostgreSQL (search/vectors.py); nothing elsewhere."""

    dependencies = [("news", "0003_historicalarticle")]

    operations = [
        AddSearchVectors(
            "article",
            fields=("title", "lead", "body"),
            configs={"en": "english", "fr": "french"},
        ),
    ]
