from django.db import migrations

# The themes the issue names, in the order the filter shows them.
THEMES = [
    ("education", "Education", "Éducation"),
    ("housing", "Housing", "Logement"),
    ("employment", "Employment", "Emploi"),
    ("health", "Health", "Santé"),
    ("culture", "Culture", "Culture"),
    ("anti-discrimination", "Anti-discrimination", "Lutte contre les discriminations"),
    ("participation", "Participation", "Participation"),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("practices", "Theme")
    for order, (slug, name_en, name_fr) in enumerate(THEMES, start=1):
        Theme.objects.get_or_create(
            slug=slug,
            defaults={"name": name_en, "name_en": name_en, "name_fr": name_fr, "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_practices_and_themes")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
