"""Uploads that must be refused by every field that takes a file.

A decompression bomb, a polyglot (a real image that is also a web page), an
SVG (an image that carries script) and an oversized file. Each feature adds its
upload fields here with one line each, e.g.:

    UploadField("news.Article", "image"),
    UploadField("news.ArticleDocument", "file", name="report.pdf"),
    UploadField("resources.Document", "file", name="report.pdf"),
    UploadField("submissions.Submission", "scan", validator="core.uploads.validate_scan"),

A model field is checked the way a ModelForm checks it: its form field's
`clean()` (Pillow reads an ImageField), then the model field's validators. A
field that takes uploads through more than one validator (the forms' scans and
documents) is listed once for each.
"""

import io
import struct
import zlib
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.module_loading import import_string
from PIL import Image

OVERSIZED_BYTES = 64 * 1024 * 1024


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png(width, height, rows, extra_chunks=b""):
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grey
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + extra_chunks
        + png_chunk(b"IDAT", rows)
        + png_chunk(b"IEND", b"")
    )


def decompression_bomb():
    """A 20,000 x 20,000 pixel PNG (400 million pixels) in a few dozen kilobytes."""
    side = 20_000
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + side // 8)
    rows = b"".join(compressor.compress(row) for _row in range(side)) + compressor.flush()
    return png(side, side, rows)


def tiny_png(extra_chunks=b""):
    return png(1, 1, zlib.compress(b"\x00\x00"), extra_chunks)


def polyglot():
    """A valid PNG whose bytes are also a web page with a script."""
    page = b"<html><body><script>alert(document.domain)</script></body></html>"
    return tiny_png(png_chunk(b"tEXt", b"Comment\x00" + page))


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
    b"<script>alert(document.domain)</script></svg>"
)


def bad_uploads(name):
    """(what, uploaded file) for each kind of file every upload field must refuse."""
    stem, _dot, extension = name.rpartition(".")
    return [
        ("decompression bomb", SimpleUploadedFile(name, decompression_bomb(), "image/png")),
        ("polyglot", SimpleUploadedFile(name, polyglot(), "image/png")),
        ("SVG", SimpleUploadedFile(f"{stem}.svg", SVG, "image/svg+xml")),
        ("SVG named like the expected type", SimpleUploadedFile(name, SVG, "image/png")),
        (
            "oversized",
            SimpleUploadedFile(name, tiny_png() + bytes(OVERSIZED_BYTES), "image/png"),
        ),
    ]


@dataclass(frozen=True)
class UploadField:
    model: str
    field: str
    name: str = "photo.png"  # a name the field would accept
    validator: str = ""  # a dotted path, when the check lives outside the model field

    def check(self, upload):
        if self.validator:
            import_string(self.validator)(upload)
            return
        field = apps.get_model(self.model)._meta.get_field(self.field)
        cleaned = field.formfield().clean(upload)
        for validator in field.validators:
            validator(cleaned)


UPLOAD_FIELDS = [
    UploadField("news.Article", "image"),
    UploadField("declaration.Signatory", "scan", name="scan.png"),
    UploadField(
        "submissions.Submission",
        "scan",
        name="scan.png",
        validator="core.uploads.validate_scan",
    ),  # fmt: skip
    UploadField(
        "submissions.Submission",
        "scan",
        name="report.pdf",
        validator="core.uploads.validate_document",
    ),
]


def upload_field_id(upload_field):
    name = f"{upload_field.model}.{upload_field.field}"
    if upload_field.validator:
        name += f" ({upload_field.validator.rsplit('.', 1)[-1]})"
    return name


@pytest.mark.parametrize(
    "upload_field", [pytest.param(f, id=upload_field_id(f)) for f in UPLOAD_FIELDS]
)
def test_every_upload_field_refuses_dangerous_files(upload_field):
    accepted = []
    for what, upload in bad_uploads(upload_field.name):
        try:
            upload_field.check(upload)
        except ValidationError:
            continue
        accepted.append(what)
    assert accepted == [], f"{upload_field} accepted: {accepted}"


def test_the_dangerous_files_are_what_they_claim():
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(decompression_bomb()))
    assert len(decompression_bomb()) < 200_000
    with Image.open(io.BytesIO(polyglot())) as image:
        image.verify()  # a real image...
    assert b"<script>" in polyglot()  # ...that is also a page
    uploads = dict(bad_uploads("photo.png"))
    assert uploads["SVG"].name == "photo.svg"
    assert uploads["oversized"].size > OVERSIZED_BYTES
