"""The database backend's match on PostgreSQL (search.postgres_matching): the same hits, order
and scores as Wagtail's own PostgreSQL backend, matched through search/0002's index instead
of joining every entry's title and body.

No page is created here: these tests also run beside OpenSearch, whose index is not rolled
back with the database, and a page indexed there would be found by other tests.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from wagtail.search.query import Or, PlainText

from archive.models import ArchiveEntryPage
from multilingual.stemming import language_query
from search.expansion import reader_query

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
    "query",
    [
        language_query(["Pankow"], "de", "and"),
        language_query(["Beratungen", "Netzwerk"], "de", "and"),
        language_query(["Beratungen", "Netzwerk"], "de", "or"),
        language_query(["Archiv", "Vernetzung"], "de", "or"),
        # A reader's queries (search.expansion): a compound's parts, a typo's corrections,
        # a glossary synonym, a word repeated among the forms, another language's stems.
        lambda: reader_query(["Migrantenorganisationen"], "de")[0],
        lambda: reader_query(["Netzwrek", "Pankow"], "de")[0],
        lambda: reader_query(["Flyer", "Beratung"], "de", "or")[0],
        lambda: reader_query(["folletos", "Netzwerke"], "es", "or")[0],
        Or([PlainText("netzwerk"), PlainText("Netzwerk"), PlainText("beratung")]),
    ],
)
def test_same_hits_order_and_scores_as_wagtails_backend(query):
    """The same pages in the same order, with the stock backend's scores up to rounding of
    the last digit (the words of an OR are ranked in one call): pages that tie may swap."""
    query = query() if callable(query) else query
    indexed, stock = get_search_backend("search.database"), get_search_backend(STOCK)
    assert stock.search(query, Page.objects.live()).count() > 1
    for pages in (Page.objects.live(), Page.objects.live().specific(), ArchiveEntryPage.objects):
        found = hits(stock.search(query, pages.all()))
        assert indexed.search(query, pages.all()).count() == len(found)
        everything = hits(indexed.search(query, pages.all()))
        assert dict(everything) == {pk: pytest.approx(score, rel=1e-6) for pk, score in found}
        for window in (slice(None), slice(0, 3), slice(2, 7)):
            scores = [score for _pk, score in hits(indexed.search(query, pages.all())[window])]
            assert scores == [pytest.approx(score, rel=1e-6) for _pk, score in found[window]]


def test_the_forms_of_a_word_are_ranked_in_one_call_per_vector():
    # Each call reads the entry's vector anew: at 5,000 pages, most of a search's time.
    query = Or([PlainText("beratungen"), PlainText("beratung"), PlainText("Fachberatung")])
    with CaptureQueriesContext(connection) as queries:
        list(get_search_backend("search.database").search(query, Page.objects.live()))
    ranked = [sql["sql"] for sql in queries.captured_queries if "ts_rank(" in sql["sql"]]
    assert [sql.count("ts_rank(") for sql in ranked] == [2]  # the title's and the body's


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
