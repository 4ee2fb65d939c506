"""Models shared by the content apps, and the site's general pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from api.fields import TranslationsField
from search.text import page_stems

from .blocks import BodyBlock


class BasePage(Page):
    """Fields every content page has: a short introduction and a free body."""

    intro = models.TextField(
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("One or two sentences shown under the title and in lists and search results."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("content"))

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        # Stems in the page's language, so "Netzwerke" finds "Netzwerk" (search/text.py).
        index.SearchField("search_stems"),
    ]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    # The headless API (docs/api.md): every page type adds its own fields to these.
    api_fields = [
        APIField("intro", writable=True),
        APIField("body", writable=True),
        APIField("translations", serializer=TranslationsField()),
    ]

    class Meta:
        abstract = True

    def search_stems(self) -> str:
        return page_stems(self)


class IndexPage(BasePage):
    """An index page lists its live children in the order editors gave them."""

    class Meta:
        abstract = True

    def get_children_pages(self) -> models.QuerySet:
        return self.get_children().live().public().specific().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children_pages"] = self.get_children_pages()
        return context


class StandardPage(BasePage):
    """Impressum, Datenschutz and other plain pages."""

    show_in_footer = models.BooleanField(
        default=False,
        verbose_name=_("link in the footer"),
        help_text=_(
            "For the Impressum and the privacy policy, which must be reachable from every page."
        ),
    )

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    api_fields = [*BasePage.api_fields, APIField("show_in_footer", writable=True)]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
