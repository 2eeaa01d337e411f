from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")

    def ready(self):
        from alliance_site.page_cache import on_schedule

        from .models import next_scheduled_change

        # A scheduled article, or an event over, changes the pages at its time.
        on_schedule(next_scheduled_change)
