"""Checks on what visitors type and upload, with messages a person can act on.

An uploaded file is judged by its content, not by its name or by the type the
browser claims: a PDF must start like a PDF and end like one, an image must be
one Pillow can read entirely, of a reasonable size, and nothing may carry
markup or script that a browser could run (SVG, HTML, polyglot files).
"""

import io
import re
import unicodedata
import warnings
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from alliance_site.uploads import ACTIVE_CONTENT

MAX_SCAN_BYTES = 10 * 1024 * 1024
# An A4 page scanned at 600 dpi is about 35 million pixels.
MAX_SCAN_PIXELS = 50_000_000
SCAN_TYPES = {".pdf": "PDF", ".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}

# PDF features a scanned signature never needs and an attack often does.
PDF_ACTIVE_CONTENT = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b")
# Bidirectional overrides and isolates: used to disguise text, never needed in a form.
BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def _bad_characters(value, allowed=""):
    return [
        char
        for char in value
        if char not in allowed
        and (unicodedata.category(char) in ("Cc", "Cs") or char in BIDI_CONTROLS)
    ]


def no_control_characters(value):
    """For one-line fields: refuse invisible control characters, line breaks included."""
    if _bad_characters(value):
        raise ValidationError(
            _("Remove the invisible control characters (such as line breaks) from this field."),
            code="control_characters",
        )


def no_control_characters_in_text(value):
    """For text areas: line breaks and tabs are fine, other control characters are not."""
    if _bad_characters(value, allowed="\n\r\t"):
        raise ValidationError(
            _("Remove the invisible control characters from this text."),
            code="control_characters",
        )


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
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if ACTIVE_CONTENT.search(content):
        raise ValidationError(
            _("The file contains web page code. Send a plain scan as PDF, JPEG or PNG."),
            code="active_content",
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
