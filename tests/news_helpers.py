"""Articles and image files for the news tests."""

import struct
import zlib
from datetime import timedelta
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

from news.models import Article, TaggedArticle


def make_article(title="An article", *, tags=(), days_ago=1, **fields):
    """A published article dated `days_ago` days back (negative: in the future)."""
    fields.setdefault("is_published", True)
    fields.setdefault("published_at", timezone.now() - timedelta(days=days_ago))
    article = Article.objects.create(title_en=title, **fields)
    if tags:
        article.tags.add(*tags)
    return article


def bulk_articles(count, *, start=0, tag=None, with_images=False):
    """`count` published articles made in a few queries, tagged `tag` if given.

    They are numbered from `start`, newest first, an hour apart.
    """
    now = timezone.now()
    articles = Article.objects.bulk_create(
        Article(
            title=f"Bulk article {n}",
            title_en=f"Bulk article {n}",
            title_fr=f"Article en nombre {n}",
            slug=slugify(f"bulk article {n}"),
            lead_en=f"The teaser of article {n}.",
            body_en=f"<p>The body of article {n}.</p>",
            is_published=True,
            published_at=now - timedelta(hours=n + 1),
            **(fake_picture(n) if with_images else {}),
        )
        for n in range(start, start + count)
    )
    if tag is not None:
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=article, tag=tag) for article in articles
        )
    return articles


def fake_picture(n):
    """Image fields as the rendition step leaves them, without writing files."""
    renditions = {
        kind: [
            {"name": f"news/renditions/p{n}-{w}.{ext}", "width": w, "height": w // 2, "bytes": 99}
            for w in (320, 640)
        ]
        for kind, ext in (("webp", "webp"), ("jpeg", "jpg"))
    }
    renditions["source"] = f"news/p{n}.jpg"
    return {
        "image": f"news/p{n}.jpg",
        "image_width": 640,
        "image_height": 320,
        "image_renditions": renditions,
        "image_alt_en": f"Picture {n}",
    }


def jpeg_bytes(width=1200, height=800, color=(0, 59, 115)):
    buffer = BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "JPEG")
    return buffer.getvalue()


def jpeg_upload(name="photo.jpg", **kwargs):
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


def png_header(width, height):
    """A PNG that claims `width` × `height` pixels: all a bomb needs to be refused."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
