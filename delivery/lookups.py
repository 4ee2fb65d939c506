"""The rows every page request looks up alike, from the shared cache instead of the database.

On each request Wagtail asks the database for the Site of the host, the Locale of the
language (again for every ``page.localized``), the home page in that language, and every
page view restriction (for each ``.public()`` listing and for the page itself). They are the
same few rows for every reader and change only when an editor changes content, which
starts a new generation of the page cache: kept under that generation, they are never
stale. Within one reader's request each is read from the cache once (the per-request
memo), and only when something asks for it: error pages and views that need no page make
no lookup at all.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.query import PageQuerySet

from delivery import wagtail_private
from delivery.cache import cached
from delivery.memo import live_translations_key, memoized, prime


@dataclass
class Homes:
    """A site's home page in each language (specific pages, locales attached)."""

    root: Page  # the Site's root page: the home page in the source language
    live: dict[str, Page]  # language code → live translation, the root included if live

    def prime_translations(self) -> None:
        """The language links and hreflang alternates of each home page (its live
        translations, in tree order) for this request: known here without a query."""
        live = list(self.live.values())
        for page in {self.root.pk: self.root, **{p.pk: p for p in live}}.values():
            prime(live_translations_key(page.pk), live)

    def localized(self, language_code: str) -> Page:
        """What Wagtail routes from: ``site.root_page.localized.specific``."""
        if language_code == self.root.locale.language_code:
            return self.root
        return self.live.get(language_code, self.root)


@dataclass
class SharedRows:
    locales: list[Locale]
    # (path, depth) of every page with a view restriction: its section is not public.
    restricted_sections: list[tuple[str, int]]
    homes: dict[int, Homes]  # by the Site's root page id


def _build_homes(root_id: int, locales: dict[int, Locale]) -> Homes:
    root = Page.objects.get(pk=root_id)
    pages = list(root.get_translations(inclusive=True).specific().order_by("path"))
    for page in pages:
        page.locale = locales[page.locale_id]
    return Homes(
        root=next(page for page in pages if page.pk == root_id),
        live={page.locale.language_code: page for page in pages if page.live},
    )


def _build_shared_rows() -> SharedRows:
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    restricted = PageViewRestriction.objects.select_related("page").order_by("page__path")
    root_ids = Site.objects.values_list("root_page_id", flat=True).distinct()
    return SharedRows(
        locales=list(locales.values()),
        restricted_sections=[(r.page.path, r.page.depth) for r in restricted],
        homes={root_id: _build_homes(root_id, locales) for root_id in root_ids},
    )


def _read_shared_rows() -> SharedRows:
    rows = cached(_build_shared_rows, "shared-rows")
    for homes in rows.homes.values():
        homes.prime_translations()
    return rows


def shared_rows() -> SharedRows:
    return memoized(("shared-rows",), _read_shared_rows)


def site_for_request(request: HttpRequest) -> Site | None:
    """``Site.find_for_request()``, cached per host and port (as Wagtail matches them), and
    kept where Wagtail looks for it first, so its own lookups (``get_url``) need no query."""
    site = wagtail_private.known_site(request)
    if site is not wagtail_private.UNKNOWN:
        return site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def build() -> Site | None:
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    site = cached(build, "site", hostname, port)
    wagtail_private.set_site(request, site)
    return site


def homes_of(site: Site) -> Homes:
    rows = shared_rows()
    homes = rows.homes.get(site.root_page_id)
    if homes is None:  # only while a new site is being saved: then not cached
        homes = _build_homes(site.root_page_id, {locale.pk: locale for locale in rows.locales})
        homes.prime_translations()
    return homes


def localized_home(request: HttpRequest) -> Page | None:
    """The request's site's home page in the active language (or the root if untranslated)."""
    site = site_for_request(request)
    return homes_of(site).localized(active_locale().language_code) if site else None


def locale_by_id(pk: int) -> Locale:
    found = [locale for locale in shared_rows().locales if locale.pk == pk]
    return found[0] if found else Locale.objects.get(pk=pk)


def active_locale() -> Locale:
    """``Locale.get_active()`` (the active language's locale, else the default one)."""
    by_code = {locale.language_code: locale for locale in shared_rows().locales}
    for language in (translation.get_language(), settings.LANGUAGE_CODE):
        try:
            code = get_supported_content_language_variant(language)
        except LookupError:
            continue
        if code in by_code:
            return by_code[code]
    return Locale.get_default()  # raises as Wagtail does when that locale is missing


def restricted_sections() -> list[tuple[str, int]]:
    return shared_rows().restricted_sections


def is_public(page: Page) -> bool:
    """False for a page with a view restriction on it or an ancestor, as ``.public()``
    decides, without a query."""
    return not any(
        page.path.startswith(path) and page.depth >= depth for path, depth in restricted_sections()
    )


def private_pages(prefix: str = "") -> Q:
    """The pages with a view restriction on them or an ancestor, as a filter (of a page's
    fields, or of a relation's with ``prefix="project__"``); matches nothing without one."""
    private = Q(pk__in=[])
    for path, depth in restricted_sections():
        private |= Q(**{f"{prefix}path__startswith": path, f"{prefix}depth__gte": depth})
    return private


def public(pages: PageQuerySet) -> PageQuerySet:
    """``pages.public()`` without its query of every view restriction on each call."""
    if not restricted_sections():
        return pages
    return pages.exclude(private_pages())


def translations_in(pages: Iterable[Page], locale_id: int) -> dict[str, Page]:
    """translation key → each page's translation in the locale (any state), one query per
    page type instead of one per page."""
    by_model = defaultdict(set)
    for page in pages:
        by_model[type(page)].add(page.translation_key)
    found = {}
    for model, keys in by_model.items():
        for translated in model.objects.filter(translation_key__in=keys, locale_id=locale_id):
            found[translated.translation_key] = translated
    return found


def localized_pages(pages: Iterable[Page]) -> dict[int, Page]:
    """Wagtail's ``page.localized`` for many pages at once: page id → the live translation
    in the active language, or the page itself."""
    pages = [page for page in pages if page is not None]
    locale = active_locale()
    others = [page for page in pages if page.locale_id != locale.pk]
    translations = translations_in(others, locale.pk) if others else {}
    result = {}
    for page in pages:
        translated = translations.get(page.translation_key)
        live = translated is not None and getattr(translated, "live", True)
        result[page.pk] = translated if page.locale_id != locale.pk and live else page
    return result
