"""The materials library: flyers, handouts (Arbeitshilfen) and reports to download."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from api.fields import DocumentField, ImageField, PageLinkField
from core.lookups import localized_pages, public
from core.models import BasePage, IndexPage

from .text import document_key, extract_text


class MaterialIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.MaterialPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("materials library")

    def get_materials(self, kind: str = "") -> models.QuerySet:
        pages = public(MaterialPage.objects.child_of(self).live()).select_related("document")
        return (pages.filter(kind=kind) if kind else pages).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        # Unknown kinds are ignored rather than answered with an error.
        kind = kind if kind in MaterialPage.Kind.values else ""
        context.update(
            children_pages=self.get_materials(kind),
            kinds=MaterialPage.Kind.choices,
            current_kind=kind,
        )
        return context


class MaterialPage(BasePage):
    class Kind(models.TextChoices):
        FLYER = "flyer", _("Flyer")
        HANDOUT = "handout", _("Handout")
        REPORT = "report", _("Report")

    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("file"),
        help_text=_(
            "The file readers download (PDF, Word, Excel, PowerPoint or OpenDocument); "
            "its text is found by the search."
        ),
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
        help_text=_(
            "A picture of the first page, shown on the material's page and in link previews."
        ),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.FLYER,
        help_text=_("The materials list can be filtered by it."),
    )
    material_language = models.CharField(
        _("language of the material"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="de",
        help_text=_("The language the file itself is written in."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("The year the material was published.")
    )
    related_project = models.ForeignKey(
        "projects.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("project"),
        help_text=_(
            "The project the material belongs to; it is listed among that project's downloads."
        ),
    )

    # The file's text, extracted when the file is chosen or replaced (search finds its words).
    document_text = models.TextField(editable=False, blank=True, default="")
    document_text_key = models.CharField(editable=False, blank=True, default="", max_length=80)

    parent_page_types = ["materials.MaterialIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *BasePage.content_panels[:-1],
        FieldPanel("document"),
        FieldPanel("cover"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("material_language"),
                FieldPanel("year"),
                FieldPanel("related_project"),
            ],
            heading=_("About the material"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("document_text"),
        index.FilterField("kind"),
        index.FilterField("material_language"),
        index.FilterField("year"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("document", serializer=DocumentField()),
        APIField("cover", serializer=ImageField()),
        APIField("kind", writable=True),
        APIField("material_language", writable=True),
        APIField("year", writable=True),
        APIField("related_project", serializer=PageLinkField()),
    ]

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def default_share_image(self):
        return self.cover

    def save(self, *args, **kwargs):
        self.refresh_document_text()
        return super().save(*args, **kwargs)

    def serializable_data(self) -> dict:
        # Revisions would each carry the file's whole text; a page restored from a revision
        # has neither field and extracts the text again when it is saved.
        data = super().serializable_data()
        data.pop("document_text", None)
        data.pop("document_text_key", None)
        return data

    def refresh_document_text(self) -> bool:
        """Extract the file's text if the file changed; True if it did."""
        key = document_key(self.document)
        if key == self.document_text_key:
            return False
        self.document_text = extract_text(self.document) if self.document else ""
        self.document_text_key = key
        return True

    @cached_property
    def localized_project(self) -> Page | None:
        """``related_project.localized`` in one query instead of two."""
        project = self.related_project
        return localized_pages([project])[project.pk] if project else None

    @property
    def file_extension(self) -> str:
        return self.document.file_extension.upper() if self.document else ""
