"""Demo content of the pages app: the site settings behind the sidebar, and the pages.

Texts from the original site's sidebar (seed 001_e9be903c25b38dee.txt) and its
About Us page (seed 003_978a5834420c6a2a.txt); the ROMACT page from seed
004_5018d1f4c2516c79.txt. The page bodies are in fixtures/pages/.
"""

from django.conf import settings

from .models import Page, SiteSettings

PAGES_DIR = settings.BASE_DIR / "fixtures" / "pages"

# slug, English title, French title, summary (en, fr), in the menu, order, old site's id
PAGES = [
    (
        "about-us",
        "About us",
        "À propos",
        (
            "The European Alliance of Cities and Regions for Roma Inclusion: its objectives "
            "and its history.",
            "L'Alliance européenne des villes et des régions pour l'inclusion des Roms : "
            "ses objectifs et son histoire.",
        ),
        True,
        10,
        33,
    ),
    (
        "romact",
        "ROMACT",
        "ROMACT",
        (
            "ROMACT, a joint programme of the Council of Europe and the European Commission "
            "for the inclusion of Roma at local level.",
            "ROMACT, programme conjoint du Conseil de l'Europe et de la Commission européenne "
            "pour l'inclusion des Roms au niveau local.",
        ),
        True,
        20,
        95,
    ),
    (
        "contact",
        "Contact",
        "Contact",
        (
            "How to reach the Alliance Task Force at the Congress of the Council of Europe.",
            "Comment joindre la Task Force de l'Alliance au Congrès du Conseil de l'Europe.",
        ),
        True,
        90,
        None,
    ),
    (
        "privacy",
        "Privacy notice",
        "Protection des données",
        (
            "What this website does with the personal data sent through its forms.",
            "Ce que ce site fait des données personnelles envoyées par ses formulaires.",
        ),
        False,
        100,
        None,
    ),
    (
        "accessibility",
        "Accessibility statement",
        "Déclaration d'accessibilité",
        (
            "How this website aims to be usable by everyone, and how to report a problem.",
            "Comment ce site vise à être utilisable par tous, et comment signaler un problème.",
        ),
        False,
        110,
        None,
    ),
]

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
            "contact_civility": SiteSettings.Civility.MR,
            "contact_name": "Tobias Mayr",
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

    for slug, title_en, title_fr, (summary_en, summary_fr), in_menu, order, legacy_id in PAGES:
        page = Page.objects.filter(slug=slug).first() or Page(slug=slug)
        page.title_en, page.title_fr = title_en, title_fr
        page.summary_en, page.summary_fr = summary_en, summary_fr
        page.body_en = (PAGES_DIR / f"{slug}.en.html").read_text(encoding="utf-8")
        page.body_fr = (PAGES_DIR / f"{slug}.fr.html").read_text(encoding="utf-8")
        page.show_in_navigation = in_menu
        page.order = order
        page.legacy_id = legacy_id
        page.is_published = True
        page.save()
    stdout.write(f"Pages: {len(PAGES)}.")
