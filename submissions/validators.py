"""Checks on what visitors type in the forms, with messages a person can act on.

Uploads are checked in `core.uploads`, like every other file of the site.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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
