"""Checks on uploaded files, run before anything is stored: the one place for them.

A file is judged by its content, not by its name or by the type the browser
claims. Staff's pictures go through Pillow: a file that Pillow cannot decode, an
SVG (it can carry scripts), a file over 10 MB or a picture over 40 megapixels is
refused. A scan sent through a form must be a PDF that starts and ends like one,
or an image Pillow reads entirely. Nothing may carry markup or script that a
browser could run (SVG, HTML, polyglot files). Every refusal tells the person
what to do instead.
"""

import io
import re
import warnings
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Markup that a browser would render or run if the file were ever served as HTML.
ACTIVE_CONTENT = re.compile(
    rb"<\s*(script|html|svg|body|iframe|object|embed|\?php)|<!doctype", re.I
)

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

MAX_DOCUMENT_BYTES = 30 * 1024 * 1024
DOCUMENT_EXTENSIONS = "pdf doc docx odt rtf xls xlsx ods ppt pptx odp".split()


def _read_all(upload):
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    return content


def _refuse_active_content(content, message):
    """A polyglot: a file whose bytes also hold a web page or a script."""
    if ACTIVE_CONTENT.search(content):
        raise ValidationError(message, code="active_content")


def _refuse_if_larger(upload, limit, message):
    if upload.size > limit:
        raise ValidationError(
            message,
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


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
    _refuse_if_larger(
        value,
        MAX_IMAGE_BYTES,
        _("This file is %(size)s; images may be at most %(limit)s. Save a smaller version."),
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
    _refuse_active_content(
        _read_all(value),
        _("This file holds more than a picture. Export the image again and upload it."),
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
    if _is_new_upload(value):
        _refuse_if_larger(
            value,
            MAX_DOCUMENT_BYTES,
            _("This file is %(size)s; documents may be at most %(limit)s."),
        )


MAX_SCAN_BYTES = 10 * 1024 * 1024
# An A4 page scanned at 600 dpi is about 35 million pixels.
MAX_SCAN_PIXELS = 50_000_000
SCAN_TYPES = {".pdf": "PDF", ".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}

# PDF features a scanned signature never needs and an attack often does.
PDF_ACTIVE_CONTENT = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b")


def validate_scan(upload):
    """A signed scan: PDF, JPEG or PNG, under 10 MB, whose content matches its name."""
    if upload.size > MAX_SCAN_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s): choose a file smaller than 10 MB."),
            code="too_large",
            params={"size": filesizeformat(upload.size)},
        )
    expected = SCAN_TYPES.get(PurePath(upload.name or "").suffix.lower())
    if expected is None:
        raise ValidationError(_("Choose a PDF, JPEG or PNG file."), code="file_type")
    content = _read_all(upload)
    _refuse_active_content(
        content, _("The file contains web page code. Send a plain scan as PDF, JPEG or PNG.")
    )
    if expected == "PDF":
        _check_pdf(content)
    else:
        _check_image(content, expected)


def validate_document(upload):
    """A document describing a practice: a PDF under 10 MB, checked as a scan is.

    PDF only: a word processor's file can carry macros that nothing here can
    check, and the document is published with the practice.
    """
    if PurePath(upload.name or "").suffix.lower() != ".pdf":
        raise ValidationError(_("Choose a PDF file."), code="file_type")
    try:
        validate_scan(upload)
    except ValidationError as error:
        if error.code != "active_content":
            raise
        raise ValidationError(
            _("The file contains scripts, web page code, attachments or forms. Send a plain PDF."),
            code="active_content",
        ) from error


def _mismatch(expected):
    return ValidationError(
        _("The file's content is not a %(type)s document, whatever its name says."),
        code="content_mismatch",
        params={"type": expected},
    )


def _check_pdf(content):
    if not content.startswith(b"%PDF-") or b"%%EOF" not in content[-1024:]:
        raise _mismatch("PDF")
    if PDF_ACTIVE_CONTENT.search(content):
        raise ValidationError(
            _("The PDF contains scripts, attachments or forms. Send a plain scan."),
            code="active_content",
        )


def _check_image(content, expected):
    """Pillow reads the image entirely: a truncated, forged or oversized one fails."""
    too_many_pixels = ValidationError(
        _("The image is too large in pixels. Scan it at 300 dpi or less."),
        code="too_many_pixels",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.format != expected:
                    raise _mismatch(expected)
                if image.width * image.height > MAX_SCAN_PIXELS:
                    raise too_many_pixels
                image.verify()
            with Image.open(io.BytesIO(content)) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_many_pixels from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise _mismatch(expected) from error
    # Nothing may follow the image's end marker: that is where polyglots hide.
    stripped = content.rstrip(b"\0\r\n\t ")
    if expected == "JPEG" and not stripped.endswith(b"\xff\xd9"):
        raise _mismatch(expected)
    if expected == "PNG" and not content.endswith(b"IEND\xaeB`\x82"):
        raise _mismatch(expected)
