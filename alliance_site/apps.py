from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """What cuts across the content apps: the page cache's change signals,
    content history and the staff groups."""

    name = "alliance_site"
    default = True
    verbose_name = _("Site")

    def ready(self):
        from . import page_cache  # noqa: F401  (connects the signal receivers)
        from .history import register_history
        from .staff_groups import update_staff_groups_after_migrate

        register_history()
        # After every migrate (and flush), so that permissions of newly added
        # models reach the groups without anyone having to remember it. Django
        # signals it once per app that has models; the core is always migrated.
        post_migrate.connect(
            update_staff_groups_after_migrate, sender=self.apps.get_app_config("core")
        )


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin with the site's own admin site: its dashboard and groups."""

    default = False
    default_site = "alliance_site.dashboard.AdminSite"
