"""How the API shows what every page type may have: documents, images, links to other
pages, translations, lists of items and computed texts.

Wagtail's API v3 types an ``APIField(serializer=…)`` from the return annotation of the
serializer's ``to_representation``, so each field here returns a TypedDict: the OpenAPI
schema then names every key. Fields that need the whole page use ``source="*"``.
URLs are absolute, built on WAGTAILAPI_BASE_URL, because other systems use them as they are.
The fields of one page type live in its own app, next to its models.
"""

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail.api.utils import get_full_url
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, SourceImageIOError
from wagtail.models import Page

# Rendition widths offered for every image: phones, tablets, wide screens.
IMAGE_WIDTHS = (320, 640, 1280)


class DocumentDict(TypedDict):
    id: int
    title: str
    filename: str
    download_url: str
    file_type: str
    media_type: str
    size: int | None


class RenditionDict(TypedDict):
    url: str
    width: int
    height: int
    format: str


class ImageDict(TypedDict):
    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: list[RenditionDict]


class PageLinkDict(TypedDict):
    id: int
    type: str
    locale: str
    title: str
    html_url: str | None
    detail_url: str


class ListItemDict(TypedDict):
    title: str
    text: str


class ItemListDict(TypedDict):
    title: str
    intro: str
    items: list[ListItemDict]


def document_dict(document: AbstractDocument) -> DocumentDict:
    try:
        size = document.get_file_size()
    except OSError:  # the file went missing on disk: still describe the document
        size = None
    return DocumentDict(
        id=document.pk,
        title=document.title,
        filename=document.filename,
        download_url=get_full_url(None, document.url),
        file_type=document.file_extension.upper(),
        media_type=document.content_type,
        size=size,
    )


def image_dict(image: AbstractImage) -> ImageDict:
    specs = [f"width-{width}|format-webp" for width in IMAGE_WIDTHS if width < image.width]
    specs.append(f"width-{min(image.width, IMAGE_WIDTHS[-1])}|format-webp")
    try:
        renditions = image.get_renditions(*dict.fromkeys(specs)).values()
    except SourceImageIOError:  # the original is gone: no renditions, but no error either
        renditions = []
    return ImageDict(
        id=image.pk,
        title=image.title,
        alt=image.default_alt_text,
        width=image.width,
        height=image.height,
        renditions=[
            RenditionDict(
                url=get_full_url(None, rendition.url),
                width=rendition.width,
                height=rendition.height,
                format="webp",
            )
            for rendition in renditions
        ],
    )


def page_link(page: Page) -> PageLinkDict:
    return PageLinkDict(
        id=page.pk,
        type=page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        locale=page.locale.language_code,
        title=page.title,
        html_url=page.get_full_url(),
        detail_url=get_full_url(None, reverse("wagtailapi_v3:detail_page", args=[page.pk])),
    )


class TextField(Field):
    """A text computed by the model, e.g. a project's period “2017–2019”."""

    def to_representation(self, value: Any) -> str:
        return str(value)


class DocumentField(Field):
    """A document with its absolute download URL, file type, media type and size in bytes."""

    def to_representation(self, document: AbstractDocument) -> DocumentDict:
        return document_dict(document)


class ImageField(Field):
    """An image with its alt text and WebP renditions 320, 640 and 1280 pixels wide."""

    def to_representation(self, image: AbstractImage) -> ImageDict:
        return image_dict(image)


class PageLinkField(Field):
    """A link to another page, in the API and on the site."""

    def to_representation(self, page: Page) -> PageLinkDict:
        return page_link(page.specific_deferred)


class WholePageField(Field):
    """A value derived from the page as a whole (and often from other pages)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", **kwargs)


class TranslationsField(WholePageField):
    """The page's live, public translations (itself excluded), for a language switcher."""

    def to_representation(self, page: Page) -> list[PageLinkDict]:
        translations = page.get_translations().live().public().select_related("locale")
        return [page_link(translation) for translation in translations.order_by("locale_id")]


class ItemListsField(Field):
    """A StreamField of titled lists (goals, offers …) as plain lists of items."""

    def to_representation(self, stream: Iterable[Any]) -> list[ItemListDict]:
        return [
            ItemListDict(
                title=block.value["title"],
                intro=block.value["intro"],
                items=[
                    ListItemDict(title=item["title"], text=item["text"])
                    for item in block.value["items"]
                ],
            )
            for block in stream
        ]
