"""Demo content of the news app: the nine news items of the original site's pages.

Seven come from the home page (seed 001_e9be903c25b38dee.txt), which gives
their title, date and the beginning of their text, cut off with "…" as the
original cut it; the site has no more of them than that. Two are full
articles: seed 002_15a435e65a15125a.txt (CAHROM, dated by the meeting it
reports, 24 May 2018) and seed 004_5018d1f4c2516c79.txt (the ROMACT and ROMED2
launching events of October and November 2013, dated by the first of them).
Two are events, dated and placed by what the seeds say of them: the CAHROM
meeting (Athens, 24 May 2018) and the ROMACT and ROMED2 launching events (from
14 October to 5 November 2013, in several countries). No times are given: the
seeds hold none. The items of the home page stay news, dated when written, as
the original showed them, though two report meetings (Lviv, 26 February 2019;
the Ukrainian Parliament, 9 April 2019).
Typos and encoding losses of the capture are repaired. French is given where
the title and teaser are translated faithfully; elsewhere the English shows.
No item has a picture: the seeds hold none, and none is invented.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from .models import Article, Tag

PARIS = ZoneInfo("Europe/Paris")


def _noon(day, month, year):
    return datetime(year, month, day, 12, 0, tzinfo=PARIS)


def _paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


ARTICLES = [
    {
        "published_at": _noon(9, 4, 2019),
        "title_en": "“Local action for Roma safety” initiative presented at the Ukrainian "
        "Parliament",
        "lead_en": "The initiative “Local Action for Roma Safety” will be presented to the "
        "Ukrainian Parliament on 9 April 2019 by Iryna SUSLOVA, MP and Chair of the "
        "Sub-Committee on Gender Equality and Non-Discrimination – Committee on Human Rights, "
        "National Minorities and Inter-ethnic Relations. This…",
        "title_fr": "L’initiative « Action locale pour la sécurité des Roms » présentée au "
        "Parlement ukrainien",
        "lead_fr": "L’initiative « Action locale pour la sécurité des Roms » sera présentée au "
        "Parlement ukrainien le 9 avril 2019 par Iryna SUSLOVA, députée et présidente de la "
        "sous-commission sur l’égalité de genre et la non-discrimination – commission des "
        "droits de l’homme, des minorités nationales et des relations interethniques. […]",
        "tags": ["Ukrainian Alliance", "Roma safety"],
    },
    {
        "published_at": _noon(8, 4, 2019),
        "title_en": "Congress Spokesperson Miranda RIRA: “Securing Roma rights is part of the "
        "responsibilities of public authorities”",
        "lead_en": "Strasbourg, 8 April 2019. “Roma are fully-fledged members of society and "
        "securing their rights is part of the responsibilities of public authorities,” said "
        "Congress spokeswoman on Roma issues, Miranda RIRA (Albania, SOC), on the occasion of "
        "the Roma International Day, on 8 April 2019. “Even though they…",
        "title_fr": "Miranda RIRA, porte-parole du Congrès : « Garantir les droits des Roms fait "
        "partie des responsabilités des pouvoirs publics »",
        "lead_fr": "Strasbourg, 8 avril 2019. « Les Roms sont des membres à part entière de la "
        "société et garantir leurs droits fait partie des responsabilités des pouvoirs "
        "publics », a déclaré la porte-parole du Congrès sur les questions roms, Miranda RIRA "
        "(Albanie, SOC), à l’occasion de la Journée internationale des Roms, le 8 avril 2019. "
        "« Même s’ils…",
        "tags": ["Roma Day", "Congress"],
    },
    {
        # Same day as the item above, which the original listed first.
        "published_at": _noon(8, 4, 2019) - timedelta(hours=1),
        "title_en": "Commissioner for Human Rights: European states must demonstrate resolve "
        "for lasting and concrete change for Roma people",
        "lead_en": "On 8 April, we will celebrate International Roma Day. This is a day to "
        "celebrate Roma culture and Roma contributions to European societies, and the cultural "
        "diversity of Europe. The 8th of April, which commemorates the first World Romani "
        "Congress held in London in April 1971, should also be a reminder of the urgent need "
        "to better protect the…",
        "title_fr": "Commissaire aux droits de l’homme : les États européens doivent faire "
        "preuve de détermination pour un changement durable et concret en faveur des Roms",
        "lead_fr": "Le 8 avril, nous célébrerons la Journée internationale des Roms. C’est une "
        "journée pour célébrer la culture rom et les contributions des Roms aux sociétés "
        "européennes, ainsi que la diversité culturelle de l’Europe. Le 8 avril, qui commémore "
        "le premier Congrès mondial rom tenu à Londres en avril 1971, devrait aussi rappeler "
        "l’urgente nécessité de mieux protéger […]",
        "tags": ["Roma Day", "Human rights"],
    },
    {
        "published_at": _noon(1, 4, 2019),
        "title_en": "President of the Congress’ Local Chamber warns of anti-Roma fake news and "
        "asks local and regional authorities to remain vigilant",
        "lead_en": "The President of the Congress Chamber of Local Authorities and Mayor of "
        "Saint-Gérand-le-Puy Xavier CADORET (France, SOC) warns of “anti-Roma fake news rapidly "
        "spreading on social media”. Referring to recent incidents in the French departments "
        "of Seine-Saint-Denis and Hauts-de-Seine, where rumors about Roma kidnapping children "
        "in a white van…",
        "title_fr": "Le président de la Chambre des pouvoirs locaux du Congrès met en garde "
        "contre les fausses informations anti-Roms et appelle les collectivités locales et "
        "régionales à rester vigilantes",
        "lead_fr": "Le président de la Chambre des pouvoirs locaux du Congrès et maire de "
        "Saint-Gérand-le-Puy, Xavier CADORET (France, SOC), met en garde contre les « fausses "
        "informations anti-Roms qui se propagent rapidement sur les réseaux sociaux ». "
        "Évoquant de récents incidents dans les départements français de la Seine-Saint-Denis "
        "et des Hauts-de-Seine, où des rumeurs selon lesquelles des Roms enlèveraient des "
        "enfants à bord d’une camionnette blanche…",
        "tags": ["Anti-Gypsyism", "Congress"],
    },
    {
        "published_at": _noon(14, 3, 2019),
        "title_en": "Deputy Mayor of Uzhgorod Oleksandr BYLAK elected new Chairperson of the "
        "Ukrainian Alliance",
        "lead_en": "The Ukrainian Alliance of Cities and Regions for Roma Inclusion has a new "
        "chair for the year 2019. Mr Oleksandr BYLAK, Deputy Mayor of the City of Uzhgorod, "
        "was selected Chairman of the Ukrainian Alliance during the 2nd official meeting of "
        "the Ukrainian Alliance on 26 February 2019 in Lviv. The City of Uzhgorod takes over "
        "the chairmanship from…",
        "title_fr": "Oleksandr BYLAK, maire adjoint d’Uzhgorod, élu nouveau président de "
        "l’Alliance ukrainienne",
        "lead_fr": "L’Alliance ukrainienne des villes et régions pour l’inclusion des Roms a un "
        "nouveau président pour l’année 2019. M. Oleksandr BYLAK, maire adjoint de la ville "
        "d’Uzhgorod, a été choisi comme président de l’Alliance ukrainienne lors de la "
        "2e réunion officielle de l’Alliance ukrainienne, le 26 février 2019 à Lviv. La ville "
        "d’Uzhgorod reprend la présidence de…",
        "tags": ["Ukrainian Alliance"],
    },
    {
        "legacy_id": 289,
        "published_at": _noon(28, 2, 2019),
        "title_en": "The Alliance in Lviv: “Local action for Roma safety”",
        "lead_en": "The Ukrainian Alliance of Cities and Regions for Roma Inclusion, the local "
        "network of mayors for Roma Inclusion in Ukraine, held its 2nd meeting on 26th "
        "February 2019 with local and regional elected officials, parliamentarians and NGO "
        "representatives, in Lviv, Ukraine.\n\n"
        "In the context of the attacks against Roma in…",
        "title_fr": "L’Alliance à Lviv : « Action locale pour la sécurité des Roms »",
        "lead_fr": "L’Alliance ukrainienne des villes et régions pour l’inclusion des Roms, le "
        "réseau local de maires pour l’inclusion des Roms en Ukraine, a tenu sa 2e réunion le "
        "26 février 2019 à Lviv (Ukraine), avec des élus locaux et régionaux, des "
        "parlementaires et des représentants d’ONG.\n\n"
        "Dans le contexte des attaques contre les Roms en…",
        "tags": ["Ukrainian Alliance", "Roma safety"],
    },
    {
        "published_at": _noon(11, 1, 2019),
        "title_en": "7th Dosta!-Congress Prize 2019: Call for applications",
        "lead_en": "The application for the 7th edition of the Dosta!-Congress Prize for "
        "Municipalities is now open to municipalities/local authorities from Council of Europe "
        "member states who have run projects in 2017 and 2018 targeting Roma and/or "
        "Travellers, whether they be nationals or more recent migrants.\n\n"
        "Following the success of the previous…",
        "title_fr": "7e Prix Dosta!-Congrès 2019 : appel à candidatures",
        "lead_fr": "Les candidatures à la 7e édition du Prix Dosta!-Congrès pour les "
        "municipalités sont désormais ouvertes aux municipalités et collectivités locales des "
        "États membres du Conseil de l’Europe qui ont mené en 2017 et 2018 des projets en "
        "faveur des Roms et/ou des Gens du voyage, qu’ils soient ressortissants nationaux ou "
        "migrants plus récents.\n\n"
        "Après le succès des […]",
        "tags": ["Dosta! Prize"],
    },
    {
        "published_at": _noon(24, 5, 2018),
        "title_en": "John Warmisham at CAHROM: “If Roma have a political voice, they can stand "
        "up for their rights and fight anti-Gypsyism.”",
        "body_en": _paragraphs(
            "“The Congress sees the political participation of Roma as one of the key "
            "conditions to their inclusion,” stated John WARMISHAM, Congress Thematic "
            "Spokesperson on Roma and Travellers, at the 15th Meeting of the Ad Hoc Committee "
            "of Experts on Roma and Traveller Issues (CAHROM), held in Athens on 24 May 2018.",
            "“We as the Congress encourage municipalities to form structures for political "
            "participation for example in our national Roma networks,” he added. Mr WARMISHAM "
            "underlined the importance for political parties of setting-up measures to "
            "encourage especially Roma and Traveller women to enter the world of politics. "
            "“The local and regional authorities have the responsibility to support Roma to "
            "become politically active and visible,” he stressed.",
            "The topic of political participation in the Congress national Roma network is "
            "addressed in the Declaration against anti-Gypsyism endorsed by the Congress in "
            "March 2017. “The mayors who sign the Declaration commit themselves to strive for "
            "the fair representation of Roma and Travellers at all levels of democracy,” "
            "explained John WARMISHAM. “Until today 100 elected representatives from all over "
            "Europe have signed the Declaration and committed themselves to the support of "
            "Roma candidates,” he concluded.",
        ),
        "tags": ["CAHROM", "Political participation", "Declaration against anti-Gypsyism"],
        "event_start": date(2018, 5, 24),
        "event_city_en": "Athens",
        "event_city_fr": "Athènes",
        "event_country": "GR",
    },
    {
        "legacy_id": 87,
        "published_at": _noon(14, 10, 2013),
        "event_start": date(2013, 10, 14),
        "event_end": date(2013, 11, 5),
        "title_en": "Next Launching Events of ROMED2 and ROMACT",
        "lead_en": "Council of Europe and European Commission joint programme ROMACT will be "
        "implemented in several pilot municipalities in Bulgaria and Romania",
        "title_fr": "Prochains événements de lancement de ROMED2 et ROMACT",
        "lead_fr": "Le programme conjoint du Conseil de l’Europe et de la Commission européenne "
        "ROMACT sera mis en œuvre dans plusieurs municipalités pilotes en Bulgarie et en "
        "Roumanie",
        "body_en": _paragraphs(
            "Following the first national launching meeting of the ROMACT programme together "
            "with the new phase of ROMED2, which took place in Budapest with over 100 national "
            "and international players, four other official launching events will be held in "
            "Albena, Bulgaria on 14 October, in Bucharest, Romania on 15 October, in Kosice, "
            "Slovakia on 5 November, a date is still to be set for the launching of ROMACT and "
            "ROMED2 in Italy. Several officials from the European Commission, Council of "
            "Europe, Open Society Foundations, as well as the representatives of the "
            "governments involved in the programme will be taking the floor during the opening "
            "session.",
            "The ROMACT project, aimed at improving the capacity of cities and regions in "
            "developing and implementing projects for the inclusion of Roma, is an initiative "
            "of the Council of Europe and the European Commission in the framework of the "
            "European Alliance of Cities and Regions for Roma Inclusion. The project will be "
            "implemented in Hungary, Bulgaria, Romania, Slovakia and Italy jointly with the "
            "ROMED2 Programme – a follow up on the successful training of Roma mediators, "
            "implemented by the Council of Europe and the European Commission since January "
            "2011. ROMACT complements the ROMED2 Programme in boosting participation of Roma "
            "communities in democratic governance through mediation and thus producing a real "
            "change in their everyday life.",
        ),
        "tags": ["ROMACT", "ROMED2"],
    },
]

# Every field the items above may set, so that loading again resets the others.
# The tags' French names, as the site's French pages say them. Acronyms and
# names of programmes are the same in both languages.
TAG_NAMES_FR = {
    "Ukrainian Alliance": "Alliance ukrainienne",
    "Roma safety": "Sécurité des Roms",
    "Roma Day": "Journée internationale des Roms",
    "Congress": "Congrès",
    "Human rights": "Droits de l’homme",
    "Anti-Gypsyism": "Antitsiganisme",
    "Dosta! Prize": "Prix Dosta!",
    "CAHROM": "CAHROM",
    "Political participation": "Participation politique",
    "Declaration against anti-Gypsyism": "Déclaration contre l’antitsiganisme",
    "ROMACT": "ROMACT",
    "ROMED2": "ROMED2",
}

FIELDS = (
    "published_at",
    "event_start",
    "event_end",
    "event_city_en",
    "event_city_fr",
    "event_country",
    "legacy_id",
    "title_en",
    "title_fr",
    "lead_en",
    "lead_fr",
    "body_en",
    "body_fr",
)
EMPTY = {
    "event_start": None,
    "event_end": None,
    "event_city_fr": None,
    "legacy_id": None,
    "title_fr": None,
}


def _french_spacing(text):
    """No-break spaces inside guillemets and before double punctuation."""
    for before, after in (("« ", "«\u00a0"), (" »", "\u00a0»"), (" :", "\u00a0:")):
        text = text.replace(before, after)
    return text


def load(stdout):
    for item in ARTICLES:
        values = {field: item.get(field, EMPTY.get(field, "")) for field in FIELDS}
        for field in ("title_fr", "lead_fr"):
            if values[field]:
                values[field] = _french_spacing(values[field])
        article, _created = Article.objects.update_or_create(
            slug=slugify(item["title_en"])[:200],
            defaults={**values, "is_published": True},
        )
        article.tags.set(item["tags"])
    for tag in Tag.objects.filter(name_en__in=TAG_NAMES_FR):
        if tag.name_fr != TAG_NAMES_FR[tag.name_en]:
            tag.name_fr = TAG_NAMES_FR[tag.name_en]
            tag.save()
    stdout.write(f"News: {len(ARTICLES)} articles from the original site.")
