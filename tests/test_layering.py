"""The layering of docs/architecture.md (issue 11): no app imports a higher one, and search and
syndication import no feature app: pages come to them through Wagtail
hooks (`register_search_documents`, `register_syndicated_pages`, `register_feed_scopes`,
`register_popular_searches`, `syndication_podcast_image`). Imports inside functions count."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FEATURE_APPS = ("stories", "campaigns", "engagement", "comments", "media_pipeline", "lantoa")
# media_pipeline sits below search and syndication: they may use its public module for what
# they need of a photo (the podcast cover, a feed item's picture), nothing else of it.
PUBLIC_MODULES = ("media_pipeline.images.services",)


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
        if module.split(".")[0] in FEATURE_APPS and module not in PUBLIC_MODULES
    ]
    assert offending == []


# docs/architecture.md, "Layers": bottom to top; an app imports only from its own layer and below.
LAYERS = [
    "vietnamese",
    "core",
    "media_pipeline",
    "search",
    "syndication",
    "integrity",
    "stories",
    "engagement",
    "comments",
    "campaigns",
    "lantoa",
]


def upward_imports(root: Path = ROOT) -> list[str]:
    """Every import, at module level or inside a function, from a lower app into a higher one."""
    rank = {app: level for level, app in enumerate(LAYERS)}
    found = []
    for app in LAYERS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for line, module in imported_modules(path):
                target = module.split(".")[0]
                if target in rank and rank[target] > rank[app]:
                    found.append(f"{path.relative_to(root)}:{line} imports {module}")
    return found


def test_no_app_imports_a_higher_layer():
    assert upward_imports() == []


def test_the_layer_check_sees_an_upward_import(tmp_path):
    """The check itself: a function-level import of a higher app in a lower one is caught."""
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "helpers.py").write_text(
        "def page():\n    from stories.models import StoryPage\n    return StoryPage\n"
    )
    assert upward_imports(tmp_path) == ["core/helpers.py:2 imports stories.models"]


def test_vietnamese_imports_no_django():
    offending = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in sorted((ROOT / "vietnamese").rglob("*.py"))
        for line, module in imported_modules(path)
        if module.split(".")[0] in {"django", "wagtail", *LAYERS[1:]}
    ]
    assert offending == []
