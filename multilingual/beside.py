"""The German original beside a translation, block by block (``?original=de``).

Readers who learn German, or who have to show a German text at an office, open a translated
page with the original beside it: from 1024 px on in two columns, on a phone as alternating
paragraphs. The choice lives only in the URL, so it can be shared, printed and cached like
any page (the page types declare the parameter for the page cache).

The two versions are paired by block id: wagtail-localize gives a translation the same
StreamField block ids as its source. A block added to the German page after the translation
was made has no partner (the reader is told it is not translated yet); one the German page no
longer has is shown alone (the reader is told so).
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from wagtail.admin.panels import Panel
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import get_translatable_fields

from delivery.cache import QueryParameters, address_with, one_of
from delivery.lookups import locale_by_id
from multilingual.languages import language_info
from multilingual.translation_status import reader_status

# ?original=de: the only value, the language every page is translated from.
ORIGINAL = "original"
# Page's own fields: the title is the heading of both sides; the rest is for search engines.
NOT_READ = {"slug", "seo_title", "search_description"}


def is_original(page: Page) -> bool:
    """True for a page in the language every page is translated from."""
    return locale_by_id(page.locale_id).language_code == settings.LANGUAGE_CODE


class OriginalBesideMixin:
    """For page types readers can read beside their German original: declares the query
    parameter for the page cache (on translations only; a German page ignores it).

    A page type whose template shows its texts in another order than its edit form names
    them in that order in ``shown_beside``; fields no reader sees go in ``not_shown_beside``.
    """

    shown_beside: tuple[str, ...] = ()
    not_shown_beside: tuple[str, ...] = ()

    def query_parameters(self) -> QueryParameters:
        if is_original(self):
            return {}
        return {ORIGINAL: one_of([settings.LANGUAGE_CODE])}


@dataclass
class Pair:
    """One row: the translation's part and the original's, either of which may be missing.
    ``kind`` says how to render them: "text", "richtext" or "block" (a StreamField block)."""

    kind: str
    translation: Any = None
    original: Any = None


@dataclass
class SideBySide:
    page: Page
    original: Page
    language: dict  # the translation's (multilingual.languages.language_info)
    pairs: list[Pair] = field(default_factory=list)


def panel_field_names(panels: list[Panel]) -> list[str]:
    """The field names of the edit form's panels, in the order editors (and readers) see them."""
    names = []
    for panel in panels:
        if getattr(panel, "field_name", None):
            names.append(panel.field_name)
        names += panel_field_names(getattr(panel, "children", []))
    return names


def reading_fields(model: type[Page]) -> list[str]:
    """The translated texts readers see on a page of this type, in the order its template
    shows them: ``shown_beside`` if the type names them, else the edit form's order."""
    return list(getattr(model, "shown_beside", ())) or translated_texts(model)


def translated_texts(model: type[Page]) -> list[str]:
    """The page type's translatable text, rich-text and StreamFields, in the edit form's
    order, without the title (both sides' heading), the search engines' fields and those
    the type names in ``not_shown_beside``."""
    translated = {f.field_name for f in get_translatable_fields(model) if f.is_translated(model)}
    excluded = NOT_READ | {"title"} | set(getattr(model, "not_shown_beside", ()))
    names = []
    for name in panel_field_names(model.content_panels):
        if name in translated and name not in excluded and name not in names:
            model_field = model._meta.get_field(name)
            if isinstance(model_field, (models.CharField, models.TextField, StreamField)):
                names.append(name)
    return names


def kind_of(model_field: models.Field) -> str:
    if isinstance(model_field, StreamField):
        return "block"
    return "richtext" if isinstance(model_field, RichTextField) else "text"


def paired_blocks(translation: StreamValue, original: StreamValue) -> list[Pair]:
    """The blocks of both, in the original's order, paired by id. A translation's block the
    original no longer has stays where it was: after the block it followed."""
    by_id = {block.id: block for block in translation}
    in_original = {block.id for block in original}
    pairs = []
    # The translation's own blocks before the first one they share.
    waiting = []
    for block in translation:
        if block.id in in_original:
            break
        waiting.append(block)
    pairs += [Pair("block", translation=block) for block in waiting]
    following = {}  # a shared block's id → the translation-only blocks right after it
    last = None
    for block in translation:
        if block.id in in_original:
            last = block.id
        elif last is not None:
            following.setdefault(last, []).append(block)
    for block in original:
        pairs.append(Pair("block", translation=by_id.get(block.id), original=block))
        pairs += [Pair("block", translation=extra) for extra in following.get(block.id, [])]
    return pairs


def side_by_side(page: Page, request: HttpRequest) -> SideBySide | None:
    """The pairs of a translated page and its live German original, if the reader asked
    for them (``?original=de``) and the page has one; else None."""
    # A German page neither declares nor reads the parameter.
    if not isinstance(page, Page) or not page.pk or is_original(page):
        return None
    if request.GET.get(ORIGINAL) != settings.LANGUAGE_CODE:
        return None
    status = reader_status(page)
    if status is None:
        return None
    original = status.original.specific
    model = type(page)
    if type(original) is not model:
        return None
    result = SideBySide(page, original, language_info(locale_by_id(page.locale_id).language_code))
    for name in reading_fields(model):
        kind = kind_of(model._meta.get_field(name))
        mine, theirs = getattr(page, name), getattr(original, name)
        if kind == "block":
            result.pairs += paired_blocks(mine, theirs)
        elif mine or theirs:
            result.pairs.append(Pair(kind, translation=mine, original=theirs))
    return result


def beside_url(request: HttpRequest, page_url: str, *, beside: bool) -> str:
    """The page's address with the original beside (``beside``) or without, keeping the
    other parameters the page reads (a list's filters)."""
    return address_with(request, page_url, **{ORIGINAL: settings.LANGUAGE_CODE if beside else None})
