"""The database backend's match on PostgreSQL (search.postgres_matching): the same hits, order
and scores as Wagtail's own PostgreSQL backend, matched through search/0002's index instead
of joining every entry's title and body.

No page is created here: these tests also run beside OpenSearch, whose index is not rolled
back with the database, and a page indexed there would be found by other tests.
"""

import pytest
from django.db import connection
from modelsearch.backends import get_search_backend
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from archive.models import ArchiveEntryPage
from multilingual.stemming import language_query

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the match is PostgreSQL's"),
]

STOCK = "modelsearch.backends.database"


def hits(results) -> list[tuple[int, float]]:
    return [(page.pk, page._score) for page in results.annotate_score("_score")]


def test_the_database_backend_matches_through_the_index():
    from search.postgres_matching import IndexedPostgresSearchBackend

    assert isinstance(get_search_backend("search.database"), IndexedPostgresSearchBackend)


@pytest.mark.parametrize(
    "words,operator",
    [
        (["Pankow"], "and"),
        (["Beratungen", "Netzwerk"], "and"),
        (["Beratungen", "Netzwerk"], "or"),
        (["Archiv", "Vernetzung"], "or"),
    ],
)
def test_same_hits_order_and_scores_as_wagtails_backend(words, operator):
    indexed, stock = get_search_backend("search.database"), get_search_backend(STOCK)
    query = language_query(words, "de", operator)
    assert stock.search(query, Page.objects.live()).count() > 1
    for pages in (Page.objects.live(), Page.objects.live().specific(), ArchiveEntryPage.objects):
        found = hits(stock.search(query, pages.all()))
        assert indexed.search(query, pages.all()).count() == len(found)
        for window in (slice(None), slice(0, 3), slice(2, 7)):
            assert hits(indexed.search(query, pages.all())[window]) == found[window]


def test_a_page_without_an_index_entry_is_never_a_hit():
    indexed = get_search_backend("search.database")
    page = Page.objects.live().filter(depth__gt=2).order_by("pk").first()
    IndexEntry.objects.filter(object_id=str(page.pk)).delete()
    assert page.pk not in {hit.pk for hit in indexed.search("Pankow", Page.objects.live())}


def test_a_common_word_is_matched_through_the_index_not_by_joining_every_entry():
    """Thousands of entries, half of them with the word, as in a ten-year archive: the
    planner takes the GIN index (search/0002 declares joining title and body expensive,
    which it is), and the search matches through it instead of joining every entry's."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry"
            " (content_type_id, object_id, title, autocomplete, body, title_norm,"
            "  title_text, body_text)"
            " SELECT %s, 'archived-' || n, to_tsvector('simple', 'Bericht ' || n), '',"
            "  to_tsvector('simple', repeat(CASE WHEN n %% 2 = 0 THEN 'Pankow Netzwerk '"
            "   ELSE 'Weißensee Beratung ' END, 40) || n),"
            "  1.0, '', ''"
            " FROM generate_series(1, 4000) AS n",
            [IndexEntry.objects.values_list("content_type_id", flat=True).first()],
        )
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute(
            "EXPLAIN SELECT count(*) FROM wagtailsearch_indexentry"
            " WHERE search_document(title, body) @@ to_tsquery('simple', 'pankow')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on search_indexentry_document" in plan, plan
    results = get_search_backend("search.database").search("Pankow", Page.objects.live())
    sql = str(results.get_queryset().query)
    assert "search_document(" in sql
    assert "||" not in sql
