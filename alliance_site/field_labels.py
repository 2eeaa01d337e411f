"""The labels of translated fields: "Title (English)", "Titre (français)".

modeltranslation names each language's field "Title [en]"; the admin, its
history and its error messages show this name instead, in the staff member's
language (settings.MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME).
"""

from django.utils.translation import pgettext


def language_name(code):
    """The language's name as it reads inside a field's label, in lower case in French."""
    names = {
        "en": pgettext("the language of a field, in its label", "English"),
        "fr": pgettext("the language of a field, in its label", "French"),
    }
    return names.get(code, code)


def localized_verbose_name(verbose_name, language):
    return f"{verbose_name} ({language_name(language)})"
