from django.apps import AppConfig


class SiteConfig(AppConfig):
    """What cuts across the content apps: the page cache's change signals."""

    name = "alliance_site"
    verbose_name = "Alliance site"

    def ready(self):
        from . import page_cache  # noqa: F401  (connects the signal receivers)
