"""What every app shares, below the feature apps (DESIGN.md: vietnamese → core → apps → lantoa):
the page base, page form and template tags, localities, site settings and roles, the shared
cache and page cache, plain text, collation, privacy-check caching. Imports only vietnamese."""
