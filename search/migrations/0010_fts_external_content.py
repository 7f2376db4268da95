"""SQLite: the one FTS5 table that stored every text twice more (as written and folded, 4
columns) becomes two external-content tables over `SearchDocument` itself — folded text, which
every query matches, and the text as written, which ranks accented queries — kept in step by
triggers. The index no longer holds a copy of the text (at 100k stories: 303 MB → 99 MB) and a
query no longer needs FTS5's slow column filters. Both tables are filled from the documents
already indexed ('rebuild'), so nothing needs reindexing. PostgreSQL: nothing changes.
"""

from django.db import migrations

DOC = "lantoa_search_searchdocument"
OLD = "lantoa_search_fts"
TABLES = {  # FTS5 table → the document columns it indexes
    "lantoa_search_fts_folded": ("title_folded", "body_folded"),
    "lantoa_search_fts_exact": ("title", "body"),
}
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'"


def _insert(table: str, columns: tuple[str, ...], row: str) -> str:
    values = ", ".join(f"{row}.{column}" for column in columns)
    return f"INSERT INTO {table} (rowid, {', '.join(columns)}) VALUES ({row}.id, {values});"


def _delete(table: str, columns: tuple[str, ...]) -> str:
    # External content: FTS5 removes a row's terms only when given the values it indexed.
    values = ", ".join(f"old.{column}" for column in columns)
    return (
        f"INSERT INTO {table} ({table}, rowid, {', '.join(columns)}) "
        f"VALUES ('delete', old.id, {values});"
    )


def forward_statements() -> list[str]:
    statements = [f"DROP TABLE IF EXISTS {OLD}"]
    for table, columns in TABLES.items():
        statements += [
            f"CREATE VIRTUAL TABLE {table} USING fts5({', '.join(columns)}, "
            f"content='{DOC}', content_rowid='id', {TOKENIZE})",
            f"INSERT INTO {table} ({table}) VALUES ('rebuild')",
        ]
    inserts = " ".join(_insert(t, c, "new") for t, c in TABLES.items())
    deletes = " ".join(_delete(t, c) for t, c in TABLES.items())
    indexed = ", ".join(column for columns in TABLES.values() for column in columns)
    statements += [
        f"CREATE TRIGGER lantoa_search_fts_insert AFTER INSERT ON {DOC} BEGIN {inserts} END",
        f"CREATE TRIGGER lantoa_search_fts_delete AFTER DELETE ON {DOC} BEGIN {deletes} END",
        f"CREATE TRIGGER lantoa_search_fts_update AFTER UPDATE OF {indexed} ON {DOC} "
        f"BEGIN {deletes} {inserts} END",
    ]
    return statements


def backward_statements() -> list[str]:
    statements = [
        f"DROP TRIGGER IF EXISTS lantoa_search_fts_{name}"
        for name in ("insert", "delete", "update")
    ]
    statements += [f"DROP TABLE IF EXISTS {table}" for table in TABLES]
    statements += [
        f"CREATE VIRTUAL TABLE {OLD} USING fts5(title, body, title_folded, body_folded, "
        f"{TOKENIZE})",
        f"INSERT INTO {OLD} (rowid, title, body, title_folded, body_folded) "
        f"SELECT id, title, body, title_folded, body_folded FROM {DOC}",
    ]
    return statements


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements():
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("lantoa_search", "0009_search_synonyms")]

    operations = [migrations.RunPython(_run(forward_statements), _run(backward_statements))]
