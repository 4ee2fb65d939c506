"""Matching through an index that the planner takes (search.postgres_matching): a function
``search_document(title, body)`` that returns ``title || body``, declared expensive, and a
GIN index on it, in place of 0001's index on the bare expression. Nothing on other
databases.

The function is STRICT, so that a page without an index entry cannot match and the join
to the entries stays an inner join, and has a SET clause, so that PostgreSQL cannot inline
it into ``title || body`` and forget its cost.
"""

from django.db import migrations

INDEX = "search_indexentry_document"
OLD_INDEX = "search_indexentry_text_vector"

CREATE = [
    "CREATE OR REPLACE FUNCTION search_document(title tsvector, body tsvector) "
    "RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 "
    "SET search_path = pg_catalog AS 'SELECT title || body'",
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
    "USING GIN (search_document(title, body))",
    f"DROP INDEX IF EXISTS {OLD_INDEX}",
    # The planner's estimate of how many entries hold a word comes from the statistics on
    # the indexed expression, which only ANALYZE gathers (autovacuum would, later).
    "ANALYZE wagtailsearch_indexentry",
]
DROP = [
    f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON wagtailsearch_indexentry "
    "USING GIN ((title || body))",
    f"DROP INDEX IF EXISTS {INDEX}",
    "DROP FUNCTION IF EXISTS search_document(tsvector, tsvector)",
]


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index_entry_text_vector")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
