"""Demo content of the declaration app: its signatories and what is known of its text.

The 122 signatories come from the original site's table (seed 000), repaired as
fixtures/README.md describes. The Declaration's full text is not among the
sources, nor the addresses of its official texts and translations: the record
holds the page's introduction, what a signatory commits to and the facts the
sources give (seeds 000 and 002; the 32nd session of the Congress, March 2017),
and staff paste the text and add the addresses and translations in the admin.

A signatory is linked to the participant that is the same authority when exactly
one participant of its country has its name but for case, accents and words such
as "City of" (`Signatory.matching_participants`; the participants are loaded
first): Strasbourg, Megara and Tivat.
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
    "<p>The Congress of Local and Regional Authorities of the Council of Europe adopted the "
    "Declaration of Mayors and Elected Representatives of Local and Regional Authorities "
    "against anti-Gypsyism at its 32nd session, in March 2017. The Congress sees the political "
    "participation of Roma as one of the key conditions of their inclusion, and the "
    "Declaration asks those who sign it to act on it.</p>"
    "<p>Besides English and French, the Council of Europe's official languages, the Declaration "
    "exists in many other languages: 34 languages in all. Translations in non-official "
    "languages were financially supported by the Government of Finland, the Federal "
    "Government of Germany and the Government of Hungary through voluntary contributions.</p>"
    "<p>To receive the text in one of its languages, write to the Alliance Task Force at "
    '<a href="mailto:alliance@coe.int">alliance@coe.int</a>.</p>'
)
BODY_FR = (
    "<p>Le Congrès des pouvoirs locaux et régionaux du Conseil de l'Europe a adopté la "
    "Déclaration des maires et des élus locaux et régionaux contre l'antitsiganisme lors de "
    "sa 32e session, en mars 2017. Le Congrès voit dans la participation politique des Roms "
    "l'une des conditions essentielles de leur inclusion, et la Déclaration demande à ceux "
    "qui la signent d'agir en ce sens.</p>"
    "<p>Outre l'anglais et le français, langues officielles du Conseil de l'Europe, la "
    "Déclaration existe dans de nombreuses autres langues : 34 langues en tout. Les "
    "traductions dans les langues non officielles ont été financées par le Gouvernement de "
    "la Finlande, le Gouvernement fédéral de l'Allemagne et le Gouvernement de la Hongrie au "
    "moyen de contributions volontaires.</p>"
    "<p>Pour recevoir le texte dans l'une de ses langues, écrivez à la Task Force de l'Alliance "
    'à <a href="mailto:alliance@coe.int">alliance@coe.int</a>.</p>'
)
# What signing commits an authority to, in the site's words, from what the sources
# say of it: the Declaration's title, and its Congress spokesperson's words at CAHROM
# (seed 002): "The mayors who sign the Declaration commit themselves to strive for the
# fair representation of Roma and Travellers at all levels of democracy", "committed
# themselves to the support of Roma candidates".
COMMITMENTS_EN = (
    "<p>The mayor or elected representative who signs the Declaration on behalf of a "
    "municipality, city or region commits that authority to:</p>"
    "<ul>"
    "<li>oppose anti-Gypsyism at local and regional level;</li>"
    "<li>strive for the fair representation of Roma and Travellers at all levels of "
    "democracy;</li>"
    "<li>support Roma candidates in elections.</li>"
    "</ul>"
    "<p>The signature is that of an elected representative: the form asks for their name, "
    "their position and the date they signed.</p>"
)
COMMITMENTS_FR = (
    "<p>Le maire ou l'élu qui signe la Déclaration au nom d'une municipalité, d'une ville ou "
    "d'une région engage cette collectivité à :</p>"
    "<ul>"
    "<li>s'opposer à l'antitsiganisme aux niveaux local et régional ;</li>"
    "<li>œuvrer pour une représentation équitable des Roms et des Gens du voyage à tous les "
    "niveaux de la démocratie ;</li>"
    "<li>soutenir les candidats roms aux élections.</li>"
    "</ul>"
    "<p>La signature est celle d'un élu : le formulaire demande son nom, sa fonction et la "
    "date à laquelle il a signé.</p>"
)


def load(stdout):
    declaration = Declaration.load()
    declaration.title_en = "Declaration against anti-Gypsyism"
    declaration.title_fr = "Déclaration contre l'antitsiganisme"
    declaration.intro_en, declaration.intro_fr = INTRO_EN, INTRO_FR
    declaration.body_en, declaration.body_fr = BODY_EN, BODY_FR
    declaration.commitments_en, declaration.commitments_fr = COMMITMENTS_EN, COMMITMENTS_FR
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
    linked = link_participants()
    stdout.write(
        f"Declaration: introduction and {len(rows)} signatories, {linked} of them "
        "linked to their participant."
    )


def link_participants():
    """Link each signatory to the one participant that plainly is the same authority."""
    for signatory in Signatory.objects.filter(participant__isnull=True):
        matches = signatory.matching_participants()
        if len(matches) == 1:
            signatory.participant = matches[0]
            signatory.save()
    return Signatory.objects.filter(participant__isnull=False).count()
