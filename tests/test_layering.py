"""Search and syndication import no feature app (issue 11): pages come to them through Wagtail
hooks (`register_search_documents`, `register_syndicated_pages`, `register_feed_scopes`,
`register_popular_searches`, `syndication_podcast_image`). Imports inside functions count."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FEATURE_APPS = ("stories", "campaigns", "engagement", "media_pipeline", "lantoa")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("app", ["search", "syndication"])
def test_app_imports_no_feature_app(app):
    offending = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
        for line, module in imported_modules(path)
        if module.split(".")[0] in FEATURE_APPS
    ]
    assert offending == []
