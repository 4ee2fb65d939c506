"""SQLite's relevance ranking in one pass, for Wagtail's database search backend
(search.database, which imports this module on SQLite only: it needs SQLite's tables).

On SQLite, the stock backend orders hits by a correlated subquery that runs the FTS5 match
again for every matching row, and FTS5's bm25() gathers its statistics over all of that
match's rows each time: quadratic in the number of hits. A common word among 5,000 pages
took seconds. Here the ranked hits (score and primary key) come from one FTS5 query, sorted
and sliced by SQLite, and the objects from a second query by primary key. The order and the
scores are the stock backend's: the same bm25 expression, best first, ties by descending pk.

Counts, facets, unranked and negated searches, and other databases (PostgreSQL) are left
to the stock backend.
"""

from typing import Any

from django.db.models import IntegerField, QuerySet
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class RankedInOnePass:
    """For SQLite's query compilers: the ranking as one query."""

    def ranking(self, config: Any, start: int, stop: int | None) -> QuerySet | None:
        """(pk, score) of the hits from start to stop, best first; None where the stock
        search has no ranking to speed up (match-all, negated or unranked searches) or
        cannot be mirrored (a primary key that is not an integer)."""
        query = normalize(self.query)
        model = self.queryset.model
        pk = model._meta.pk
        while pk.is_relation:  # a subclass's pk is its link to the parent (page_ptr)
            pk = pk.target_field
        if (
            not self.order_by_relevance
            or isinstance(query, MatchAll | Not)
            or not isinstance(pk, IntegerField)
        ):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        # The index keeps object ids as text: as numbers, they sort (for ties) like pks.
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(model))
            .annotate(
                hit=Cast("index_entry__object_id", output_field=IntegerField()),
                score=self._build_rank_expression(self.get_search_vectors(), config),
            )
            .filter(hit__in=self.queryset.values("pk"))
            .order_by("score", "-hit")
            .values_list("hit", "score")[start:stop]
        )


class RankedSQLiteSearchQueryCompiler(RankedInOnePass, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(RankedInOnePass, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _do_search(self) -> list:
        compiler = self.query_compiler
        ranking = compiler.ranking(compiler.get_config(self.backend), self.start, self.stop)
        if ranking is None:
            return super()._do_search()
        ranking = list(ranking)
        objects = compiler.queryset.in_bulk([pk for pk, _score in ranking])
        # Each object carries its score, as from the stock backend's annotation.
        score_field = self._score_field or "_score"
        hits = []
        for pk, score in ranking:
            if pk in objects:  # else unpublished or deleted between the two queries
                setattr(objects[pk], score_field, score)
                hits.append(objects[pk])
        return hits


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
