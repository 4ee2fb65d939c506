"""PostgreSQL's full-text match through an index, for Wagtail's database search backend
(search.database, which uses this module on PostgreSQL).

The stock backend matches ``title || body`` and selects it too. Joining two text vectors
costs about 15 µs per index entry, and the planner does not know: for a word most pages
contain it preferred reading the whole table over the GIN index, and concatenated every
entry (a common word at 5,000 pages: 70 ms to count its hits, 120 ms to rank them). Here
the match is ``search_document(title, body)``, a function migration search/0002 declares
expensive and indexes with GIN. The planner then takes the index, which answers a word
without computing a single document (6 ms to count, 15 ms to rank), and the document is
not selected. Hits and their order are the stock backend's: the function returns
``title || body``.

The ranking is the stock backend's too, computed with fewer calls. It ranks an OR as the
average of its parts' ranks, one ``ts_rank`` per part and vector; a reader's word is an OR
of its forms (as typed, stems, corrections, see search.expansion), so a two-word search
made eight calls or more per hit, each reading the vector anew (3 µs per entry and call,
most of a search's time at 5,000 pages). PostgreSQL's ``ts_rank`` of an OR of distinct
words is the average of their ranks, so the single words of an OR are ranked in one call,
weighted by how many parts they are; other parts (phrases, a compound's words) are ranked
as before. Scores equal the stock backend's up to rounding in float4's
last digit (it adds rounded ranks, ts_rank unrounded ones), so pages that tie may swap.
"""

import re
from collections import defaultdict
from functools import reduce
from operator import add
from typing import Any

from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.db.models import Expression, F, Func, QuerySet
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not, Or, PlainText, SearchQuery

# A word that PostgreSQL's parser reads as one lexeme (letters and digits only).
ONE_LEXEME = re.compile(r"[^\W_]+")

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

    def build_tsrank(
        self, vector: Any, query: SearchQuery, config: Any = None, boost: float = 1.0
    ) -> Expression:
        if not isinstance(query, Or):
            return super().build_tsrank(vector, query, config=config, boost=boost)
        # The OR's parts that are each word (as PostgreSQL lower-cases it): ts_rank counts a
        # repeated word once, the stock average as often as it appears.
        words: dict[str, list[PlainText]] = defaultdict(list)
        others: list[SearchQuery] = []
        for part in query.subqueries:
            if isinstance(part, PlainText) and ONE_LEXEME.fullmatch(part.query_string):
                words[part.query_string.lower()].append(part)
            else:
                others.append(part)
        if len(words) < 2:
            return super().build_tsrank(vector, query, config=config, boost=boost)
        ranks = [self.build_tsrank(vector, part, config=config, boost=boost) for part in others]
        alike: dict[int, list[PlainText]] = defaultdict(list)  # times a word is a part → words
        for parts in words.values():
            alike[len(parts)].append(parts[0])
        for times, parts in alike.items():
            together = self.build_tsquery(Or(parts) if len(parts) > 1 else parts[0], config)
            # The average of the words' ranks, times how many parts of the OR they are.
            rank = SearchRank(vector, together, weights=self.sql_weights)
            ranks.append(rank * (boost * times * len(parts)))
        return reduce(add, ranks) / len(query.subqueries)


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresSearchQueryCompiler
