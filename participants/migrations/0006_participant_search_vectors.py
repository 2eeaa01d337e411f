from django.db import migrations

from search.vectors import AddSearchVectors


class Migration(migrations.Migration):
    """Stored, indexed search vectors on PostgreSQL (search/vectors.py); nothing elsewhere."""

    dependencies = [("participants", "0005_historicalparticipant")]

    operations = [
        AddSearchVectors(
            "participant",
            fields=("name", "description"),
            configs={"en": "english", "fr": "french"},
        ),
    ]
