from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

# PostgreSQL's English and French configurations, with accents dropped before
# stemming: "école", "ecole" and "ÉCOLE" become the same word. Only the token
# types that can hold accented letters need `unaccent`.
CONFIGURATIONS = {"alliance_english": "english", "alliance_french": "french"}
ACCENTED_TOKENS = "word, hword, hword_part"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, language in CONFIGURATIONS.items():
        schema_editor.execute(
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{language})"
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {ACCENTED_TOKENS} "
            f"WITH unaccent, {language}_stem"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION {name}")


class Migration(migrations.Migration):
    """The text search configurations that search/vectors.py names (PostgreSQL only)."""

    initial = True

    dependencies = []

    operations = [
        UnaccentExtension(),
        migrations.RunPython(create, drop),
    ]
