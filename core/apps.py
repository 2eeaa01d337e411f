from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What the content apps share: the bases of their models, the rich-text
    policy, the upload checks, countries, spreadsheet imports, the visitor's
    address and the demo loader. It imports no other app of the site."""

    name = "core"
    verbose_name = _("Core")
