"""Fill the configured database with 100 times today's content, for the benchmark.

30,000 articles in English and French (with tags), 13,000 participants,
12,000 signatories and 3,000 good practices, written in batches. The records
are synthetic and numbered so that nobody mistakes them for real ones; run it
only against a benchmark database (bench/run.py makes a fresh one).
"""

import os
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_site.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from declaration.models import Signatory  # noqa: E402
from news.models import Article, Tag, TaggedArticle  # noqa: E402
from participants.models import Participant  # noqa: E402
from practices.models import Practice, Theme  # noqa: E402

ARTICLES, PARTICIPANTS, SIGNATORIES, PRACTICES = 30_000, 13_000, 12_000, 3_000
BATCH = 2_000
EUROPE = [
    "AL", "AM", "AT", "AZ", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
    "FR", "GB", "GE", "GR", "HR", "HU", "IE", "IS", "IT", "LT", "LU", "LV", "MD", "ME", "MK",
    "MT", "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "TR", "UA",
]  # fmt: skip
PARAGRAPH_EN = (
    "Local and regional authorities met to exchange know-how on Roma inclusion in education, "
    "housing, employment and health, and agreed on next steps for their cities and regions. "
)
PARAGRAPH_FR = (
    "Les collectivités locales et régionales se sont réunies pour échanger leur savoir-faire "
    "sur l'inclusion des Roms dans l'éducation, le logement, l'emploi et la santé. "
)


def batched(objects, size=BATCH):
    batch = []
    for obj in objects:
        batch.append(obj)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def build_articles(rng):
    tags = [Tag.objects.get_or_create(name=f"Topic {n}", slug=f"topic-{n}")[0] for n in range(40)]
    now = timezone.now()
    for batch in batched(
        Article(
            title_en=f"Benchmark article {n}: local action for Roma inclusion",
            title_fr=f"Article de mesure {n} : l'action locale pour l'inclusion des Roms",
            slug=f"benchmark-article-{n}",
            lead_en=PARAGRAPH_EN,
            lead_fr=PARAGRAPH_FR,
            body_en="".join(f"<p>{PARAGRAPH_EN * 3}</p>" for _ in range(4)),
            body_fr="".join(f"<p>{PARAGRAPH_FR * 3}</p>" for _ in range(4)),
            is_published=True,
            published_at=now - timedelta(hours=6 * n + 1),
            event_start=(now - timedelta(hours=6 * n)).date() if n % 7 == 0 else None,
        )
        for n in range(ARTICLES)
    ):
        created = Article.objects.bulk_create(batch)
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=article, tag=tag)
            for article in created
            for tag in rng.sample(tags, 2)
        )


def build_participants(rng):
    kinds = [value for value, _label in Participant.Kind.choices]
    Participant.objects.bulk_create(
        (
            Participant(
                name_en=f"Benchmark participant {n}",
                slug=f"benchmark-participant-{n}",
                kind=rng.choice(kinds),
                country=rng.choice(EUROPE),
                latitude=round(rng.uniform(36, 66), 4),
                longitude=round(rng.uniform(-9, 40), 4),
                # Known to the year for most, not known for one in ten (the directory's filter).
                date_joined=some_date(rng, 2013, 2026) if rng.random() > 0.1 else None,
                date_joined_precision="year",
                is_active=True,
            )
            for n in range(PARTICIPANTS)
        ),
        batch_size=BATCH,
    )


def build_signatories(rng):
    kinds = [value for value, _label in Participant.Kind.choices]
    Signatory.objects.bulk_create(
        (
            Signatory(
                name=f"Benchmark signatory {n}",
                kind=rng.choice(kinds),
                country=rng.choice(EUROPE),
                date_signed=some_date(rng, 2017, 2026) if rng.random() > 0.2 else None,
                is_public=True,
            )
            for n in range(SIGNATORIES)
        ),
        batch_size=BATCH,
    )
    # One signatory in four is a participant too (the directory's "signed" filter).
    # Benchmark rows only: the demo's own pairs are linked already.
    signatories = list(
        Signatory.objects.filter(name__startswith="Benchmark ").order_by("pk")[: SIGNATORIES // 4]
    )
    participants = (
        Participant.objects.filter(name_en__startswith="Benchmark ", signatory__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for signatory, participant in zip(signatories, participants, strict=False):
        signatory.participant_id = participant
    Signatory.objects.bulk_update(signatories, ["participant"], batch_size=BATCH)


def some_date(rng, first, last):
    return timezone.datetime(rng.randint(first, last), 1, 1).date()


def build_practices(rng):
    themes = list(Theme.objects.all())
    types = [value for value, _label in Practice.Type.choices]
    for batch in batched(
        Practice(
            title_en=f"Benchmark practice {n}",
            slug=f"benchmark-practice-{n}",
            summary_en=PARAGRAPH_EN,
            country=rng.choice(EUROPE),
            place=f"Benchmark town {n}",
            type=rng.choice(types),
            year=rng.randint(2010, 2026),
            is_published=True,
        )
        for n in range(PRACTICES)
    ):
        created = Practice.objects.bulk_create(batch)
        if themes:
            through = Practice.themes.through
            through.objects.bulk_create(
                through(practice_id=practice.pk, theme_id=theme.pk)
                for practice in created
                for theme in rng.sample(themes, min(2, len(themes)))
            )


def main():
    rng = random.Random(2013)
    with transaction.atomic():
        build_articles(rng)
        build_participants(rng)
        build_signatories(rng)
        build_practices(rng)
    # What the database's own maintenance does soon after a bulk load
    # (PostgreSQL's autovacuum): statistics for the planner, and on
    # PostgreSQL a visibility map, so counts can read indexes only.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(
        f"{Article.objects.count()} articles, {Participant.objects.count()} participants, "
        f"{Signatory.objects.count()} signatories, {Practice.objects.count()} practices"
    )


if __name__ == "__main__":
    main()
