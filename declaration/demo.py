"""Demo content of the declaration app: its signatories and what is known of its text.

The 122 signatories come from the original site's table (seed 000), repaired as
fixtures/README.md describes. The Declaration's full text is not among the
sources: the record holds the page's introduction and the facts the sources give,
and staff paste the text (and upload the translations) in the admin.
"""

import csv
from pathlib import Path

from django.conf import settings

from .models import Declaration, Signatory

INTRO_EN = (
    "Dozens of municipalities and regions from all over Europe have signed the Declaration "
    "against anti-Gypsyism. Do you want your municipality or region to become one of them?"
)
INTRO_FR = (
    "Des dizaines de municipalités et de régions de toute l'Europe ont signé la Déclaration "
    "contre l'antitsiganisme. Vous souhaitez que votre municipalité ou votre région en fasse "
    "partie ?"
)
BODY_EN = (
    "The Declaration against anti-Gypsyism was endorsed by the Congress of Local and Regional "
    "Authorities of the Council of Europe in March 2017.\n\n"
    "Besides English and French, it has been translated into many other languages: 34 "
    "languages in all. Translations in non-official languages were financially supported by "
    "the Government of Finland, the Federal Government of Germany and the Government of "
    "Hungary through voluntary contributions."
)
BODY_FR = (
    "La Déclaration contre l'antitsiganisme a été approuvée par le Congrès des pouvoirs "
    "locaux et régionaux du Conseil de l'Europe en mars 2017.\n\n"
    "Outre l'anglais et le français, elle a été traduite dans de nombreuses autres langues : "
    "34 langues en tout. Les traductions dans les langues non officielles ont été financées "
    "par le Gouvernement de la Finlande, le Gouvernement fédéral de l'Allemagne et le "
    "Gouvernement de la Hongrie au moyen de contributions volontaires."
)


def load(stdout):
    declaration = Declaration.load()
    declaration.title_en = "Declaration against anti-Gypsyism"
    declaration.title_fr = "Déclaration contre l'antitsiganisme"
    declaration.intro_en, declaration.intro_fr = INTRO_EN, INTRO_FR
    declaration.body_en, declaration.body_fr = BODY_EN, BODY_FR
    declaration.save()

    path = Path(settings.BASE_DIR) / "fixtures" / "signatories.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        Signatory.objects.update_or_create(
            country=row["country"],
            name=row["name"],
            defaults={"kind": row["kind"], "is_public": True},
        )
    stdout.write(f"Declaration: introduction and {len(rows)} signatories.")
