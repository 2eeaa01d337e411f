from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """What cuts across the content apps: the page cache's change signals,
    content history and the staff groups."""

    name = "alliance_site"
    verbose_name = _("Site")

    def ready(self):
        from . import page_cache  # noqa: F401  (connects the signal receivers)
        from .history import register_history
        from .staff_groups import update_staff_groups_after_migrate

        register_history()
        # After every migrate (and flush), so that permissions of newly added
        # models reach the groups without anyone having to remember it. Django
        # signals it once per app that has models: this app has none, the core has.
        post_migrate.connect(
            update_staff_groups_after_migrate, sender=self.apps.get_app_config("core")
        )
