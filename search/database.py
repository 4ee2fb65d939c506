"""Wagtail's database search backend (settings.DATABASE_SEARCH), ranking in one pass on
SQLite (search.sqlite_ranking) and matching through an index on PostgreSQL
(search.postgres_matching)."""

from django.db import connection
from modelsearch.backends import database
from modelsearch.backends.base import BaseSearchBackend


def SearchBackend(params: dict) -> BaseSearchBackend:  # noqa: N802 - the name Wagtail imports
    """The backend Wagtail's database backend picks for the database, ranking in one pass
    on SQLite with FTS5 (without FTS5 Wagtail picks a fallback that does not rank) and
    matching through search/0002's index on PostgreSQL."""
    if connection.vendor == "postgresql":
        from search.postgres_matching import IndexedPostgresSearchBackend

        return IndexedPostgresSearchBackend(params)
    backend = database.SearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    # Imported here: SQLite's index models exist only on SQLite.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:
        from search.sqlite_ranking import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend
