"""Wagtail's database search backend (settings.DATABASE_SEARCH), with the relevance ranking
of search.sqlite_ranking on SQLite; on PostgreSQL it is Wagtail's own."""

from django.db import connection
from modelsearch.backends import database
from modelsearch.backends.base import BaseSearchBackend


def SearchBackend(params: dict) -> BaseSearchBackend:  # noqa: N802 - the name Wagtail imports
    """The backend Wagtail's database backend picks for the database, ranking in one pass
    on SQLite with FTS5 (without FTS5 Wagtail picks a fallback that does not rank)."""
    backend = database.SearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    # Imported here: SQLite's index models exist only on SQLite.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:
        from search.sqlite_ranking import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend
