"""Content history: every save of these models keeps the earlier version.

Staff see the versions in the admin ("History" on the record's page) and can
restore any of them; django-simple-history stores them in a Historical<Model>
table beside each model. A model gets history by adding its "app_label.Model"
here, giving its admin class `HistoryAdmin` as a base, and running
`makemigrations` for its app.
"""

import simple_history
from django.apps import apps
from modeltranslation.translator import NotRegistered, translator
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """The admin of a tracked model: "History" on each record's page, with every
    version's changes and a form to restore it. The list of versions is the
    project's own template (templates/simple_history/), with no inline style."""


# Every model that staff edit in the admin.
TRACKED_MODELS = [
    "news.Article",
    "pages.Page",
    "pages.SiteSettings",
    "participants.Participant",
    "participants.NationalNetwork",
    "declaration.Declaration",
    "declaration.DeclarationTranslation",
    "declaration.Signatory",
    "resources.Document",
    "practices.Practice",
    "practices.Theme",
    "prize.PrizeEdition",
    "prize.PrizeWinner",
    "submissions.NGOPartner",
    "news.Tag",
]


# Many-to-many fields whose changes the history keeps too (a table of their own).
TRACKED_RELATIONS = {"news.Article": ["participants"]}


def register_history():
    """Attach a history to each tracked model that is installed.

    Runs once the translation fields exist (modeltranslation adds `title_en`,
    `title_fr`... when the apps are ready), so that each language's text is
    kept. The untranslated field behind them (`title`) only reads or writes the
    active language's column, so it is left out of the history.
    """
    for label in TRACKED_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:  # its app is not installed
            continue
        try:
            translated = list(translator.get_options_for_model(model).all_fields)
        except NotRegistered:
            translated = []
        simple_history.register(
            model, excluded_fields=translated, m2m_fields=TRACKED_RELATIONS.get(label, [])
        )
