"""Names in Vietnamese order where people read lists: the exemplar directory and its filter,
the admin listings of authors, localities, outlets and participations (sorted by a click on the
column too), the author chooser, and the campaign page."""

from datetime import date

import lxml.html
import pytest
from django.urls import reverse

from campaigns.models import ExemplarPage, Participation
from core.models import Locality
from stories.models import Author
from syndication.models import Outlet
from tests.campaigns.conftest import join
from tests.vietnamese.test_collation import AUDIT, AUDIT_ORDER

pytestmark = pytest.mark.django_db


def texts(html: str, xpath: str) -> list[str]:
    nodes = lxml.html.fromstring(html).xpath(xpath)
    return [" ".join(node.text_content().split()) for node in nodes]


def listing_titles(html: str) -> list[str]:
    """The title cell of each row of a Wagtail listing, as the officer reads it."""
    return texts(
        html,
        "//table[contains(@class, 'listing')]/tbody/tr/td[contains(@class, 'title')]"
        "/div[contains(@class, 'title-wrapper')]",
    )


def only(names: list[str], wanted: list[str]) -> list[str]:
    return [name for name in names if name in wanted]


@pytest.fixture
def exemplars(exemplar_index):
    pages = []
    for title in AUDIT:
        page = ExemplarPage(title=title, kind="individual", field="economy")
        exemplar_index.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def test_exemplar_directory(client, exemplar_index, exemplars):
    html = client.get(exemplar_index.url).content.decode()
    assert texts(html, "//h2[@class='exemplar-card__name']") == AUDIT_ORDER


@pytest.mark.parametrize(
    ("query", "expected"), [({}, AUDIT_ORDER), ({"ordering": "-title"}, AUDIT_ORDER[::-1])]
)
def test_admin_explorer_lists_exemplars_by_name(
    client, campaign_officer, exemplar_index, exemplars, query, expected
):
    client.force_login(campaign_officer)
    response = client.get(reverse("wagtailadmin_explore", args=[exemplar_index.pk]), query)
    assert response.status_code == 200
    titles = texts(
        response.content.decode(),
        "//table[contains(@class, 'listing')]/tbody/tr/td[contains(@class, 'title')]"
        "//*[contains(@class, 'title-wrapper')]/a",
    )
    assert titles == expected


def test_exemplar_chooser_lists_exemplars_by_name(client, journalist, exemplar_index, exemplars):
    client.force_login(journalist)
    response = client.get(
        reverse("wagtailadmin_choose_page"),
        {"page_type": "campaigns.exemplarpage", "multiple": "1"},
    )
    assert response.status_code == 200
    html = response.json()["html"]
    titles = texts(html, "//table/tbody/tr/td[contains(@class, 'title')]")
    assert only(titles, AUDIT) == AUDIT_ORDER


def test_directory_locality_filter_lists_places_in_order(client, exemplar_index):
    province = Locality.objects.create(name="Tỉnh Sơn Hà", level="province")
    for name in ["Yên Trạch", "Đông Lũy", "Ân Thi", "Tân Lâm"]:
        Locality.objects.create(name=name, level="district", parent=province)
    html = client.get(exemplar_index.url).content.decode()
    options = texts(html, "//select[@name='locality']/option")
    districts = [o.split(",")[0] for o in options if o.endswith(", Tỉnh Sơn Hà")]
    assert districts == ["Ân Thi", "Đông Lũy", "Tân Lâm", "Yên Trạch"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [({}, AUDIT_ORDER), ({"ordering": "name"}, AUDIT_ORDER), ({"ordering": "-name"}, None)],
)
def test_author_listing(client, journalist, query, expected):
    Author.objects.bulk_create(
        [Author(name=name, slug=f"tac-gia-{i}") for i, name in enumerate(AUDIT)]
    )  # bulk_create skips save(), which fills the slug
    client.force_login(journalist)
    response = client.get(reverse("wagtailsnippets_stories_author:list"), query)
    assert response.status_code == 200
    assert listing_titles(response.content.decode()) == (expected or AUDIT_ORDER[::-1])


def test_author_chooser_and_its_search(client, journalist):
    for name in [*AUDIT, "Trần Thị Tổ"]:
        Author.objects.create(name=name)  # indexed for the admin search
    client.force_login(journalist)
    chooser = reverse("wagtailsnippetchoosers_stories_author:choose")
    html = client.get(chooser).json()["html"]
    assert only(texts(html, "//table//tbody/tr/td[1]//a"), AUDIT) == AUDIT_ORDER
    results = reverse("wagtailsnippetchoosers_stories_author:choose_results")
    found = client.get(results, {"q": "Trần"})
    assert found.status_code == 200
    assert "Trần Thị Tổ" in texts(found.content.decode(), "//table//tbody/tr/td[1]//a")
    listed = client.get(reverse("wagtailsnippets_stories_author:list"), {"q": "Trần"})
    assert "Trần Thị Tổ" in listing_titles(listed.content.decode())


def test_locality_listing(client, campaign_officer):
    province = Locality.objects.create(name="Tỉnh Sơn Hà", level="province")
    for name in AUDIT:
        Locality.objects.create(name=name, level="commune", parent=province)
    client.force_login(campaign_officer)
    url = reverse("wagtailsnippets_core_locality:list")
    assert only(listing_titles(client.get(url).content.decode()), AUDIT) == AUDIT_ORDER
    clicked = client.get(url, {"ordering": "-name"}).content.decode()
    assert only(listing_titles(clicked), AUDIT) == AUDIT_ORDER[::-1]


def test_outlet_listing(client, editor_in_chief):
    names = ["Đài truyền thanh xã Yên Trạch", "Báo Sơn Hà", "Đài truyền thanh xã Đông Lũy"]
    for name in [*names, "Đài Phát thanh tỉnh"]:
        Outlet.objects.create(name=name, kind="radio")
    client.force_login(editor_in_chief)
    html = client.get(reverse("wagtailsnippets_syndication_outlet:list")).content.decode()
    assert listing_titles(html) == [
        "Báo Sơn Hà",
        "Đài Phát thanh tỉnh",
        "Đài truyền thanh xã Đông Lũy",
        "Đài truyền thanh xã Yên Trạch",
    ]


def test_participations_sorted_by_exemplar(client, campaign_officer, campaign, exemplars):
    for page in exemplars:
        join(campaign, page, [(1, date(2024, 2, 1), "")])
    assert [p.exemplar.title for p in Participation.objects.select_related("exemplar")] == (
        AUDIT_ORDER
    )
    client.force_login(campaign_officer)
    url = reverse("wagtailsnippets_campaigns_participation:list")
    for query, expected in [({}, AUDIT_ORDER), ({"ordering": "-exemplar"}, AUDIT_ORDER[::-1])]:
        html = client.get(url, query).content.decode()
        assert listing_titles(html) == expected


def test_campaign_screens_and_reports_list_exemplars_in_order(
    client, campaign_officer, campaign, exemplar_index, exemplars
):
    import io

    from openpyxl import load_workbook

    for page in exemplars:
        join(campaign, page, [(1, date(2024, 2, 1), "")])
    public = client.get(exemplar_index.url + f"phong-trao/{campaign.slug}/").content.decode()
    assert texts(public, "//h3[@class='exemplar-card__name']") == AUDIT_ORDER[:6]  # featured

    client.force_login(campaign_officer)
    base = "/admin/snippets/campaigns/campaign/"
    dashboard = client.get(f"{base}dashboard/{campaign.pk}/", {"year": 2024}).content.decode()
    assert texts(dashboard, "//table[@id='publicity']/tbody/tr/td[1]") == AUDIT_ORDER
    report = f"{base}report/{campaign.pk}/"
    printed = client.get(report, {"year": 2024, "format": "html"}).content.decode()
    assert texts(printed, "//table[@id='reach']/tbody/tr/td[1]") == AUDIT_ORDER
    book = load_workbook(io.BytesIO(client.get(report, {"format": "xlsx"}).content))
    sheet = book["Điển hình theo giai đoạn"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == AUDIT_ORDER


def test_engagement_report_ties_in_vietnamese_order(client, campaign_officer, make_story, send):
    import csv
    import io

    from django.utils import timezone

    from engagement import rollups

    for number, title in enumerate(["Yến", "Ước", "Ánh", "Đào"]):
        story = make_story(title)
        send({"t": "view", "p": story.pk}, ip=f"203.0.113.{number + 1}")  # one view each
    rollups.rollup_day(timezone.localdate())
    client.force_login(campaign_officer)
    response = client.get("/admin/engagement/story/", {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert [row["Tên"] for row in csv.DictReader(io.StringIO(text))] == ["Ánh", "Đào", "Ước", "Yến"]
