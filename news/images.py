"""Resized copies of article images, made once when the image is saved.

Each upload gets a few widths in WebP and in JPEG (the fallback for browsers
without WebP). Their names, sizes and dimensions are stored on the article, so
a page lists any number of articles with pictures without touching the disk or
running another query.
"""

import logging
import posixpath
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (320, 640, 960, 1280, 1600)
FORMATS = {
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", {"quality": 82, "progressive": True}),
}


def make_renditions(field_file):
    """Write the resized copies of `field_file`; return their description.

    The description is {"source": name, "webp": [...], "jpeg": [...]}, each
    rendition a {"name", "width", "height", "bytes"} dict, smallest first.
    An image that cannot be decoded gets no renditions (the page then shows
    the original); this is logged, not raised, so a save never fails here.
    """
    description = {"source": field_file.name, "webp": [], "jpeg": []}
    try:
        field_file.open("rb")
        with Image.open(field_file) as original:
            original.draft("RGB", (max(WIDTHS), max(WIDTHS)))
            picture = ImageOps.exif_transpose(original)
            picture = _flatten(picture)
    except Exception:
        logger.exception("Could not read %s to resize it", field_file.name)
        return description
    finally:
        field_file.close()

    stem = posixpath.splitext(posixpath.basename(field_file.name))[0]
    folder = posixpath.join(posixpath.dirname(field_file.name), "renditions")
    widths = sorted({w for w in WIDTHS if w < picture.width} | {min(picture.width, max(WIDTHS))})
    for width in widths:
        height = max(1, round(picture.height * width / picture.width))
        resized = picture.resize((width, height), Image.Resampling.LANCZOS)
        for key, (pil_format, options) in FORMATS.items():
            buffer = BytesIO()
            resized.save(buffer, pil_format, optimize=True, **options)
            name = default_storage.save(
                posixpath.join(folder, f"{stem}-{width}.{key.replace('jpeg', 'jpg')}"),
                ContentFile(buffer.getvalue()),
            )
            description[key].append(
                {"name": name, "width": width, "height": height, "bytes": buffer.tell()}
            )
    return description


def delete_renditions(description):
    for key in FORMATS:
        for rendition in (description or {}).get(key, []):
            default_storage.delete(rendition["name"])


def _flatten(picture):
    """RGB on white: JPEG has no transparency, and WebP is smaller without it."""
    if picture.mode in ("RGBA", "LA") or (picture.mode == "P" and "transparency" in picture.info):
        picture = picture.convert("RGBA")
        background = Image.new("RGB", picture.size, (255, 255, 255))
        background.paste(picture, mask=picture.getchannel("A"))
        return background
    return picture.convert("RGB")


class Picture:
    """What a template needs for <picture>: srcsets, a fallback, the box size."""

    def __init__(self, description, alt):
        self.alt = alt
        self.webp = description.get("webp") or []
        self.jpeg = description.get("jpeg") or []
        largest = self.jpeg[-1]
        self.width, self.height = largest["width"], largest["height"]
        # The fallback src: a middle size, good enough where srcset is ignored.
        self.src = default_storage.url(self.jpeg[min(1, len(self.jpeg) - 1)]["name"])
        self.largest = largest

    @staticmethod
    def _srcset(renditions):
        return ", ".join(f"{default_storage.url(r['name'])} {r['width']}w" for r in renditions)

    @property
    def webp_srcset(self):
        return self._srcset(self.webp)

    @property
    def jpeg_srcset(self):
        return self._srcset(self.jpeg)

    @property
    def largest_url(self):
        return default_storage.url(self.largest["name"])
