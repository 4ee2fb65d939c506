"""The materials library: flyers, handouts (Arbeitshilfen) and reports to download.

A material is a bundle: one file per language (``MaterialFile``), the same for every
language version of the page (wagtail-localize synchronises the child relation).
"""

from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.api_fields import ImageField, PageLinkField
from core.models import BasePage, IndexPage
from core.qr import qr_code_data_uri
from core.seo import canonical_url
from delivery.cache import QueryParameters, kept_in_process, one_of
from delivery.lookups import localized_pages, public
from multilingual.german_only import marked, with_german_only
from multilingual.languages import language_info

from .api_fields import MaterialDocumentField, MaterialFilesField, MaterialLanguagesField
from .pdf_text import document_key, extract_text, page_count

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def with_files(pages: models.QuerySet) -> models.QuerySet:
    """Material pages with their files and documents in one more query."""
    return pages.prefetch_related(
        Prefetch("files", queryset=MaterialFile.objects.select_related("document"))
    )


def projects_with_materials() -> set[tuple[UUID, int]]:
    """(translation key, locale id) of each project that a live, public material belongs to,
    in the material's language: most projects have none, and then their page needs no
    query for its downloads. Kept in the process for the generation."""

    def build() -> set[tuple[UUID, int]]:
        materials = public(MaterialPage.objects.live()).exclude(related_project=None)
        return set(materials.values_list("related_project__translation_key", "locale_id"))

    return kept_in_process(build, "projects-with-materials")


def filter_materials(
    pages: models.QuerySet, kind: str | None = "", language: str | None = ""
) -> models.QuerySet:
    """The live, public ones of these material pages, of this kind and with a file in this
    language if given, files prefetched: for the materials list and the API alike."""
    pages = public(pages.live())
    if kind:
        pages = pages.filter(kind=kind)
    if language:
        pages = pages.filter(files__language=language, files__document__isnull=False).distinct()
    return with_files(pages)


class MaterialIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.MaterialPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("materials library")

    def get_materials(self, kind: str = "", language: str = "") -> models.QuerySet:
        """The live materials, of this kind and with a file in this language if given: the
        page's own, then those only in German (``multilingual.german_only``)."""
        return filter_materials(with_german_only(self, MaterialPage), kind, language)

    def query_parameters(self) -> QueryParameters:
        """The filters get_context reads, and ?original= (the page cache keeps nothing else)."""
        return {
            **super().query_parameters(),
            "kind": one_of(MaterialPage.MaterialType.values),
            "language": one_of(LANGUAGE_CODES),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Unknown kinds and languages are ignored rather than answered with an error.
        kind = request.GET.get("kind", "")
        kind = kind if kind in MaterialPage.MaterialType.values else ""
        language = request.GET.get("language", "")
        language = language if language in LANGUAGE_CODES else ""
        # Each filter offers only the choices that lead to materials together with the other
        # filter as it is set (and the one chosen), so no link the site offers ends in an
        # empty list.
        children = with_german_only(self, MaterialPage)
        kinds = set(
            filter_materials(children, "", language).order_by().values_list("kind", flat=True)
        )
        available = set(
            MaterialFile.objects.filter(
                page__in=filter_materials(children, kind, "").order_by().values("pk"),
                document__isnull=False,
            ).values_list("language", flat=True)
        )
        base = self.get_url(request) or ""
        context.update(
            children_pages=marked(self.get_materials(kind, language), self),
            current_kind=kind,
            current_language=language,
            # Each filter's links keep the other filter.
            kind_links=[
                {"label": label, "url": filter_url(base, value, language), "current": kind == value}
                for value, label in [("", _("All")), *MaterialPage.MaterialType.choices]
                if not value or value in kinds or value == kind
            ],
            language_links=[
                {
                    "label": _("All languages"),
                    "url": filter_url(base, kind, ""),
                    "language": "",
                    "current": not language,
                },
                *(
                    {
                        "label": translation.get_language_info(code)["name_local"],
                        "url": filter_url(base, kind, code),
                        "language": code,
                        "current": language == code,
                    }
                    for code in LANGUAGE_CODES
                    if code in available or code == language
                ),
            ],
        )
        return context


def filter_url(base: str, kind: str, language: str) -> str:
    """The materials list's address with these filters ("?kind=flyer&language=tr"); only
    the filters that are set, so the static archive names one file per combination."""
    query = urlencode(
        [(name, value) for name, value in (("kind", kind), ("language", language)) if value]
    )
    return f"{base}?{query}" if query else base


class MaterialFilesFormSet(BaseChildFormSet):
    """One file per language: a second file in the same language is refused, naming the
    language (before the database's unique constraint would give a generic message)."""

    def clean(self):
        # Files the form does not show (a POST without them) are kept as they are.
        shown = {form.instance.pk for form in self.initial_forms}
        seen = {file.language for file in self.get_queryset() if file.pk not in shown}
        for form in self.forms:
            if form in self.deleted_forms or not form.is_valid():
                continue
            language = form.cleaned_data.get("language")
            if language in seen:
                # As the name reads inside a sentence ("auf Türkisch", "en turco").
                name = language_info(language)["name"]
                form.add_error(
                    "language",
                    _(
                        "There is already a file in %(language)s: a material holds one file "
                        "per language. Replace that file instead, or choose another language."
                    )
                    % {"language": name},
                )
            seen.add(language)
        super().clean()


class MaterialFilesPanel(InlinePanel):
    def get_form_options(self) -> dict:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = MaterialFilesFormSet
        return options


class MaterialPage(BasePage):
    class MaterialType(models.TextChoices):
        FLYER = "flyer", _("Flyer")
        HANDOUT = "handout", _("Handout")
        REPORT = "report", _("Report")

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
        choices=MaterialType.choices,
        default=MaterialType.FLYER,
        help_text=_("The materials list can be filtered by it."),
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

    # The text of all its files, extracted when a file is chosen or replaced (search finds
    # their words); kept on the page, not in the files, so that revisions do not carry it.
    document_text = models.TextField(editable=False, blank=True, default="")
    document_text_key = models.CharField(editable=False, blank=True, default="", max_length=500)

    parent_page_types = ["materials.MaterialIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *BasePage.content_panels[:-1],
        MaterialFilesPanel(
            "files",
            heading=_("Files (one per language)"),
            label=_("File"),
            min_num=1,
            help_text=format_lazy(
                "{} {}",
                _(
                    "The material in each language it exists in: one file per language. "
                    "Every language version of this page offers all of them."
                ),
                # Where an editor chooses the files: what readers see before the translation.
                _(
                    "Until the page is translated, the other languages list it with these "
                    "files, marked “only in German”; once the translation is published, it "
                    "takes the page's place."
                ),
            ),
        ),
        FieldPanel("cover"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
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
        index.FilterField("year"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("files", serializer=MaterialFilesField()),
        APIField("languages", serializer=MaterialLanguagesField()),
        APIField("document", serializer=MaterialDocumentField()),
        APIField("cover", serializer=ImageField()),
        APIField("kind", writable=True),
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
        """Extract the files' text and page counts if a file changed; True if one did.

        The files are the page's in-memory ones (an editor's unsaved form, a translation
        being synchronised): saving the page saves them with their page counts.
        """
        files = [file for file in self.files.all() if file.document_id]
        for file in files:
            if file.refresh_page_count() and file.pk:
                # A file loaded from the database is not saved with the page.
                MaterialFile.objects.filter(pk=file.pk).update(
                    page_count=file.page_count, page_count_key=file.page_count_key
                )
        key = " ".join(document_key(file.document) for file in files)
        if key == self.document_text_key:
            return False
        texts = (extract_text(file.document) for file in files)
        self.document_text = " ".join(text for text in texts if text)
        self.document_text_key = key
        return True

    @cached_property
    def bundle(self) -> list["MaterialFile"]:
        """The files in the editors' order, with their documents (prefetched by listings)."""
        prefetched = "files" in getattr(self, "_prefetched_objects_cache", {})
        files = self.files.all() if prefetched else self.files.select_related("document")
        return [file for file in files if file.document_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The canonical address (as in <link rel="canonical">), as a QR code to print.
        if url := canonical_url(self, request):
            context["qr_url"] = url
            context["qr_code"] = qr_code_data_uri(url)
        return context

    @property
    def languages(self) -> list[str]:
        """The language codes the material exists in, in the editors' order."""
        return [file.language for file in self.bundle]

    def files_for_reader(self) -> list["MaterialFile"]:
        """The files with the reader's language first (then the editors' order)."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        return sorted(self.bundle, key=lambda file: file.language != language)

    def file_for(self, language: str) -> "MaterialFile | None":
        """The file in this language, else the German one, else the first one."""
        by_language = {file.language: file for file in self.bundle}
        return (
            by_language.get(language)
            or by_language.get(settings.LANGUAGE_CODE)
            or next(iter(self.bundle), None)
        )

    @property
    def file(self) -> "MaterialFile | None":
        """The file a single link (the cover) leads to: ``file_for`` the reader's language."""
        return self.file_for(translation.get_language() or settings.LANGUAGE_CODE)

    @property
    def document(self):
        """The document of ``file`` (the cover links to it)."""
        file = self.file
        return file.document if file else None

    @cached_property
    def localized_project(self) -> Page | None:
        """``related_project.localized`` in one query instead of two."""
        project = self.related_project
        return localized_pages([project])[project.pk] if project else None


class MaterialFile(Orderable):
    """The material in one language: its document and the document's page count."""

    page = ParentalKey(MaterialPage, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language this file is written in; one file per language."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("file"),
        help_text=_(
            "The file readers download (PDF, Word, Excel, PowerPoint or OpenDocument); "
            "its text is found by the search."
        ),
    )
    # Read from the PDF when the file is chosen or replaced; None for other file types.
    page_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    page_count_key = models.CharField(editable=False, blank=True, default="", max_length=80)

    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        # Files saved without an order (by code, not the editor's form) share one
        # sort_order; the id keeps their order the same on every database.
        ordering = ["sort_order", "pk"]
        verbose_name = _("material file")
        verbose_name_plural = _("material files")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="materials_one_file_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.document}"

    def refresh_page_count(self) -> bool:
        """Count the PDF's pages if the document changed; True if it did."""
        key = document_key(self.document)
        if key == self.page_count_key:
            return False
        self.page_count = page_count(self.document)
        self.page_count_key = key
        return True

    @property
    def file_extension(self) -> str:
        return self.document.file_extension.upper()

    @property
    def language_info(self) -> dict:
        """Django's language info: ``name_local`` ("Türkçe"), ``bidi`` …"""
        return translation.get_language_info(self.language)
