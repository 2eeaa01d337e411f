from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import SingletonModel, SluggedModel, TimestampedModel
from core.richtext import RichTextField, excerpt, sanitise_rich_text


class SiteSettings(SingletonModel):
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

    class Civility(models.TextChoices):
        """How the contact person is addressed: each language writes it its own way."""

        MR = "mr", pgettext_lazy("civility", "Mr")
        MS = "ms", pgettext_lazy("civility", "Ms")

    contact_civility = models.CharField(
        _("civility"),
        max_length=2,
        choices=Civility.choices,
        blank=True,
        help_text=_("Shown before the name, as each language writes it (Mr, M.)."),
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=200,
        blank=True,
        help_text=_("First name and surname, for example: Tobias Mayr"),
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

    @property
    def contact_person(self):
        """The contact's name as the active language writes it: "Mr Tobias Mayr",
        "M. Tobias Mayr"."""
        if self.contact_civility and self.contact_name:
            return f"{self.get_contact_civility_display()} {self.contact_name}"
        return self.contact_name


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_navigation(self):
        """The published top-level pages of the main menu, in their order."""
        return self.published().filter(show_in_navigation=True, parent=None).order_by("order", "pk")


class Page(SluggedModel, TimestampedModel):
    """A page that staff write: About Us, ROMACT, contact, privacy notice...

    Pages form a tree; a page's address is the chain of slugs from the top,
    `/{lang}/about-us/history/`, the same in both languages.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_(
            "The last part of the address. Leave empty to make it from the English title. "
            "Do not change it once the page is published: links to it would break."
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Leave empty for a top-level page."),
    )
    path = models.CharField(_("address"), max_length=500, unique=True, editable=False)
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in menus and lists.")
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_(
            "One or two sentences shown by search engines and link previews. "
            "Leave empty to use the start of the text."
        ),
    )
    body = RichTextField(_("text"))
    show_in_navigation = models.BooleanField(
        _("show in the main menu"),
        default=False,
        help_text=_("Only top-level pages can be in the main menu."),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Untick to hide the page from visitors.")
    )
    legacy_id = models.PositiveIntegerField(
        _("id on the old site"),
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "The number in the old address /en/page/NUMBER-name.html; "
            "old links then lead here. Leave empty for new pages."
        ),
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["path"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"path": self.path})

    def description(self):
        return self.summary or excerpt(self.body)

    def build_path(self):
        return f"{self.parent.path}/{self.slug}" if self.parent_id else self.slug

    def ancestors(self):
        """The pages above this one, from the top: one query."""
        parts = self.path.split("/")[:-1]
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return Page.objects.filter(path__in=prefixes).order_by("path") if prefixes else []

    def clean(self):
        self.fill_slug()
        if self.show_in_navigation and self.parent_id:
            raise ValidationError(
                {"show_in_navigation": _("Only top-level pages can be in the main menu.")}
            )
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A page cannot be placed under itself.")})
            ancestor = ancestor.parent
        path = self.build_path()
        try:
            match = resolve(f"/en/{path}/")
        except Resolver404:  # pragma: no cover - the page route answers any path
            match = None
        if match is None or match.view_name != "pages:detail":
            raise ValidationError(
                {"slug": _("This address is already used by another part of the site.")}
            )

    def save(self, *args, **kwargs):
        self.fill_slug()
        sanitise_rich_text(self)
        old_path = self.path
        self.path = self.build_path()
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            # The pages below follow their parent to its new address.
            for child in self.children.all():
                child.save(update_fields=["path"])
