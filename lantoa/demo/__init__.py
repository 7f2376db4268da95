"""Demo content for Lan Tỏa: `manage.py load_demo` (content as data, builder, drawn media)."""

from .builder import DEFAULT_PASSWORD, DemoError, DemoResult, Reporter, build_demo, summary_text

__all__ = ["DEFAULT_PASSWORD", "DemoError", "DemoResult", "Reporter", "build_demo", "summary_text"]
