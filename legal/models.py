"""The operator's details for the Impressum and the privacy policy (Settings → Legal
details), filled in once per site.

The sources of the demo content do not say who operates the site, so nothing is inferred:
until these fields are filled, the legal pages say that the details will follow, the
dashboard and ``check --deploy --database default`` warn. Every field is a name, an address
or a number, which stays the same in every language; the labels around them are the site's
translated UI strings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from core.phones import tel_href


@register_setting(icon="key")
class LegalDetails(BaseSiteSetting):
    operator = models.CharField(
        _("operator"),
        max_length=200,
        blank=True,
        help_text=_("Who runs this website: the association's or organisation's full name."),
    )
    address = models.TextField(
        _("address"), blank=True, help_text=_("Street and number, postcode and town.")
    )
    represented_by = models.CharField(
        _("represented by"),
        max_length=300,
        blank=True,
        help_text=_("The people entitled to represent the operator, e.g. the board."),
    )
    register_entry = models.CharField(
        _("register entry"),
        max_length=200,
        blank=True,
        help_text=_("Register court and number, e.g. of the register of associations."),
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    content_responsible = models.TextField(
        _("responsible for the content"),
        blank=True,
        help_text=_("Name and address of the person responsible for the content."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("operator"),
                FieldPanel("address"),
                FieldPanel("represented_by"),
                FieldPanel("register_entry"),
            ],
            heading=_("Operator"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        FieldPanel("content_responsible"),
    ]

    class Meta:
        verbose_name = _("legal details")
        verbose_name_plural = _("legal details")

    def missing(self) -> list[str]:
        """The labels of the details the Impressum needs and that are still empty."""
        required = ["operator", "address", "represented_by", "content_responsible"]
        missing = [
            str(self._meta.get_field(name).verbose_name)
            for name in required
            if not getattr(self, name).strip()
        ]
        if not (self.phone.strip() or self.email.strip()):
            missing.append(str(_("phone or e-mail")))
        return missing

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)

    @property
    def complete(self) -> bool:
        return not self.missing()


def legal_details(site: Site | None) -> LegalDetails:
    """The site's legal details, empty if none were saved. Unlike ``for_site`` it never
    writes: readers' pages must not create rows (and so purge the page cache)."""
    found = LegalDetails.objects.filter(site=site).first() if site is not None else None
    return found or LegalDetails(site=site)
