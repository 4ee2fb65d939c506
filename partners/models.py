"""Partner organisations: lead organisations, partners and funders of the projects."""

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from core.api_fields import ImageField
from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, IndexPage
from core.seo import organization_json_ld
from delivery.lookups import private_pages
from partners.api_fields import ProjectRolesField


class PartnerIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner index")


class PartnerPage(BasePage):
    # Beside the German original, as the page shows them (multilingual.beside).
    shown_beside = ("short_name", "intro", "profile", "body", "address")

    short_name = models.CharField(
        _("short name"), max_length=80, blank=True, help_text=_("e.g. “VIA” or “MeM e.V.”.")
    )
    profile = RichTextField(
        _("profile"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the organisation does, in a few paragraphs."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("The organisation's logo, shown on its page and in link previews."),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The organisation's own website, with http:// or https://."),
    )
    address = models.TextField(
        _("address"),
        blank=True,
        help_text=_("Postal address, one line per line, e.g. street, then postcode and city."),
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded in"),
        null=True,
        blank=True,
        help_text=_("The year the organisation was founded."),
    )
    member_count = models.PositiveIntegerField(
        _("member organisations"),
        null=True,
        blank=True,
        help_text=_("For umbrella organisations: how many member organisations it has."),
    )
    mso_member_count = models.PositiveIntegerField(
        _("of which migrant organisations"),
        null=True,
        blank=True,
        help_text=_("How many of the member organisations are migrant organisations."),
    )

    parent_page_types = ["partners.PartnerIndexPage"]
    # Only its version in Einfache Sprache.
    subpage_types = ["easy_language.EasyLanguagePage"]

    content_panels = [
        *BasePage.content_panels[:-1],
        FieldPanel("short_name"),
        FieldPanel("profile"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("address"),
                FieldPanel("founded_year"),
                FieldPanel("member_count"),
                FieldPanel("mso_member_count"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_name", boost=3),
        index.SearchField("profile"),
        index.SearchField("address"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("short_name", writable=True),
        APIField("profile", writable=True),
        APIField("logo", serializer=ImageField()),
        APIField("website", writable=True),
        APIField("address", writable=True),
        APIField("founded_year", writable=True),
        APIField("member_count", writable=True),
        APIField("mso_member_count", writable=True),
        APIField("projects", serializer=ProjectRolesField()),
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def default_share_image(self):
        return self.logo

    def get_json_ld(self, request: HttpRequest) -> list[dict]:
        return [organization_json_ld(self, request)]

    def get_project_roles(self) -> models.QuerySet:
        """The live, public projects this organisation takes part in, with its role (derived)."""
        from projects.models import ProjectPartner

        return (
            # Translated projects may still point at the source-language partner page (page
            # links are synchronised, not translated), so match on the translation key.
            ProjectPartner.objects.filter(
                partner__translation_key=self.translation_key,
                project__locale_id=self.locale_id,
                project__live=True,
            )
            # A protected project is not listed on the public partner page.
            .exclude(private_pages("project__"))
            .select_related("project")
            .order_by("project__path", "role")
        )
