"""The language alternates of a page, shared by the hreflang links and the sitemap."""

from collections.abc import Callable

from django.conf import settings
from wagtail.models import Page


def language_alternates(page: Page, url_for: Callable[[Page], str]) -> list[tuple[str, str]]:
    """(language code, URL) for every live translation of the page, including itself,
    followed by ("x-default", URL of the source-language page) when that page is live."""
    alternates = [
        (translation.locale.language_code, url_for(translation))
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    ]
    alternates += [("x-default", url) for code, url in alternates if code == settings.LANGUAGE_CODE]
    return alternates
