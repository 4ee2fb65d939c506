"""StreamField blocks shared by every page type (import them, never copy them)."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from delivery.lookups import localized_pages

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        label=_("Level"),
        help_text=_("Level 2 for sections, level 3 for sub-sections. The page title is level 1."),
        # Its label ("Level 2") is not the page's text: the search neither finds nor quotes it.
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        description = _("A heading that starts a section of the page.")
        preview_value = {"text": "Ziele", "level": "h2"}


class ListItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Title"),
        help_text=_("Optional, e.g. “Akteursanalyse”."),
    )
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "list-ul"
        label = _("Item")


class ItemListBlock(blocks.StructBlock):
    """A titled list such as goals, target groups, offers or sustainability points."""

    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))
    intro = blocks.TextBlock(required=False, label=_("Introduction"))
    items = blocks.ListBlock(ListItemBlock(), min_num=1, label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("List with title")
        description = _("A titled list, e.g. the goals, target groups or offers of a project.")
        template = "blocks/item_list.html"
        preview_value = {
            "title": "Ziele",
            "items": [
                {"title": "", "text": "Stärkung der Arbeit der MSO."},
                {"title": "", "text": "Bessere Vernetzung im Bezirk Pankow."},
            ],
        }


def first_of(model_path: str):
    """The first object of a model, for a block's preview in the admin (None if none)."""
    from django.apps import apps

    return apps.get_model(model_path).objects.order_by("pk").first()


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=250,
        label=_("Alternative text"),
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("A picture with a text alternative for people who cannot see it.")

    def get_preview_value(self):
        image = first_of("wagtailimages.Image")
        alt = image.default_alt_text if image else ""
        return self.to_python({"image": image.pk if image else None, "alt_text": alt})


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Link text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("External address"))

    class Meta:
        icon = "link"
        label = _("Link / call to action")
        description = _("A prominent link to a page of the site or to another website.")
        template = "blocks/call_to_action.html"
        preview_value = {
            "text": "Setzen Sie sich mit uns in Verbindung!",
            "url": "https://example.org",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The chosen page in the reader's language (the translations copy the German page's
        # choice), from the shared lookups: Wagtail's ``page.localized`` queries the locale.
        page = value.get("page")
        context["target"] = localized_pages([page])[page.pk] if page else None
        return context

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or an external address.")
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value


class ContactCardBlock(blocks.StructBlock):
    person = SnippetChooserBlock("team.TeamMember", required=False, label=_("Person"))
    organisation = blocks.CharBlock(required=False, max_length=200, label=_("Organisation"))
    address = blocks.TextBlock(required=False, label=_("Address"))
    website = blocks.URLBlock(required=False, label=_("Website"))

    class Meta:
        icon = "user"
        label = _("Contact card")
        description = _(
            "Whom readers can contact: a person from the team, or an organisation with address."
        )
        template = "blocks/contact_card.html"

    def get_preview_value(self):
        person = first_of("team.TeamMember")
        return self.to_python({"person": person.pk if person else None})


class DownloadCardBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Title"),
        help_text=_("Defaults to the document's title."),
    )
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        label = _("Download")
        description = _("A document to download, with its file type and size.")
        template = "blocks/download_card.html"

    def get_preview_value(self):
        document = first_of("wagtaildocs.Document")
        return self.to_python({"document": document.pk if document else None})


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Source"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("A quotation with its source.")
        template = "blocks/quote.html"
        preview_value = {"quote": "Migrant:innen stärken Migrant*innen!", "attribution": "migraUp!"}


class TeamListBlock(blocks.StaticBlock):
    """Marks where the team is listed; the list itself (Snippets → Team, in the page's
    language, with the projects each one is the contact of) comes from the contact app's
    ``team_list`` tag, so it is always current."""

    class Meta:
        icon = "group"
        label = _("Team list")
        admin_text = _("Lists the team (Snippets → Team) with their roles, projects and contacts.")
        template = "blocks/team_list.html"
        description = _("The team members, with phone and e-mail.")


class LegalDetailsBlock(blocks.StructBlock):
    """Marks where the operator's details go on the Impressum or the privacy policy; they
    come from Settings → Legal details (the legal app's ``legal_details`` tag), entered once
    for every language."""

    part = blocks.ChoiceBlock(
        choices=[
            ("imprint", _("Impressum: operator, representatives, register, contact, responsible")),
            ("controller", _("Privacy policy: the controller's name, address and contact")),
        ],
        default="imprint",
        label=_("Details"),
    )

    class Meta:
        icon = "key"
        label = _("Legal details")
        template = "blocks/legal_details.html"
        description = _("The operator's details from Settings → Legal details.")
        preview_value = {"part": "imprint"}


class CookieListBlock(blocks.StaticBlock):
    """Marks where the privacy policy lists the cookies; the list comes from the legal
    app's declaration, which the privacy browser test checks against what the site does."""

    class Meta:
        icon = "list-ul"
        label = _("Cookie list")
        admin_text = _("Lists every cookie the site sets, with its purpose and lifetime.")
        template = "blocks/cookie_list.html"
        description = _("The cookies the site sets, for the privacy policy.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="blocks/paragraph.html",
        preview_value="<p>Fachvernetzung für die Migrationsgesellschaft.</p>",
        description=_("Paragraphs of text with headings, lists and links."),
    )
    item_list = ItemListBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    contact = ContactCardBlock()
    team = TeamListBlock()
    legal_details = LegalDetailsBlock()
    cookie_list = CookieListBlock()
    download = DownloadCardBlock()
    quote = QuoteBlock()

    class Meta:
        label = _("Content")
