from django.db import migrations

from search.vectors import AddSearchVectors


class Migration(migrations.Migration):
    """Stored, indexed search vectors on PostgreSQL (search/vectors.py); nothing elsewhere."""

    dependencies = [("practices", "0002_the_seven_themes")]

    operations = [
        AddSearchVectors(
            "practice",
            fields=("title", "summary", "place", "description"),
            configs={"en": "english", "fr": "french"},
        ),
    ]
