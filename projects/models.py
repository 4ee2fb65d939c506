"""The projects of migraUp! Pankow and its partners."""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.api_fields import ItemListsField, TextField
from core.blocks import ItemListBlock
from core.models import BasePage, IndexPage
from delivery import directory
from delivery.cache import kept_in_process
from delivery.lookups import public
from projects.api_fields import DownloadsField, OrganisationsField
from team.api_fields import TeamMemberField

if TYPE_CHECKING:
    from materials.models import MaterialPage


class ProjectIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project index")


class ProjectPage(BasePage):
    # Beside the German original, as the page shows them (multilingual.beside).
    shown_beside = (
        "subtitle", "intro", "body", "goals", "target_groups", "offers", "sustainability",
        "contact_organisation", "contact_address",
    )  # fmt: skip

    subtitle = models.CharField(
        _("subtitle"),
        max_length=250,
        blank=True,
        help_text=_("e.g. “Fachberatung für Migrant*innenorganisationen”."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("from (year)"), null=True, blank=True, help_text=_("The year the project started.")
    )
    end_year = models.PositiveSmallIntegerField(
        _("until (year)"),
        null=True,
        blank=True,
        help_text=_("The project's last year; empty while it runs."),
    )
    goals = StreamField(
        [("list", ItemListBlock())],
        blank=True,
        verbose_name=_("goals"),
        help_text=_("The project's goals, as one or more lists with a title."),
    )
    target_groups = StreamField(
        [("list", ItemListBlock())],
        blank=True,
        verbose_name=_("target groups"),
        help_text=_("Whom the project is for, as lists with a title."),
    )
    offers = StreamField(
        [("list", ItemListBlock())],
        blank=True,
        verbose_name=_("offers"),
        help_text=_("What the project offers, as lists with a title."),
    )
    sustainability = StreamField(
        [("list", ItemListBlock())],
        blank=True,
        verbose_name=_("sustainability"),
        help_text=_("What remains after the project, as lists with a title."),
    )
    contact_person = models.ForeignKey(
        "team.TeamMember",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact person"),
        help_text=_("The team member readers can contact about the project (Snippets → Team)."),
    )
    contact_organisation = models.CharField(
        _("contact organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation readers contact about the project."),
    )
    contact_address = models.TextField(
        _("contact address"),
        blank=True,
        help_text=_("Postal address of the contact, one line per line."),
    )
    contact_website = models.URLField(
        _("project website"), blank=True, help_text=_("The project's own website, if it has one.")
    )

    parent_page_types = ["projects.ProjectIndexPage"]
    # Only its version in Einfache Sprache.
    subpage_types = ["easy_language.EasyLanguagePage"]

    content_panels = [
        *BasePage.content_panels[:-1],
        FieldPanel("subtitle"),
        MultiFieldPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading=_("Period")),
        InlinePanel(
            "organisations",
            heading=_("Organisations"),
            label=_("Organisation"),
            help_text=_("Lead organisation, partners and funders, linked to their partner pages."),
        ),
        FieldPanel("goals"),
        FieldPanel("target_groups"),
        FieldPanel("offers"),
        FieldPanel("sustainability"),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldPanel("contact_organisation"),
                FieldPanel("contact_address"),
                FieldPanel("contact_website"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle", boost=2),
        index.SearchField("goals"),
        index.SearchField("target_groups"),
        index.SearchField("offers"),
        index.SearchField("sustainability"),
        index.SearchField("contact_organisation"),
        index.SearchField("contact_address"),
        # Readers look for a person: the project's contact is found by name and role.
        index.RelatedFields(
            "contact_person", [index.SearchField("name"), index.SearchField("role")]
        ),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("subtitle", writable=True),
        APIField("start_year", writable=True),
        APIField("end_year", writable=True),
        APIField("period", serializer=TextField()),
        APIField("organisations", serializer=OrganisationsField()),
        APIField("goals", serializer=ItemListsField()),
        APIField("target_groups", serializer=ItemListsField()),
        APIField("offers", serializer=ItemListsField()),
        APIField("sustainability", serializer=ItemListsField()),
        APIField("contact_person", serializer=TeamMemberField()),
        APIField("contact_organisation", writable=True),
        APIField("contact_address", writable=True),
        APIField("contact_website", writable=True),
        APIField("downloads", serializer=DownloadsField()),
    ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    @property
    def card_subtitle(self) -> str:
        return self.subtitle

    @property
    def period(self) -> str:
        if self.start_year and self.end_year and self.start_year != self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or self.end_year or "")

    @cached_property
    def localized_organisations(self) -> list["ProjectPartner"]:
        """The organisations, each with its partner page in this page's language where it
        exists (in any state), else the partner's own page.

        ``organisation.partner`` is a plain page here (a title, a URL, a locale) from the
        site's directory: the partners' own type would load each partner's whole content and
        cost more than the rest of the page."""
        found = directory.directory()
        organisations = self.organisations.all()
        if not isinstance(organisations, FakeQuerySet):  # as saved (not a preview's)
            organisations = [
                ProjectPartner(
                    id=pk, project_id=self.pk, partner_id=partner, role=role, sort_order=order
                )
                for pk, partner, role, order in project_organisations().get(self.pk, [])
            ]
        for organisation in organisations:
            row = found.rows.get(organisation.partner_id)
            if row is None:  # a partner page saved after this generation's directory was read
                shown = directory.page_by_id(organisation.partner_id)
            else:
                translated = found.translation_in(row.translation_key, self.locale_id)
                shown = directory.page(translated or row)
            # The foreign key's cache, as select_related fills it: assigning would insist on
            # a PartnerPage.
            ProjectPartner.partner.field.set_cached_value(organisation, shown)
        return organisations

    def organisations_by_role(self, role: str) -> list["ProjectPartner"]:
        return [org for org in self.localized_organisations if org.role == role]

    @property
    def lead_organisations(self) -> list["ProjectPartner"]:
        return self.organisations_by_role(ProjectPartner.Role.LEAD)

    @property
    def partner_organisations(self) -> list["ProjectPartner"]:
        return self.organisations_by_role(ProjectPartner.Role.PARTNER)

    @property
    def funders(self) -> list["ProjectPartner"]:
        return self.organisations_by_role(ProjectPartner.Role.FUNDER)

    def get_downloads(self) -> list["MaterialPage"]:
        """Materials of the library that belong to this project (derived, not typed twice),
        with their files; no query for a project without any."""
        from materials.models import MaterialPage, projects_with_materials, with_files

        if (self.translation_key, self.locale_id) not in projects_with_materials():
            return []
        return list(
            with_files(
                public(MaterialPage.objects.live())
                .filter(
                    related_project__translation_key=self.translation_key,
                    locale_id=self.locale_id,
                )
                .order_by("path")
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["downloads"] = self.get_downloads()
        return context


def project_organisations() -> dict[int, list[tuple]]:
    """project id → (id, partner id, role, sort order) of its organisations in their order,
    kept in the process for the generation: a project's page needs no query for them."""

    def build() -> dict[int, list[tuple]]:
        rows: dict[int, list[tuple]] = {}
        fields = ("project_id", "pk", "partner_id", "role", "sort_order")
        for project, *row in ProjectPartner.objects.order_by(
            "project_id", "sort_order", "pk"
        ).values_list(*fields):
            rows.setdefault(project, []).append(tuple(row))
        return rows

    return kept_in_process(build, "project-organisations")


class ProjectPartner(Orderable):
    """An organisation's role in a project; partner pages derive their projects from it."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead organisation")
        PARTNER = "partner", _("Partner")
        FUNDER = "funder", _("Funder")

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="organisations")
    partner = models.ForeignKey(
        "partners.PartnerPage",
        on_delete=models.CASCADE,
        related_name="project_roles",
        verbose_name=_("organisation"),
        help_text=_("The organisation's partner page."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        default=Role.PARTNER,
        help_text=_("Lead organisation, partner or funder of the project."),
    )

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("project organisation")
        verbose_name_plural = _("project organisations")

    def __str__(self) -> str:
        return f"{self.partner} – {self.get_role_display()}"
