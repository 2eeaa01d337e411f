from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteSettings(models.Model):
    """The one record behind the sidebar's contact box and social links.

    Staff edit it in the admin; the templates never spell these details out.
    """

    mission = models.TextField(
        _("mission statement"),
        help_text=_("The two sentences at the top of the sidebar on every page."),
    )
    note_on_terms = models.TextField(
        _("note on terms"),
        help_text=_('The "Please note" box explaining the term "Roma and Travellers".'),
    )
    contact_name = models.CharField(
        _("contact person"), max_length=200, blank=True, help_text=_("For example: Mr Tobias Mayr")
    )
    contact_role = models.CharField(
        _("contact role"),
        max_length=200,
        blank=True,
        help_text=_("For example: Alliance Task Force"),
    )
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_address = models.TextField(
        _("postal address"), blank=True, help_text=_("One line per line of the address.")
    )
    facebook_url = models.URLField(
        _("Facebook page"), blank=True, help_text=_("Leave empty to hide the link.")
    )
    twitter_url = models.URLField(
        _("Twitter page"), blank=True, help_text=_("Leave empty to hide the link.")
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The settings record, created empty on first use."""
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj
