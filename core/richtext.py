"""The one rich-text policy of the site: what staff may write, and all that survives.

Every field that holds HTML written by staff is a `RichTextField`. The editor
offers exactly the tools of `RICH_TEXT_EXTENSIONS`, and the same list drives the
sanitiser (nh3, through django-prose-editor) that cleans the HTML: when a form
is cleaned, and again on every save (`sanitise_rich_text`), which also covers
text saved from code (imports, the demo content, the shell).
"""

import re

from django.template.defaultfilters import linebreaks_filter
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django_prose_editor.fields import ProseEditorField, create_sanitizer

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}

_clean_html = create_sanitizer(RICH_TEXT_EXTENSIONS)
_HTML_TAG = re.compile(r"<[a-zA-Z][^>]*>")


def sanitise(text):
    """Safe HTML from what staff wrote or pasted: plain text becomes paragraphs."""
    if not text:
        return text
    if not _HTML_TAG.search(text):
        text = linebreaks_filter(text)
    return _clean_html(text)


class RichTextField(ProseEditorField):
    """HTML that staff write in the editor, kept to the site's one policy."""

    def __init__(self, *args, **kwargs):
        kwargs["extensions"] = RICH_TEXT_EXTENSIONS
        kwargs["sanitize"] = sanitise
        super().__init__(*args, **kwargs)


def sanitise_rich_text(instance):
    """Clean every language's copy of every rich-text field of `instance`."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, RichTextField):
            value = getattr(instance, field.attname)
            if value:
                setattr(instance, field.attname, sanitise(value))


def excerpt(html, words=30):
    """Plain text from the start of some rich text, for descriptions and snippets."""
    return Truncator(strip_tags(html or "").replace("\xa0", " ")).words(words, truncate="…")
