"""Demo content of the participants app: the participants named in public sources.

Data in fixtures/participants.csv and fixtures/national_networks.csv; see
fixtures/README.md for where each value comes from. The full list of about 130
participants is not public here: staff load it through the admin's import.
"""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from .models import NationalNetwork, Participant

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def read(name):
    with (FIXTURES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def optional_date(text):
    return date.fromisoformat(text) if text else None


def load(stdout):
    for row in read("national_networks.csv"):
        NationalNetwork.objects.update_or_create(
            name_en=row["name_en"],
            defaults={
                "name_fr": row["name_fr"],
                "country": row["country"],
                "founded": optional_date(row["founded"]),
                "founded_precision": row["founded_precision"] or "day",
            },
        )
    rows = read("participants.csv")
    for row in rows:
        Participant.objects.update_or_create(
            name_en=row["name_en"],
            country=row["country"],
            defaults={
                "name_fr": row["name_fr"],
                "kind": row["kind"],
                "date_joined": optional_date(row["date_joined"]),
                "date_joined_precision": row["date_joined_precision"] or "day",
                "latitude": Decimal(row["latitude"]) if row["latitude"] else None,
                "longitude": Decimal(row["longitude"]) if row["longitude"] else None,
                "description_en": row["description_en"],
                "description_fr": row["description_fr"],
                "is_active": True,
            },
        )
    stdout.write(f"Participants: {len(rows)} named in public sources, 3 national networks.")
