"""Models shared by the content apps, and the site's general pages."""

from django.db import models
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.api_fields import TranslationsField
from core.pdf import PdfMixin
from delivery.lookups import public, restricted_sections
from multilingual.beside import OriginalBesideMixin
from multilingual.german_only import marked, with_german_only
from multilingual.stemming import page_stems

from .blocks import BodyBlock


class SharingMixin(models.Model):
    """What search engines and link previews (messengers, social networks) show of a page.

    The description and the image are editable on the Promote tab; when an editor leaves
    them empty, each page type falls back to something of its own (the SEO module renders it).
    """

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image for link previews"),
        help_text=_(
            "Shown when the page is shared in messengers and social networks; 1200 × 630 "
            "pixels suit them best. Empty: the page's own picture (a cover or a logo), "
            "else the migraUp! Pankow card."
        ),
    )

    sharing_panels = [FieldPanel("share_image")]

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        """The Promote tab's description, else the introduction, else the type's default."""
        for text in (self.search_description, getattr(self, "intro", "")):
            plain = " ".join(strip_tags(str(text or "")).split())
            if plain:
                return Truncator(plain).chars(160)
        return self.default_meta_description()

    def default_meta_description(self) -> str:
        return ""

    def get_share_image(self):
        return self.share_image or self.default_share_image()

    def default_share_image(self):
        return None

    def get_json_ld(self, request: HttpRequest) -> list[dict]:
        """schema.org objects describing the page itself (breadcrumbs are added for all)."""
        return []


class BasePage(PdfMixin, OriginalBesideMixin, SharingMixin, Page):
    """Fields every content page has: a short introduction and a free body."""

    intro = models.TextField(
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("One or two sentences shown under the title and in lists and search results."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("content"),
        help_text=_(
            "The page's text, built from blocks: headings, text, lists, images, links, "
            "contact cards, downloads and quotes."
        ),
    )

    # Lists of pages (components/page_cards.html) ask each for these. ``only_in`` is set by
    # multilingual.german_only on a page listed outside its language; declared here, so a
    # template finds None rather than a missing attribute, which Django answers slowly.
    only_in = None

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        # Stems in the page's language, so "Netzwerke" finds "Netzwerk" (stemming).
        index.SearchField("search_stems"),
    ]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, *SharingMixin.sharing_panels]
    # The headless API (see its documentation): every page type adds its own fields to these.
    api_fields = [
        APIField("intro", writable=True),
        APIField("body", writable=True),
        APIField("translations", serializer=TranslationsField()),
    ]

    class Meta:
        abstract = True

    @property
    def card_subtitle(self) -> str:
        """The line under the page's title in lists of pages."""
        return ""

    def search_stems(self) -> str:
        return page_stems(self)

    def get_view_restrictions(self) -> models.QuerySet:
        # Wagtail queries the page's ancestors and their restrictions on every view; with
        # no restriction anywhere (cached with the shared lookups) there is nothing to check.
        if not restricted_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class IndexPage(BasePage):
    """An index page lists its live children in the order editors gave them; in another
    language than German, also its German original's children not translated yet, marked
    "only in German" (multilingual.german_only)."""

    class Meta:
        abstract = True

    def get_children_pages(self) -> list[Page]:
        listed = self.allowed_subpage_models()
        if len(listed) != 1:  # an index of several page types: its own children only
            return list(public(self.get_children().live()).specific().order_by("path"))
        return marked(with_german_only(self, listed[0]), self)

    @cached_property
    def children_pages(self) -> list[Page]:
        """The listing, evaluated once per request by whichever asks first (the page's
        description in the head or the cards in the body)."""
        return self.get_children_pages()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children_pages"] = self.children_pages
        return context

    def default_meta_description(self) -> str:
        # "Projekte: MigraPower, Kommune Interkulturell, Willkommen in Berlin"
        titles = [child.title for child in self.children_pages]
        return Truncator(f"{self.title}: {', '.join(titles)}").chars(160) if titles else ""


class StandardPage(BasePage):  # noqa: DJ008 - Page.__str__ gives the title
    """Impressum, Datenschutz and other plain pages."""

    class RequiredPage(models.TextChoices):
        """Pages German law requires on every site, linked from every page's footer and
        checked in every language (``missing_required_pages``)."""

        IMPRESSUM = "impressum", _("Impressum (legal notice)")
        PRIVACY = "privacy", _("Privacy policy (Datenschutzerklärung)")

    required_page = models.CharField(
        _("required page"),
        max_length=20,
        choices=RequiredPage.choices,
        blank=True,
        default="",
        help_text=_(
            "Marks the Impressum and the privacy policy: they are always linked from the "
            "footer, and the dashboard warns when one is missing in a language."
        ),
    )
    show_in_footer = models.BooleanField(
        default=False,
        verbose_name=_("link in the footer"),
        help_text=_(
            "For the Impressum and the privacy policy, which must be reachable from every page."
        ),
    )

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage", "easy_language.EasyLanguagePage"]
    promote_panels = [
        *BasePage.promote_panels,
        FieldPanel("required_page"),
        FieldPanel("show_in_footer"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("required_page"),
        APIField("show_in_footer", writable=True),
    ]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
