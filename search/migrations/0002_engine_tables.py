"""Engine-specific text indexes: an FTS5 table on SQLite, tsvector columns on PostgreSQL.

Each half is a no-op on the other database, so one migration history serves both.
"""

from django.db import migrations

FTS_TABLE = "lantoa_search_fts"
DOC_TABLE = "lantoa_search_searchdocument"

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # ts_headline uses it to find accented words for a folded query.
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vi_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION vi_unaccent (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION vi_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END $$""",
    # Folding happens in Python (vietnamese.text.fold) before the row is written, so the
    # folded vector needs only the 'simple' config; the exact vector keeps the diacritics.
    f"""ALTER TABLE {DOC_TABLE} ADD COLUMN folded_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_folded, '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(body_folded, '')), 'B')) STORED""",
    f"""ALTER TABLE {DOC_TABLE} ADD COLUMN exact_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(body, '')), 'B')) STORED""",
    f"CREATE INDEX lantoa_search_folded_gin ON {DOC_TABLE} USING gin (folded_vector)",
]
POSTGRES_BACKWARD = [
    f"ALTER TABLE {DOC_TABLE} DROP COLUMN IF EXISTS folded_vector",
    f"ALTER TABLE {DOC_TABLE} DROP COLUMN IF EXISTS exact_vector",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "title, body, title_folded, body_folded, "
            "tokenize = 'unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        for statement in POSTGRES_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif vendor == "postgresql":
        for statement in POSTGRES_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("lantoa_search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
