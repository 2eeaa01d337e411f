from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from .stems import register_functions

        # Each app says what it contributes to the site search in its own search.py.
        autodiscover_modules("search")
        # SQLite stems in Python what PostgreSQL stems itself (search/stems.py).
        connection_created.connect(register_functions, dispatch_uid="search_functions")
