"""The language alternates of a page, shared by the hreflang links and the sitemap."""

from collections.abc import Callable

from django.conf import settings
from wagtail.models import Page


def live_translations(page: Page) -> list[Page]:
    """The page's live translations, itself included, with their locales, in tree order.

    Fetched once per page object: the language switcher and the hreflang links both need
    them (core/lookups.py sets them on the cached home pages)."""
    if not hasattr(page, "_live_translations"):
        page._live_translations = list(
            page.get_translations(inclusive=True).live().select_related("locale")
        )
    return page._live_translations


def language_alternates(page: Page, url_for: Callable[[Page], str]) -> list[tuple[str, str]]:
    """(language code, URL) for every live translation of the page, including itself,
    followed by ("x-default", URL of the source-language page) when that page is live."""
    alternates = [
        (translation.locale.language_code, url_for(translation))
        for translation in live_translations(page)
    ]
    alternates += [("x-default", url) for code, url in alternates if code == settings.LANGUAGE_CODE]
    return alternates
