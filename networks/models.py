"""The thematic networks migraUp! Pankow founded, coordinated or cared for."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index

from core.models import BasePage, IndexPage


class NetworkIndexPage(IndexPage):
    """The “Fachvernetzung” page: the networking work and the list of networks."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["networks.NetworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network index")


class NetworkPage(BasePage):
    # Beside the German original, as the page shows them (multilingual.beside).
    shown_beside = ("full_name", "intro", "body", "topic")

    class Scope(models.TextChoices):
        DISTRICT = "district", _("Pankow district")
        BERLIN = "berlin", _("Berlin-wide")

    full_name = models.CharField(
        _("full name"),
        max_length=200,
        blank=True,
        help_text=_("What the name stands for, e.g. “Bildung-Eltern-Familie-Nachbarschaft”."),
    )
    topic = models.CharField(
        _("key topic"), max_length=200, blank=True, help_text=_("e.g. “Mehrsprachigkeit”.")
    )
    scope = models.CharField(
        _("scope"),
        max_length=20,
        choices=Scope.choices,
        blank=True,
        default="",
        help_text=_(
            "Whether the network works in the Pankow district or across Berlin; empty when "
            "the sources do not say."
        ),
    )

    parent_page_types = ["networks.NetworkIndexPage"]
    # Only its version in Einfache Sprache.
    subpage_types = ["easy_language.EasyLanguagePage"]

    content_panels = [
        *BasePage.content_panels[:-1],
        FieldPanel("full_name"),
        FieldPanel("topic"),
        FieldPanel("scope"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("full_name", boost=2),
        index.SearchField("topic", boost=2),
        index.FilterField("scope"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("full_name", writable=True),
        APIField("topic", writable=True),
        APIField("scope", writable=True),
    ]

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    @property
    def card_subtitle(self) -> str:
        return self.full_name
