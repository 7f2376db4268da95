"""Rich text that reaches the database is whitelisted: pasted or posted HTML cannot run scripts."""

import nh3

# Wagtail's stored rich-text format: <a linktype="page" id="3">, <embed embedtype="image" …/>.
_TAGS = {"p", "br", "b", "i", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4", "embed"}
_ATTRIBUTES = {
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
}


def sanitize_rich_text(html: str) -> str:
    """Keep only the tags and attributes Wagtail's editor produces; drop scripts and handlers."""
    return nh3.clean(
        html or "",
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=True,
    )
