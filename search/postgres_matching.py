"""PostgreSQL's full-text match through an index, for Wagtail's database search backend
(search.database, which uses this module on PostgreSQL).

The stock backend matches ``title || body`` and selects it too. Joining two text vectors
costs about 15 µs per index entry, and the planner does not know: for a word most pages
contain it preferred reading the whole table over the GIN index, and concatenated every
entry (a common word at 5,000 pages: 70 ms to count its hits, 120 ms to rank them). Here
the match is ``search_document(title, body)``, a function migration search/0002 declares
expensive and indexes with GIN. The planner then takes the index, which answers a word
without computing a single document (6 ms to count, 15 ms to rank), and the document is
not selected. Hits, their order and their scores are the stock backend's: the function
returns ``title || body``, and the ranking is untouched.
"""

from typing import Any

from django.contrib.postgres.search import SearchVectorField
from django.db.models import F, Func, QuerySet
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not

#: The SQL function migration search/0002 creates; its GIN index has the same expression.
DOCUMENT_FUNCTION = "search_document"


class SearchDocument(Func):
    """An index entry's title and body as one text vector, as the GIN index holds it."""

    function = DOCUMENT_FUNCTION
    output_field = SearchVectorField()

    def __init__(self) -> None:
        super().__init__(F("index_entries__title"), F("index_entries__body"))


class IndexedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def search(
        self,
        config: Any,
        start: int | None,
        stop: int | None,
        score_field: str | None = None,
        backend: Any = None,
    ) -> QuerySet:
        # Searches on named fields match their own vectors, match-all and fuzzy searches no
        # vector: the stock backend's.
        if (
            self.fields is not None
            or isinstance(self.query, (MatchAll, Fuzzy))
            or (isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll))
        ):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank_expression = self._build_rank_expression(self.get_index_vectors(search_query), config)
        # alias(), not annotate(): the document is matched, never selected.
        queryset = self.queryset.alias(_document_=SearchDocument()).filter(_document_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresSearchQueryCompiler
