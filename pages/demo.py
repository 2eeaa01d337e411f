"""Demo content of the pages app: the site settings behind the sidebar.

Texts from the original site's sidebar (seed 001_e9be903c25b38dee.txt).
"""

from .models import SiteSettings

MISSION_EN = (
    'The "Alliance" fights discrimination against Roma at the local and regional levels, '
    "promotes their inclusion and raises awareness of these communities among local and "
    "regional authorities.\n\n"
    "The Alliance operates under the auspices of the Congress of Local and Regional "
    "Authorities of the Council of Europe."
)
MISSION_FR = (
    "L'« Alliance » lutte contre la discrimination à l'égard des Roms aux niveaux local et "
    "régional, promeut leur inclusion et sensibilise les collectivités locales et régionales "
    "à ces communautés.\n\n"
    "L'Alliance agit sous les auspices du Congrès des pouvoirs locaux et régionaux du "
    "Conseil de l'Europe."
)
NOTE_EN = (
    "The term “Roma and Travellers” is used at the Council of Europe to encompass the wide "
    "diversity of the groups covered by the work of the Council of Europe in this field "
    "including Roma, Sinti/Manush, Calé, Kaale, Romanichals, Boyash/Rudari, Balkan Egyptians "
    "(Egyptians and Ashkali), Eastern groups (Dom, Lom and Abdal), groups such as Travellers, "
    "Yenish, and the populations designated under the administrative term “Gens du voyage”, "
    "as well as persons who identify themselves as Gypsies."
)
NOTE_FR = (
    "Le terme « Roms et Gens du voyage » est utilisé au Conseil de l'Europe pour englober la "
    "grande diversité des groupes couverts par les travaux du Conseil de l'Europe dans ce "
    "domaine : d'une part a) les Roms, les Sintés/Manouches, les Calés/Gitans, les Kaalés, "
    "les Romanichels, les Béash/Rudars ; b) les Égyptiens des Balkans (Égyptiens et "
    "Ashkalis) ; c) les branches orientales (Doms, Loms et Abdals) ; et, d'autre part, les "
    "groupes tels que les Travellers, les Yéniches et les populations désignées par le terme "
    "administratif de « Gens du voyage », ainsi que les personnes qui s'auto-identifient "
    "comme Tsiganes."
)


def load(stdout):
    SiteSettings.objects.update_or_create(
        pk=1,
        defaults={
            "mission_en": MISSION_EN,
            "mission_fr": MISSION_FR,
            "note_on_terms_en": NOTE_EN,
            "note_on_terms_fr": NOTE_FR,
            "contact_name": "Mr Tobias Mayr",
            "contact_role_en": "Alliance Task Force",
            "contact_role_fr": "Task Force de l'Alliance",
            "contact_phone": "+33 (0)3 88 41 32 28",
            "contact_email": "alliance@coe.int",
            "contact_address_en": "Congress of the Council of Europe\nF-67075 Strasbourg Cedex",
            "contact_address_fr": "Congrès du Conseil de l'Europe\nF-67075 Strasbourg Cedex",
            "facebook_url": "https://www.facebook.com/CongressCoE",
            "twitter_url": "https://twitter.com/coe_congress",
        },
    )
    stdout.write("Site settings: contact box and social links.")
