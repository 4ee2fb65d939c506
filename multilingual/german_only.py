"""What readers of other languages see of content that exists only in German (issue 21).

A list page in a reader's language (materials, archive, projects, networks, partners) lists
its own children and also those of its German original that have no live, public
translation below it: linked to the German page and marked “Only in German” in the
reader's language (``only_in``), as search does with such pages (issue 9), rather than
left out. Once the translation is published, it takes the German page's place.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import BooleanField, Case, Value, When
from wagtail.models import Page
from wagtail.query import PageQuerySet

from delivery.lookups import locale_by_id, public
from multilingual.alternates import live_translations
from multilingual.languages import language_info


def german_original(index: Page) -> Page | None:
    """The live, public German version of a translated page (None on a German page): from
    the page's live translations, which the language switcher fetches anyway."""
    if locale_by_id(index.locale_id).language_code == settings.LANGUAGE_CODE:
        return None
    return next(
        (
            page
            for page in live_translations(index)
            if page.locale.language_code == settings.LANGUAGE_CODE
        ),
        None,
    )


def with_german_only(index: Page, model: type[Page]) -> PageQuerySet:
    """The index page's live, public children of this type, and the children of its German
    original without a live, public translation below the index page: one query for all
    (the German original comes from ``live_translations``). The index page's own come
    first, then the German ones (``german_only`` is True on them), each in tree order;
    callers that sort otherwise add their own order."""
    own = model.objects.child_of(index)
    pages = own
    original = german_original(index)
    if original is not None:
        translated = public(Page.objects.child_of(index).live()).values("translation_key")
        pages = own | model.objects.child_of(original).exclude(translation_key__in=translated)
    return (
        public(pages.live())
        .annotate(
            german_only=Case(
                When(locale_id=index.locale_id, then=Value(False)),
                default=Value(True),
                output_field=BooleanField(),
            )
        )
        .order_by("german_only", "path")
    )


def marked(pages: Iterable[Page], index: Page) -> list[Page]:
    """The pages, each not in the index page's language with ``only_in``: its language's
    ``language_info`` (for the label and ``lang``/``hreflang``); None on the others."""
    listed = list(pages)
    for page in listed:
        if page.locale_id == index.locale_id:
            page.only_in = None
        else:
            page.only_in = language_info(locale_by_id(page.locale_id).language_code)
    return listed
