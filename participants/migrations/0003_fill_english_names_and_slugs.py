from django.db import migrations
from django.utils.text import slugify


def fill(apps, schema_editor):
    """Existing rows: the English name from the untranslated column, a unique slug from it."""
    Participant = apps.get_model("participants", "Participant")
    taken = set()
    for participant in Participant.objects.order_by("pk"):
        participant.name_en = participant.name_en or participant.name
        base = slugify(participant.name_en)[:190].strip("-") or "participant"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        participant.slug = slug
        participant.save(update_fields=["name_en", "slug"])


class Migration(migrations.Migration):

    dependencies = [
        ("participants", "0002_profile_map_and_networks"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
