"""What search engines and link previews read of a page: schema.org JSON-LD (the publisher,
breadcrumbs, images in three shapes) and the share image for Open Graph / Twitter cards.

Pages build their own JSON-LD (`structured_data(request)`, as Wagtail models declare
`search_fields`); the pieces every page shares are here. docs/output.md lists what each page
promises.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from wagtail.models import Page, Site

from .cache import remember

SCHEMA = "https://schema.org"
LOGO_PATH = "img/logo-512.png"
LOGO_SIZE = 512
# Google asks for several aspect ratios of an article's image: 16:9, 4:3 and 1:1.
IMAGE_FILTERS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
SHARE_IMAGE_FILTER = "fill-1200x630"


def absolute(request: HttpRequest | None, url: str) -> str:
    """An absolute URL for a site path (as the request reached us; SITE_BASE_URL without one)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.SITE_BASE_URL + url


def home_url(request: HttpRequest | None) -> str:
    return absolute(request, "/")


def organization(request: HttpRequest | None) -> dict:
    """The site as publisher: its name, address and logo (a square PNG we draw ourselves)."""
    from .models import SiteSettings

    data = {
        "@type": "NewsMediaOrganization",
        "@id": home_url(request) + "#organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": home_url(request),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(request, static(LOGO_PATH)),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }
    site = Site.find_for_request(request) if request is not None else None
    publisher = SiteSettings.for_site(site).publisher if site else ""
    if publisher:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": publisher}
    return data


def breadcrumbs(request: HttpRequest | None, trail: list[tuple[str, str]]) -> dict:
    """schema.org BreadcrumbList from (name, site path or URL) pairs, home first."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute(request, url)}
            for n, (name, url) in enumerate(trail, start=1)
        ],
    }


def page_trail(page: Page, request: HttpRequest | None = None) -> list[tuple[str, str]]:
    """Home → … → the page, read through the parents the router already cached (no query
    for a story under its column), stopping at the site's root page."""
    trail, node = [], page
    while node is not None and node.depth >= 2:
        trail.insert(0, (node.title, node.get_full_url(request)))
        if node.depth == 2:
            break
        node = node.get_parent()
    return trail


def image_objects(request: HttpRequest | None, image) -> list[dict]:
    """The image in 16:9, 4:3 and 1:1 (one rendition query, none when prefetched)."""
    if image is None:
        return []
    renditions = image.get_renditions(*IMAGE_FILTERS)
    return [
        {
            "@type": "ImageObject",
            "url": absolute(request, renditions[spec].url),
            "width": renditions[spec].width,
            "height": renditions[spec].height,
        }
        for spec in IMAGE_FILTERS
    ]


def _share_data(image) -> dict | None:
    """An image's 1200×630 rendition as link previews need it (the URL as storage gives it)."""
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    alt = getattr(image, "alt_text", "") or image.title
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height, "alt": alt}


def rendition_share_image(request: HttpRequest | None, image) -> dict | None:
    """A page's own image for link previews (og:image)."""
    found = _share_data(image)
    return {**found, "url": absolute(request, found["url"])} if found else None


def share_image(request: HttpRequest | None) -> dict | None:
    """The site settings' default share image for link previews, kept in the shared cache
    under the site generation: one cache lookup per page view, no query."""
    from .models import SiteSettings

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    found = remember(
        f"core:share-image:{site.pk}",
        lambda: _share_data(SiteSettings.for_site(site).default_share_image),
    )
    return {**found, "url": absolute(request, found["url"])} if found else None


def collection_page(request: HttpRequest, name: str, url: str, description: str = "") -> dict:
    """A listing (column, series list, tag, directory): schema.org CollectionPage."""
    data = {
        "@context": SCHEMA,
        "@type": "CollectionPage",
        "name": name,
        "url": absolute(request, url),
        "inLanguage": "vi",
        "isPartOf": {
            "@type": "WebSite",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": home_url(request),
        },
        "publisher": organization(request),
    }
    if description:
        data["description"] = description
    return data


def profile_page(request: HttpRequest, name: str, url: str, entity: dict) -> dict:
    """A page about one person or organisation (an exemplar, an author): schema.org ProfilePage."""
    return {
        "@context": SCHEMA,
        "@type": "ProfilePage",
        "name": name,
        "url": absolute(request, url),
        "inLanguage": "vi",
        "mainEntity": entity,
        "publisher": organization(request),
    }


def listing_structured_data(
    request: HttpRequest, name: str, url: str, trail: list[tuple[str, str]], description=""
) -> list[dict]:
    """A listing's JSON-LD: the CollectionPage and its breadcrumbs."""
    return [collection_page(request, name, url, description), breadcrumbs(request, trail)]
