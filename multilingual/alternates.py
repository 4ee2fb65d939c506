"""The language alternates of a page, shared by the hreflang links and the sitemap."""

from collections.abc import Callable

from django.conf import settings
from wagtail.models import Page

from delivery import directory
from delivery.lookups import is_public
from delivery.memo import live_translations_key, memoized


def live_translations(page: Page) -> list[Page]:
    """The page itself and its live, public translations, with their locales, in tree order.

    A translation with a view restriction (on it or an ancestor) is left out: it is no
    alternate a search engine or a reader should be sent to. The page itself stays, whatever
    its own restriction: whoever sees it may see it. Fetched once per request: the language
    switcher, the hreflang links and the translation note all need them (the shared
    lookups put those of the home pages in the memo); the restrictions come from the
    shared lookups too, which a new or removed restriction purges."""
    translations = memoized(live_translations_key(page.pk), lambda: fetch_live_translations(page))
    return [p for p in translations if p.pk == page.pk or is_public(p)]


def fetch_live_translations(page: Page) -> list[Page]:
    # Plain pages from the site's directory, not ``page.get_translations()``, which queries
    # the page's own type with a join per table of it: titles and URLs are all the
    # language links need.
    found = directory.directory()
    return [directory.page(row) for row in found.live_translations(page.translation_key)]


def language_alternates(page: Page, url_for: Callable[[Page], str]) -> list[tuple[str, str]]:
    """(language code, URL) for the page and every live, public translation, followed by
    ("x-default", URL of the source-language page) when that page is among them."""
    alternates = [
        (translation.locale.language_code, url_for(translation))
        for translation in live_translations(page)
    ]
    alternates += [("x-default", url) for code, url in alternates if code == settings.LANGUAGE_CODE]
    return alternates
