"""Which pages have a live version in Einfache Sprache, for the link on the page and the
language switcher: one map for the whole site, built once per cache generation (two
queries) and then read from the cache, so a page pays no query for it.

The versions are German pages below German pages. A translation of a page leads to the
version of its German original: both share the translation key the map is keyed on.
"""

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page

from delivery import lookups
from delivery.cache import cached
from delivery.memo import memoized

from .models import EasyLanguagePage


def _build(request: HttpRequest) -> dict[str, dict]:
    german = next(
        (
            locale
            for locale in lookups.shared_rows().locales
            if locale.language_code == settings.LANGUAGE_CODE
        ),
        None,
    )
    if german is None:
        return {}
    versions = list(
        lookups.public(Page.objects.live().type(EasyLanguagePage).filter(locale=german))
    )
    parent_paths = [version.path[: -Page.steplen] for version in versions]
    parents = dict(
        Page.objects.live().filter(path__in=parent_paths).values_list("path", "translation_key")
    )
    found = {}
    for version in versions:
        key = parents.get(version.path[: -Page.steplen])
        if key is None:  # below an unpublished page: not offered
            continue
        version.locale = german
        found[str(key)] = {"url": version.get_url(request), "title": version.title}
    return found


def easy_versions(request: HttpRequest) -> dict[str, dict]:
    """Translation key of a page → URL and title of its German version in Einfache
    Sprache (live, public, below a live page)."""
    host = request.get_host()
    return memoized(
        ("easy-versions", host), lambda: cached(lambda: _build(request), "easy-language", host)
    )


def full_page(page: Page) -> Page | None:
    """For a page in Einfache Sprache: the page it simplifies (its parent)."""
    return page.get_parent() if isinstance(page, EasyLanguagePage) else None


def easy_version(page: Page | None, request: HttpRequest) -> dict | None:
    """The version in Einfache Sprache of this page (in any language), or None; on such a
    version itself, the version."""
    if page is None or not getattr(page, "pk", None):
        return None
    parent = full_page(page)
    if parent is not None:
        return {"url": page.get_url(request), "title": page.title, "current": True}
    version = easy_versions(request).get(str(page.translation_key))
    return {**version, "current": False} if version else None
