"""Checks on uploaded files, run before anything is stored.

Every image goes through Pillow: a file that Pillow cannot decode, an SVG (it
can carry scripts), a file over 10 MB or a picture over 40 megapixels is
refused with a message that tells the editor what to do instead.
"""

import warnings

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

from alliance_site.uploads import ACTIVE_CONTENT

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

MAX_DOCUMENT_BYTES = 30 * 1024 * 1024
DOCUMENT_EXTENSIONS = "pdf doc docx odt rtf xls xlsx ods ppt pptx odp".split()


def _is_new_upload(value):
    """Files already in storage were checked when they were uploaded."""
    return value is not None and not getattr(value, "_committed", False)


def _looks_like_svg(value):
    name = (getattr(value, "name", "") or "").lower()
    if name.endswith((".svg", ".svgz")):
        return True
    value.seek(0)
    head = value.read(1024)
    value.seek(0)
    if isinstance(head, str):
        head = head.encode()
    head = head.lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head


def validate_image_upload(value):
    """Refuse anything but a reasonably sized JPEG, PNG, WebP or GIF picture."""
    if not _is_new_upload(value):
        return
    if value.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("This file is %(size)s; images may be at most %(limit)s. Save a smaller version."),
            code="file_too_large",
            params={
                "size": filesizeformat(value.size),
                "limit": filesizeformat(MAX_IMAGE_BYTES),
            },
        )
    if _looks_like_svg(value):
        raise ValidationError(
            _("SVG images are not accepted. Upload a JPEG, PNG or WebP picture."),
            code="svg",
        )
    value.seek(0)
    try:
        # Pillow warns between its own limit and twice it, and raises above;
        # both mean a decompression bomb here.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(value) as image:
                image_format = image.format
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise _too_many_pixels(width, height)
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(None, None) from None
    except Exception:
        raise ValidationError(
            _(
                "This file is not an image that can be read, or it is damaged. "
                "Upload a JPEG, PNG or WebP picture."
            ),
            code="invalid_image",
        ) from None
    finally:
        value.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Images in the %(format)s format are not accepted. Upload a JPEG, PNG or WebP."),
            code="image_format",
            params={"format": image_format},
        )
    # verify() checks the structure; decoding the whole picture catches
    # truncated files, which would otherwise fail only when resized.
    try:
        with Image.open(value) as image:
            image.draft("RGB", (2000, 2000))
            image.load()
    except Exception:
        raise ValidationError(
            _("This image is incomplete or damaged. Export it again and upload the new file."),
            code="damaged_image",
        ) from None
    finally:
        value.seek(0)
    # A polyglot: a picture whose bytes also hold a web page or a script. (Data
    # after the picture's end is allowed: phones append their own there, and
    # pages show re-encoded copies; originals are served with nosniff.)
    value.seek(0)
    content = value.read()
    value.seek(0)
    if ACTIVE_CONTENT.search(content):
        raise ValidationError(
            _("This file holds more than a picture. Export the image again and upload it."),
            code="active_content",
        )


def _too_many_pixels(width, height):
    if width is None:
        return ValidationError(
            _("This image has far too many pixels. Resize it to at most 40 megapixels."),
            code="too_many_pixels",
        )
    return ValidationError(
        _(
            "This image is %(width)s × %(height)s pixels; the limit is 40 megapixels. "
            "Resize it and upload it again."
        ),
        code="too_many_pixels",
        params={"width": width, "height": height},
    )


validate_document_extension = FileExtensionValidator(
    DOCUMENT_EXTENSIONS,
    message=_(
        "Files of type “%(extension)s” are not accepted. "
        "Attach a PDF or an office document (%(allowed_extensions)s)."
    ),
)


def validate_document_size(value):
    if _is_new_upload(value) and value.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("This file is %(size)s; documents may be at most %(limit)s."),
            code="file_too_large",
            params={
                "size": filesizeformat(value.size),
                "limit": filesizeformat(MAX_DOCUMENT_BYTES),
            },
        )
