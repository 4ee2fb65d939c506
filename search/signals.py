"""What the search keeps beside Wagtail's index when pages change: a page's words for the
vocabulary and its text for results' passages (search.vocabulary; a material's also when
its file is replaced), and the index entries of a German page's translations,
which hold its stems (multilingual.stemming.page_stems: a translated page is also found by
the words of its German original)."""

from django.conf import settings
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from materials.signals import material_text_changed

from .vocabulary import record_words


def reindex_translations(page: Page) -> None:
    """A German original changed: its live translations' index entries hold its words."""
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return
    for translation in page.get_translations().live().specific():
        index.insert_or_update_object(translation)


def on_published(sender, instance: Page, **kwargs) -> None:
    record_words(instance)
    reindex_translations(instance)


def on_unpublished(sender, instance: Page, **kwargs) -> None:
    reindex_translations(instance)


def on_material_text_changed(sender, instance: Page, **kwargs) -> None:
    """An editor replaced a material's file: its passage in results quotes the new text."""
    if instance.live:
        record_words(instance)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="migraup-search-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="migraup-search-unpublished")
    material_text_changed.connect(
        on_material_text_changed, dispatch_uid="migraup-search-material-text"
    )
