"""Demo content for Lan Tỏa: `manage.py load_demo` (prose in `data/*.toml`, read by `content`, built
by `builder`, pictures drawn by `media`). Import from the modules; this package re-exports nothing.
"""
