from django.db import migrations

from search.vectors import AddSearchVectors


class Migration(migrations.Migration):
    """Stored, indexed search vectors on PostgreSQL (search/vectors.py); nothing elsewhere."""

    dependencies = [("pages", "0003_historicalpage_historicalsitesettings")]

    operations = [
        AddSearchVectors(
            "page",
            fields=("title", "summary", "body"),
            configs={"en": "english", "fr": "french"},
        ),
    ]
