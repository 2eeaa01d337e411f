"""Demo content of the resources app: adopted texts of the Congress on Roma.

Only texts whose number, year and title are certain are listed; staff add the
others, with their files, in the admin.
"""

from .models import Document

SITUATION_OF_ROMA = (
    "The situation of Roma in Europe: a challenge for local and regional authorities",
    "La situation des Roms en Europe : un défi pour les pouvoirs locaux et régionaux",
)

DOCUMENTS = [
    (Document.Kind.RESOLUTION, "333", 2011, SITUATION_OF_ROMA),
    (Document.Kind.RECOMMENDATION, "315", 2011, SITUATION_OF_ROMA),
]


def load(stdout):
    for kind, number, year, (title_en, title_fr) in DOCUMENTS:
        Document.objects.update_or_create(
            kind=kind,
            number=number,
            year=year,
            defaults={"title_en": title_en, "title_fr": title_fr, "is_published": True},
        )
    stdout.write(f"Documents: {len(DOCUMENTS)} adopted texts.")
