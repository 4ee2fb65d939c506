"""The database backend's one-pass ranking on SQLite (search.database): the same hits, order
and scores as Wagtail's own SQLite backend, which ranks with a quadratic subquery."""

import pytest
from django.db import connection
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from archive.models import ArchiveEntryPage
from core.models import StandardPage
from home.models import HomePage
from multilingual.stemming import language_query

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the ranking is SQLite's"),
]

STOCK = "modelsearch.backends.database"


@pytest.fixture
def equal_pages():
    """Pages with the same text. Autocomplete scores them the same (search less so: each
    index entry keeps the title length norm of when it was added), so there the order is
    the tie-break's."""
    home = HomePage.objects.get(locale__language_code="de")
    for number in range(5):
        home.add_child(
            instance=StandardPage(title="Gleichstand", slug=f"gleich-{number}", intro="Pankow")
        )


def hits(results) -> list[tuple[int, float]]:
    return [(page.pk, page._score) for page in results]


def test_the_database_backend_ranks_in_one_pass():
    # Imported here: the module needs SQLite's index models, which PostgreSQL has not.
    from search.sqlite_ranking import RankedSQLiteSearchBackend

    assert isinstance(get_search_backend("search.database"), RankedSQLiteSearchBackend)


@pytest.mark.parametrize("words", [["Pankow"], ["Beratungen", "Netzwerk"], ["Gleichstand"]])
@pytest.mark.parametrize("operator", ["and", "or"])
def test_same_hits_order_and_scores_as_wagtails_backend(equal_pages, words, operator):
    ranked, stock = get_search_backend("search.database"), get_search_backend(STOCK)
    query = language_query(words, "de", operator)
    assert stock.search(query, Page.objects.live()).count() > 1
    for pages in (Page.objects.live(), Page.objects.live().specific(), ArchiveEntryPage.objects):
        found = hits(stock.search(query, pages.all()))
        for window in (slice(None), slice(0, 3), slice(2, 7)):
            assert hits(ranked.search(query, pages.all())[window]) == found[window]


def test_same_autocomplete_order_as_wagtails_backend(equal_pages):
    ranked, stock = get_search_backend("search.database"), get_search_backend(STOCK)
    pages = Page.objects.live()
    assert hits(ranked.autocomplete("Gleich", pages)) == hits(stock.autocomplete("Gleich", pages))
