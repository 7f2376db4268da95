"""Standards-clean pages (issue 17): every public page type parsed as browsers, assistive
technology, search engines and link previews read it — landmarks and headings, Open Graph and
Twitter tags, schema.org JSON-LD and breadcrumbs, canonical links — and the sitemap, robots.txt
and favicon as crawlers fetch them."""

from __future__ import annotations

import io
import itertools
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import lxml.html
import pytest
from django.core.files.base import ContentFile
from lxml import etree
from PIL import Image
from wagtail.documents import get_document_model

from campaigns.choices import CampaignStatus
from campaigns.models import Campaign, ExemplarPage, LegalDocumentPage, Participation
from stories.models import Author, SeriesPage, StoryAuthor
from tests.conftest import make_image

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "static"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Elements whose implicit role may carry aria-label (ARIA in HTML); a div or span may not.
NAMEABLE_WITHOUT_ROLE = {
    "a", "button", "input", "select", "textarea", "nav", "aside", "section", "form", "main",
    "header", "footer", "article", "ul", "ol", "table", "img", "dialog", "iframe", "area",
    "details", "fieldset", "figure", "meter", "progress", "output", "search", "svg", "dl",
}  # fmt: skip


@pytest.fixture
def public_site(
    make_story, column, series_index, exemplar_index, document_index, home, site
) -> dict[str, str]:
    """One of each public page type, with what their structured data draws on."""
    photo = make_image("Ảnh lớn", size=(1600, 1200))
    series = SeriesPage(title="Những người giữ lửa", hero_image=photo)
    series_index.add_child(instance=series)
    series.save_revision().publish()
    story = make_story(
        "Người giữ rừng ở Nậm Mơ",
        hero_image=photo,
        series=series,
        part_number=1,
    )
    author = Author.objects.create(name="Hoàng Lan", role="Phóng viên", organisation="Báo Lan Tỏa")
    StoryAuthor.objects.create(story=story, author=author)
    story.tags.add("Bảo vệ rừng")
    story.save_revision().publish()
    for n in range(3):
        make_story(f"Tin khác {n}", hero_image=make_image(f"Ảnh {n}", size=(1600, 900)))

    person = ExemplarPage(title="Lò Văn Pọm", kind="individual", field="economy", photo=photo)
    exemplar_index.add_child(instance=person)
    person.save_revision().publish()
    group = ExemplarPage(title="Hợp tác xã Chè Shan", kind="collective", field="economy")
    exemplar_index.add_child(instance=group)
    group.save_revision().publish()

    file = get_document_model()(title="Kế hoạch 60")
    file.file.save("ke-hoach-60.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    file.save()
    document = LegalDocumentPage(
        title="Kế hoạch phát hiện, bồi dưỡng điển hình tiên tiến",
        number="60/KH-UBND",
        document_type="plan",
        issuing_body="Ủy ban nhân dân tỉnh",
        issue_date=date(2024, 1, 5),
        document=file,
    )
    document_index.add_child(instance=document)
    document.save_revision().publish()
    campaign = Campaign.objects.create(
        title="Phong trào thi đua Dân vận khéo",
        code="12/KH-UBND",
        issuing_body="Ủy ban nhân dân tỉnh",
        start_date=date(2024, 1, 1),
        end_date=date(2025, 12, 31),
        goal="Mỗi xã một mô hình dân vận khéo.",
        status=CampaignStatus.RUNNING,
    )
    Participation.objects.create(campaign=campaign, exemplar=person)
    return {
        "home": "/",
        "column": column.url,
        "story": story.url,
        "series_index": series_index.url,
        "series": series.url,
        "tag_list": "/tu-khoa/",
        "tag": "/tu-khoa/bao-ve-rung/",
        "author": f"/tac-gia/{author.slug}/",
        "exemplar_index": exemplar_index.url,
        "exemplar": person.url,
        "collective": group.url,
        "campaign": f"{exemplar_index.url}phong-trao/{campaign.slug}/",
        "document_index": document_index.url,
        "document": document.url,
        "corrections": "/dinh-chinh/",
        "search": "/tim-kiem/?q=rung",
    }


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return lxml.html.fromstring(response.content)


def json_ld(tree) -> list[dict]:
    return [
        json.loads(script.text) for script in tree.xpath('//script[@type="application/ld+json"]')
    ]


def by_type(blocks: list[dict], kind: str) -> dict:
    (found,) = [block for block in blocks if block["@type"] == kind]
    return found


def meta(tree) -> dict[str, str]:
    found = {}
    for tag in tree.xpath("//head/meta[@property or @name]"):
        found.setdefault(tag.get("property") or tag.get("name"), tag.get("content"))
    return found


def canonical(tree) -> str | None:
    links = tree.xpath('//head/link[@rel="canonical"]/@href')
    assert len(links) <= 1
    return links[0] if links else None


ALL_KINDS = [
    "home", "column", "story", "series_index", "series", "tag_list", "tag", "author",
    "exemplar_index", "exemplar", "collective", "campaign", "document_index", "document",
    "corrections", "search",
]  # fmt: skip


def test_landmarks_names_and_headings(client, public_site):
    for kind in ALL_KINDS:
        check_landmarks_and_headings(kind, parse(client, public_site[kind]))


def check_landmarks_and_headings(kind: str, tree) -> None:
    # aria-label only where the element has a role that can be named.
    for element in tree.xpath("//body//*[@aria-label]"):
        assert element.tag in NAMEABLE_WITHOUT_ROLE or element.get("role"), (
            kind,
            element.tag,
            element.get("class"),
        )
    # No redundant landmark roles on the page's own header and footer.
    assert tree.xpath("//header[@role='banner'] | //footer[@role='contentinfo']") == []
    # Search landmarks: each named, no two with the same name.
    searches = tree.xpath("//*[@role='search'] | //search")
    names = [element.get("aria-label") for element in searches]
    assert all(names) and len(set(names)) == len(names), (kind, names)
    # One h1; headings never skip a level going down.
    levels = [
        int(h.tag[1])
        for h in tree.xpath(
            "//body//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
        )
    ]
    assert levels.count(1) == 1, (kind, levels)
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, (kind, levels)
    # A favicon to link to.
    assert tree.xpath("//head/link[@rel='icon']/@href")


def test_favicon_is_answered(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO" and icon.size[0] == icon.size[1] >= 16


def test_open_graph_twitter_and_json_ld_on_every_public_page(client, public_site):
    for kind in ALL_KINDS:
        if kind != "search":
            check_preview_and_structured_data(kind, parse(client, public_site[kind]))


def check_preview_and_structured_data(kind: str, tree) -> None:
    tags = meta(tree)
    for name in ("og:title", "og:url", "og:type", "og:site_name", "twitter:card"):
        assert tags.get(name), (kind, name)
    assert tags["og:url"].startswith("http")
    blocks = json_ld(tree)
    assert blocks, kind
    assert all(block["@context"] == "https://schema.org" for block in blocks)
    if kind != "home":
        crumbs = by_type(blocks, "BreadcrumbList")["itemListElement"]
        assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
        assert len(crumbs) >= 2 and crumbs[0]["name"] == "Trang chủ"
        assert all(urlsplit(c["item"]).scheme in ("http", "https") for c in crumbs)
        if (url := canonical(tree)) is not None:
            assert urlsplit(crumbs[-1]["item"]).path == urlsplit(url).path, kind


EXPECTED_TYPES = {
    "home": {"WebSite", "NewsMediaOrganization"},
    "column": {"CollectionPage", "BreadcrumbList"},
    "series_index": {"CollectionPage", "BreadcrumbList"},
    "series": {"CollectionPage", "BreadcrumbList"},
    "tag_list": {"CollectionPage", "BreadcrumbList"},
    "tag": {"CollectionPage", "BreadcrumbList"},
    "author": {"ProfilePage", "BreadcrumbList"},
    "exemplar_index": {"CollectionPage", "BreadcrumbList"},
    "exemplar": {"ProfilePage", "BreadcrumbList"},
    "collective": {"ProfilePage", "BreadcrumbList"},
    "campaign": {"WebPage", "BreadcrumbList"},
    "document_index": {"CollectionPage", "BreadcrumbList"},
    "document": {"DigitalDocument", "BreadcrumbList"},
    "story": {"NewsArticle", "BreadcrumbList"},
}


def test_schema_org_types_per_page(client, public_site):
    found = {
        kind: {block["@type"] for block in json_ld(parse(client, public_site[kind]))}
        for kind in EXPECTED_TYPES
    }
    assert found == EXPECTED_TYPES


def test_home_is_a_website_with_a_search_action(client, public_site):
    blocks = json_ld(parse(client, "/"))
    action = by_type(blocks, "WebSite")["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert "{search_term_string}" in template
    found = client.get(urlsplit(template.replace("{search_term_string}", "rung")).path + "?q=rung")
    assert found.status_code == 200
    assert by_type(blocks, "NewsMediaOrganization")["logo"]["width"] == 512


def test_exemplars_are_people_or_organisations(client, public_site):
    person = by_type(json_ld(parse(client, public_site["exemplar"])), "ProfilePage")["mainEntity"]
    group = by_type(json_ld(parse(client, public_site["collective"])), "ProfilePage")["mainEntity"]
    assert (person["@type"], person["name"]) == ("Person", "Lò Văn Pọm")
    assert (group["@type"], group["name"]) == ("Organization", "Hợp tác xã Chè Shan")


def test_document_names_its_file(client, public_site):
    data = by_type(json_ld(parse(client, public_site["document"])), "DigitalDocument")
    assert data["identifier"] == "60/KH-UBND"
    file_url = data["encoding"]["contentUrl"]
    assert re.search(r"/documents/\d+/ke-hoach-60\w*\.pdf$", file_url)
    assert data["encoding"]["encodingFormat"] == "application/pdf"


def test_news_article_publisher_authors_and_images(client, public_site):
    article = by_type(json_ld(parse(client, public_site["story"])), "NewsArticle")
    publisher = article["publisher"]
    assert publisher["url"].startswith("http") and publisher["name"] == "Lan Tỏa"
    logo = publisher["logo"]
    assert logo["@type"] == "ImageObject" and logo["url"].endswith(".png")
    assert (logo["width"], logo["height"]) == (512, 512)
    logo_file = Image.open(STATIC / urlsplit(logo["url"]).path.removeprefix("/static/"))
    assert logo_file.size == (logo["width"], logo["height"])  # the numbers are the file's
    (author,) = article["author"]
    assert author["name"] == "Hoàng Lan" and author["url"].startswith("http")
    # The author's own page (issue 17), not the site's home page.
    assert urlsplit(author["url"]).path == public_site["author"]
    ratios = {round(image["width"] / image["height"], 2) for image in article["image"]}
    assert ratios == {round(16 / 9, 2), round(4 / 3, 2), 1.0}
    assert all(image["url"].startswith("http") for image in article["image"])


def test_campaign_canonical_is_its_own_address(client, public_site):
    tree = parse(client, public_site["campaign"])
    url = canonical(tree)
    assert urlsplit(url).path == public_site["campaign"]
    assert meta(tree)["og:url"] == url


def test_tag_list_has_a_canonical(client, public_site):
    assert urlsplit(canonical(parse(client, "/tu-khoa/"))).path == "/tu-khoa/"


def test_search_is_noindex(client, public_site):
    tree = parse(client, public_site["search"])
    assert "noindex" in tree.xpath("//head/meta[@name='robots']/@content")[0]


def test_sitemap_covers_campaigns_and_every_tag_page(client, public_site, make_story):
    story = make_story("Bài thứ hai có từ khóa")
    story.tags.add("Nông thôn mới")
    story.save_revision().publish()
    root = etree.fromstring(client.get("/sitemap.xml").content)
    entries = {
        urlsplit(url.findtext(f"{SITEMAP_NS}loc")).path: url.findtext(f"{SITEMAP_NS}lastmod")
        for url in root.iter(f"{SITEMAP_NS}url")
    }
    assert public_site["campaign"] in entries
    assert entries["/tu-khoa/bao-ve-rung/"] and entries["/tu-khoa/nong-thon-moi/"]
    assert re.match(r"^\d{4}-\d\d-\d\d", entries["/tu-khoa/bao-ve-rung/"])
    assert "/tu-khoa/" in entries
    for kind in ("story", "document", "exemplar", "series", "author"):
        assert public_site[kind] in entries


def test_robots_lets_crawlers_fetch_published_documents(client, public_site):
    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())
    data = by_type(json_ld(parse(client, public_site["document"])), "DigitalDocument")
    assert robots.can_fetch("Googlebot", data["encoding"]["contentUrl"])
    assert robots.can_fetch("*", public_site["document"])
    assert not robots.can_fetch("*", "/admin/")


def test_card_images_offer_sizes_to_match_how_they_are_drawn(client, public_site):
    for kind, container in (("column", "card-list--wide"), ("story", "story-aside")):
        tree = parse(client, public_site[kind])
        images = tree.xpath(
            f"//*[contains(concat(' ', @class, ' '), ' {container} ')]"
            "//a[contains(@class, 'story-card__image')]/picture//img"  # libxml2 nests <source>
        )
        assert images, kind
        for img in images:
            assert img.get("sizes"), kind
            widths = sorted(
                int(candidate.split()[1].rstrip("w")) for candidate in img.get("srcset").split(",")
            )
            assert len(widths) >= 2, (kind, widths)
            # The smallest candidate is no more than twice the drawn width (a 7rem thumbnail
            # is 112 px; a wide card about 22rem).
            drawn = 112 if img.get("sizes") == "7rem" else 352
            assert widths[0] <= 2 * drawn, (kind, widths)


def test_preview_tags_are_markup_on_pages_without_structured_data(client, db):
    """A page with no JSON-LD (an error page, the presenter's script) still gets its tags as
    elements — once they were escaped into a long line of text across the top of the page."""
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    tree = lxml.html.fromstring(response.content)
    assert tree.xpath("//head/meta[@property='og:type']/@content") == ["website"]
    assert "og:type" not in tree.xpath("string(//body)")
