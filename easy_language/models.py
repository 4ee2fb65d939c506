"""Pages in Einfache Sprache (plain German): a simpler version of the page above them."""

import json

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.blocks import CallToActionBlock, HeadingBlock, ItemListBlock
from core.models import BasePage

from . import readability

# Plain language keeps its formatting plain: bold for a key word, lists, links.
EASY_RICH_TEXT_FEATURES = ["bold", "ol", "ul", "link"]
DEFAULT_SLUG = "einfache-sprache"
# The page types that may have a version in Einfache Sprache below them.
PARENT_PAGE_TYPES = [
    "home.HomePage",
    "projects.ProjectPage",
    "networks.NetworkPage",
    "partners.PartnerPage",
    "core.StandardPage",
]


class EasyLanguageBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=EASY_RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="blocks/paragraph.html",
        preview_value="<p>Das Projekt heißt MigraPower.</p>",
        description=_("Short sentences: one statement in each sentence."),
    )
    item_list = ItemListBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Content")


class ReadabilityPanel(Panel):
    """On the edit form: hints where the text is not plain yet (the readability
    rules), for the saved text, and recomputed by the same rules in the browser while the
    editor types."""

    # The fields whose text is checked, in the order of the form.
    fields = ("intro", "body")

    class BoundPanel(Panel.BoundPanel):
        template_name = "easy_language/admin/readability_panel.html"

        class Media:
            js = ["js/readability.js"]
            css = {"all": ["css/readability-admin.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            result = readability.analyse(page.readability_text() if page else "")
            context.update(
                {
                    "result": result,
                    "summary": readability.summary(result),
                    "hints": readability.hints(result),
                    "rules": readability.rules(),
                    # What the browser's check needs to redo this while the editor types.
                    "config": json.dumps(
                        {
                            "fields": self.panel.fields,
                            "rules": readability.rules(),
                            "messages": readability.message_templates(),
                        }
                    ),
                }
            )
            return context


class EasyLanguagePageForm(WagtailAdminPageForm):
    """A new page starts with the slug readers expect ("…/einfache-sprache/") and a title
    naming the page it simplifies."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if self.instance.pk is None and not self.is_bound:
            if not self.initial.get("slug"):
                self.initial["slug"] = DEFAULT_SLUG
            if parent_page is not None and not self.initial.get("title"):
                # German like the page itself, whatever the admin's language.
                self.initial["title"] = f"Einfache Sprache: {parent_page.title}"


class EasyLanguagePage(BasePage):  # noqa: DJ008 - Page.__str__ gives the title
    """The page above it in Einfache Sprache: German by nature, so it lives in the German
    tree; readers of every language are linked to it (``easy_versions``)."""

    body = StreamField(
        EasyLanguageBlock(),
        blank=True,
        verbose_name=_("content"),
        help_text=_(
            "The text in Einfache Sprache: short sentences with one statement each, "
            "headings, lists. The hints above say where a sentence or a word is long."
        ),
    )

    base_form_class = EasyLanguagePageForm
    parent_page_types = PARENT_PAGE_TYPES
    subpage_types: list[str] = []
    max_count_per_parent = 1
    # The dashboard does not ask for translations of it (the translation status).
    source_language_only = True

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        ReadabilityPanel(heading=_("Readability")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("page in Einfache Sprache")
        verbose_name_plural = _("pages in Einfache Sprache")

    def readability_text(self) -> str:
        """The text readers get, one line per paragraph, heading and list item."""
        lines = [self.intro]
        for block in self.body:
            value = block.value
            if block.block_type == "heading":
                lines.append(value["text"])
            elif block.block_type == "paragraph":
                lines.append(readability.text_of_html(value.source))
            elif block.block_type == "item_list":
                lines += [value["title"], value["intro"]]
                for item in value["items"]:
                    lines += [item["title"], item["text"]]
            elif block.block_type == "call_to_action":
                lines.append(value["text"])
        return "\n".join(line for line in lines if line)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["full_page"] = self.get_parent()
        return context

    def default_meta_description(self) -> str:
        return f"{self.get_parent().title} in Einfacher Sprache"
