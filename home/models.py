"""The home page: the 2025 farewell first, then what migraUp! Pankow was and did."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage
from delivery import directory
from delivery.cache import cached
from delivery.lookups import is_public, public

# What readers come for, in the order the home page offers it: the section's page type,
# its pictogram (core/icons.py) and what the reader finds there.
TASKS = [
    ("projects.ProjectIndexPage", "projects", _("What the projects offered, and for whom")),
    ("contact.ContactPage", "contact", _("Address, phone and the people to contact")),
    ("materials.MaterialIndexPage", "materials", _("Flyers and documents to download")),
    ("networks.NetworkIndexPage", "networks", _("The networks migraUp! Pankow founded")),
    ("archive.ArchiveIndexPage", "archive", _("Ten years, 2015–2025, year by year")),
]


class HomePage(BasePage):
    tagline = models.CharField(
        _("tagline"),
        max_length=250,
        blank=True,
        help_text=_("Shown under the title, e.g. “Empowerment für Migrant:Innen Organisationen”."),
    )
    slogan = models.CharField(
        _("slogan"),
        max_length=250,
        blank=True,
        help_text=_(
            "A short slogan shown with the farewell, e.g. “Migrant:innen stärken Migrant*innen!”."
        ),
    )
    farewell_title = models.CharField(
        _("farewell title"),
        max_length=250,
        blank=True,
        help_text=_("Heading of the farewell message, shown first on the home page."),
    )
    farewell_text = RichTextField(
        _("farewell text"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The farewell message after ten years of migraUp!."),
    )
    farewell_closing = models.CharField(
        _("farewell closing line"),
        max_length=250,
        blank=True,
        help_text=_("The closing line of the farewell, shown in bold."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "projects.ProjectIndexPage",
        "networks.NetworkIndexPage",
        "partners.PartnerIndexPage",
        "materials.MaterialIndexPage",
        "archive.ArchiveIndexPage",
        "contact.ContactPage",
        "core.StandardPage",
        "easy_language.EasyLanguagePage",
    ]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        FieldPanel("slogan"),
        MultiFieldPanel(
            [
                FieldPanel("farewell_title"),
                FieldPanel("farewell_text"),
                FieldPanel("farewell_closing"),
            ],
            heading=_("Farewell (shown first on the home page)"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("tagline"),
        index.SearchField("farewell_title", boost=2),
        index.SearchField("farewell_text"),
    ]

    api_fields = [
        APIField("tagline", writable=True),
        APIField("slogan", writable=True),
        APIField("farewell_title", writable=True),
        APIField("farewell_text", writable=True),
        APIField("farewell_closing", writable=True),
        *BasePage.api_fields,
    ]

    class Meta:
        verbose_name = _("home page")

    def default_meta_description(self) -> str:
        return " – ".join(text for text in (self.tagline, self.farewell_title) if text)

    def tasks(self) -> list[dict]:
        """The entry points of the home page: the sections above, where they are live and
        public in this language (from the site's directory)."""
        by_type = {}
        for row in directory.directory().live_children(self.path):
            if is_public(row):
                model = ContentType.objects.get_for_id(row.content_type_id)
                by_type.setdefault(model.natural_key(), directory.page(row))
        tasks = []
        for model, icon, description in TASKS:
            page = by_type.get(tuple(model.lower().split(".")))
            if page is not None:
                tasks.append({"page": page, "icon": icon, "description": description})
        return tasks

    def get_json_ld(self, request: HttpRequest) -> list[dict]:
        # The site and its search, so search engines can offer a search box for it.
        search_url = request.build_absolute_uri(reverse("search"))
        return [
            {
                "@type": "WebSite",
                "name": "migraUp! Pankow",
                "url": request.build_absolute_uri(self.get_url(request)),
                "inLanguage": self.locale.language_code,
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{q}}"},
                    "query-input": "required name=q",
                },
            }
        ]

    def get_context(self, request, *args, **kwargs):
        from networks.models import NetworkPage
        from projects.models import ProjectPage

        context = super().get_context(request, *args, **kwargs)
        context["tasks"] = self.tasks()

        def lists() -> dict[str, list[Page]]:
            return {
                name: list(public(model.objects.descendant_of(self).live()).order_by("path"))
                for name, model in (("projects", ProjectPage), ("networks", NetworkPage))
            }

        # Per language, in the page cache's generation (the shared cache hands each request
        # its own copies of the pages).
        context.update(cached(lists, "home-lists", self.pk) if self.pk else lists())
        return context
