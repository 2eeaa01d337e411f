"""Demo content of the prize app: the 2015 and 2017 editions (../shared spec, public facts).

The 2017 ranking is not in the sources, so those winners carry no rank. Runs
after the participants' demo content, so that winners who are participants link
to their page.
"""

from .models import PrizeEdition, PrizeWinner

# The winner's link names the participants' model; the prize app imports nothing from it.
Participant = PrizeWinner._meta.get_field("participant").related_model

# year: [(English name, French name, country, rank)]
EDITIONS = {
    2015: [
        ("Ghent", "Gand", "BE", 1),
        ("Kragujevac", "Kragujevac", "RS", 2),
        ("Reggio nell'Emilia", "Reggio d'Émilie", "IT", 2),
        ("Madrid", "Madrid", "ES", 3),
    ],
    2017: [
        ("Şişli", "Şişli", "TR", None),
        ("Volos", "Volos", "GR", None),
        ("Gliwice", "Gliwice", "PL", None),
    ],
}


def load(stdout):
    for year, winners in EDITIONS.items():
        edition, _created = PrizeEdition.objects.get_or_create(year=year)
        for name_en, name_fr, country, rank in winners:
            participant = Participant.objects.filter(name=name_en, country=country).first()
            PrizeWinner.objects.update_or_create(
                edition=edition,
                name_en=name_en,
                defaults={
                    "name_fr": name_fr,
                    "country": country,
                    "rank": rank,
                    "participant": participant,
                },
            )
    stdout.write(f"Dosta!-Congress Prize: {len(EDITIONS)} editions.")
