"""The 2015–2025 archive: what the project did, year by year."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from core.api_fields import PageLinkField
from core.models import BasePage, IndexPage
from delivery.cache import QueryParameters, one_of
from delivery.lookups import localized_pages
from multilingual.german_only import marked, with_german_only


class ArchiveIndexPage(IndexPage):
    first_year = models.PositiveSmallIntegerField(
        _("first year"), default=2015, help_text=_("The first year the archive lists.")
    )
    last_year = models.PositiveSmallIntegerField(
        _("last year"), default=2025, help_text=_("The last year the archive lists.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["archive.ArchiveEntryPage"]
    max_count_per_parent = 1
    content_panels = [
        *IndexPage.content_panels,
        FieldRowPanel([FieldPanel("first_year"), FieldPanel("last_year")], heading=_("Years")),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("first_year", writable=True),
        APIField("last_year", writable=True),
    ]

    class Meta:
        verbose_name = _("archive")

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    def get_entries(self) -> models.QuerySet:
        """The live entries, with those only in German (``multilingual.german_only``) among
        them by year and date."""
        return (
            with_german_only(self, ArchiveEntryPage)
            .select_related("related_project")
            .order_by("year", "date", "german_only", "path")
        )

    def query_parameters(self) -> QueryParameters:
        """The filter selected_year reads, and ?original= (the page cache keeps nothing else)."""
        return {**super().query_parameters(), "year": one_of(self.years)}

    def selected_year(self, request) -> int | None:
        """The ?year= filter; anything that is not a year of the archive means “all years”."""
        try:
            year = int(request.GET.get("year", ""))
        except ValueError:
            return None
        return year if self.first_year <= year <= self.last_year else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Those only in German count for their year too: a year is never said to have no
        # entries while it has a German one.
        entries = marked(self.get_entries(), self)
        # The entries' projects in the reader's language, in one query for all of them.
        projects = localized_pages(entry.related_project for entry in entries)
        for entry in entries:
            entry.localized_project = projects.get(entry.related_project_id)
        year = self.selected_year(request)
        counts = dict.fromkeys(self.years, 0)
        for entry in entries:
            counts[entry.year] = counts.get(entry.year, 0) + 1
        # Only years with entries are offered and listed: a reader following the site's
        # own links never lands on an empty year (a year typed into the address still
        # says it has none).
        with_entries = [y for y in self.years if counts[y]]
        shown_years = [year] if year else with_entries
        context.update(
            selected_year=year,
            year_counts=[(y, counts[y]) for y in with_entries],
            years=[(y, [e for e in entries if e.year == y]) for y in shown_years],
        )
        return context


class ArchiveEntryPage(BasePage):
    # An entry describes the state of its year: it says so, and nobody is asked to confirm
    # it as current (upkeep).
    describes_its_year = True

    class EntryType(models.TextChoices):
        MILESTONE = "milestone", _("Milestone")
        PROJECT = "project", _("Project")
        NETWORK = "network", _("Network")
        EVENT = "event", _("Event")
        PUBLICATION = "publication", _("Publication")

    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The year the entry is listed under in the archive."),
    )
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Only when the exact day is known.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=EntryType.choices,
        default=EntryType.MILESTONE,
        help_text=_("What the entry records; shown as its label in the archive."),
    )
    related_project = models.ForeignKey(
        "projects.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("project"),
        help_text=_("The project the entry belongs to, if any; the entry links to it."),
    )

    parent_page_types = ["archive.ArchiveIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels[:-1],
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("date")]),
                FieldPanel("kind"),
                FieldPanel("related_project"),
            ],
            heading=_("Classification"),
            help_text=_(
                "Until the entry is translated, the archive in the other languages lists it "
                "under this year, marked “only in German”; once the translation is "
                "published, it takes the entry's place."
            ),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.FilterField("year"),
        index.FilterField("kind"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("year", writable=True),
        APIField("date", writable=True),
        APIField("kind", writable=True),
        APIField("related_project", serializer=PageLinkField()),
    ]

    class Meta:
        verbose_name = _("archive entry")
        verbose_name_plural = _("archive entries")

    @cached_property
    def localized_project(self) -> Page | None:
        """``related_project.localized`` in one query instead of two."""
        project = self.related_project
        return localized_pages([project])[project.pk] if project else None

    def clean(self) -> None:
        super().clean()
        if self.date and self.date.year != self.year:
            raise ValidationError({"date": _("The date must lie in the entry's year.")})
