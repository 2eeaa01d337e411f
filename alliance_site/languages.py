"""The language of each translated text a page shows (WCAG 2.2, 3.1.2 Language of Parts).

A translated field left empty shows another language's text (modeltranslation's
fallback): a French page then shows English. `shown_language` says which
language a record's field is shown in, so that templates and feeds can mark
that text with its own `lang`. Templates use `{% lang_attr obj "field" %}`
(alliance_site/templatetags/languages.py).
"""

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.utils import build_localized_fieldname, resolution_order


def active_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def shown_language(obj, *fields, language=None):
    """The language of the text that `obj`'s first non-empty field among `fields`
    shows on a page in `language` (the active one), or None: no such text, or
    not a translated field (a proper noun, a number: no language of its own)."""
    language = language or active_language()
    translated = get_translatable_fields_for_model(type(obj)) or ()
    for field in fields:
        if field not in translated:
            continue
        for code in resolution_order(language):
            value = getattr(obj, build_localized_fieldname(field, code), None)
            if value not in (None, ""):
                return code
    return None


def foreign_language(obj, *fields, language=None):
    """The language `obj`'s text is shown in when it is not the page's, or ""."""
    language = language or active_language()
    shown = shown_language(obj, *fields, language=language)
    return shown if shown and shown != language else ""


def marked(obj, field):
    """`obj`'s `field`, as <span lang="…"> HTML where it is shown in another
    language, else as it is: for a label that is rendered escaped (a choice)."""
    value = getattr(obj, field)
    code = foreign_language(obj, field)
    return format_html('<span lang="{}">{}</span>', code, value) if code else value


def only_in(obj, *fields, language=None):
    """The one other language every text of `fields` is shown in, or "": for a record
    shown wholly in another language (an article with no French at all)."""
    language = language or active_language()
    shown = {shown_language(obj, field, language=language) for field in fields} - {None}
    if len(shown) == 1 and language not in shown:
        return shown.pop()
    return ""
