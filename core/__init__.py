"""What every app shares, below the feature apps (DESIGN.md: vietnamese → core → apps → lantoa):
the shared cache and page cache, plain text, collation, privacy-check caching."""
