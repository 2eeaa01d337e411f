"""The labels of translated fields: "Title (English)", "Titre (français)".

modeltranslation names each language's field "Title [en]"; the admin, its
history and its error messages show this name instead, in the staff member's
language (settings.MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME).
"""

from django.conf import settings


def localized_verbose_name(verbose_name, language):
    # Called when the label is shown: the language's name is then in the admin's language.
    name = dict(settings.LANGUAGES).get(language, language)
    return f"{verbose_name} ({name})"
