"""Every public page, in every language, renders with at most QUERY_BUDGET SQL queries.

What is counted: a reader's request for a page whose HTML is *not* in the page cache (its
own entry is evicted, so the middleware answers ``X-Cache: MISS`` and the page is routed
and rendered) while the rest of the shared cache is warm, as on a running site: the cache
generation, the language's menu and footer (``delivery.cache.cached``), the Site, locales,
home pages and view restrictions (the shared lookups), and Wagtail's site root paths. Each
page is requested once before it is counted, to warm those. The first request after a
purge rebuilds them as well (about fifteen queries more, on this site: the menu and footer
once per generation and language, the rest once per generation); it is not counted.

The page cache stays on (``PAGE_CACHE_SECONDS`` as configured) rather than being switched
off: with 0, ``cached`` keeps menus for one second only and the count would depend on timing.
A failure names the URL and lists its queries.
"""

import re
from urllib.parse import parse_qsl, urlencode

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import translation
from wagtail.models import Page

from delivery import routing
from delivery.cache import AnonymousPageCacheMiddleware
from home.models import HomePage
from projects.models import ProjectIndexPage, ProjectPage
from tests.page_types import GERMAN_ONLY, LANGUAGES, OTHER_URLS, PAGES, expected_status, url_of

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15


def evict_page(url: str) -> None:
    """Drop this URL's answer from the page cache, and nothing else."""
    cache.delete(AnonymousPageCacheMiddleware.key(RequestFactory().get(url)))


SELECT_COLUMNS = re.compile(r"^SELECT .*? FROM ")


class QueryListing:
    """The failure message's list of queries; rendered only when the assertion fails (the
    fixture formats ``info`` then), so passing tests pay nothing for it."""

    def __init__(self, url: str):
        self.url = url
        self.captured: CaptureQueriesContext | None = None

    def __str__(self) -> str:
        queries = self.captured.captured_queries if self.captured else []
        # The column lists say nothing about why a query is made: elided.
        lines = (
            f"{i:3}. {SELECT_COLUMNS.sub('SELECT … FROM ', query['sql'], count=1)}"
            for i, query in enumerate(queries, 1)
        )
        return f"{self.url}:\n" + "\n".join(lines)


@pytest.mark.parametrize("name", [*PAGES, *OTHER_URLS])
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_stays_within_the_query_budget(django_assert_max_num_queries, language, name):
    assert_within_budget(django_assert_max_num_queries, url_of(name, language), name, language)


@pytest.mark.parametrize("name", [name for name in PAGES if name not in GERMAN_ONLY])
@pytest.mark.parametrize("language", ["tr", "ar"])
def test_the_original_beside_stays_within_the_query_budget(
    django_assert_max_num_queries, language, name
):
    """The translation with its German original beside it (multilingual.beside)."""
    path, _, query = url_of(name, language).partition("?")
    # In the order the page cache keeps parameters (its key), so evict_page finds it.
    url = f"{path}?{urlencode(sorted([*parse_qsl(query), ('original', 'de')]))}"
    assert_within_budget(django_assert_max_num_queries, url, name, language)


def assert_within_budget(django_assert_max_num_queries, url: str, name: str, language: str):
    client = Client()
    client.get(url)  # warms the generation, menu, footer and site root paths
    evict_page(url)
    listing = QueryListing(url)
    with django_assert_max_num_queries(QUERY_BUDGET, info=listing) as captured:
        listing.captured = captured
        response = client.get(url)
    assert response.status_code == expected_status(name, language)
    assert response["X-Cache"] == "MISS"


def test_every_page_type_is_counted():
    live_types = {page.specific_class for page in Page.objects.filter(depth__gt=1).live()}
    assert live_types == {model for model, _slug, _query in PAGES.values()}


def test_a_page_cache_hit_makes_no_query(django_assert_max_num_queries):
    """What the budget above does not count: an answer straight from the page cache."""
    client = Client()
    url = Page.objects.get(depth=2, locale__language_code="de").url
    client.get(url)
    with django_assert_max_num_queries(0):
        assert client.get(url)["X-Cache"] == "HIT"


# The routing that saves most of the queries (``delivery.routing``) finds what Wagtail finds.


def routes(url: str, language: str) -> tuple:
    """(Wagtail's route, delivery.routing's route) of the URL, each as (page id, type, args)."""
    found = []
    with translation.override(language):
        path = resolve(url.split("?")[0]).args[0]
        for route_for_request in (Page.route_for_request, routing.route_for_request):
            result = route_for_request(RequestFactory().get(url), path)
            found.append(result and (result.page.pk, type(result.page), result.args))
    return tuple(found)


def urls_to_route(language: str) -> list[str]:
    home = HomePage.objects.get(locale__language_code=language)
    urls = [page.url for page in Page.objects.descendant_of(home, inclusive=True)]
    return [*urls, f"/{language}/gibt-es-nicht/", f"{urls[1]}gibt-es-nicht/", f"{urls[-1]}x/"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_routing_finds_the_pages_wagtail_finds(language):
    for url in urls_to_route(language):
        wagtail, ours = routes(url, language)
        assert ours == wagtail, url


def test_routing_treats_unpublished_pages_as_wagtail_does():
    """A draft is not found, its live children are (Wagtail's rule); a language without a
    live home page routes through the German one."""
    ProjectIndexPage.objects.get(locale__language_code="de").unpublish()
    ProjectPage.objects.get(locale__language_code="de", slug="migrapower").unpublish()
    HomePage.objects.get(locale__language_code="ar").unpublish()
    german_path = "/ar/projekte/kommune-interkulturell/"  # under the German home page
    for language, extra in (("de", []), ("ar", [german_path])):
        for url in [*urls_to_route(language), *extra]:
            wagtail, ours = routes(url, language)
            assert ours == wagtail, url
    assert routes("/de/projekte/migrapower/", "de") == (None, None)
    assert routes("/de/projekte/kommune-interkulturell/", "de")[1] is not None
    assert routes(german_path, "ar")[1] is not None
