"""The exemplar directory, exemplar profiles and legal documents."""

from datetime import date

import lxml.html
import pytest
from django.core.exceptions import ValidationError

from campaigns.models import ExemplarPage, LegalDocumentPage
from core.models import Locality
from stories.models import StoryExemplar

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    province = Locality.objects.create(name="Tỉnh Sơn Hà", level="province")
    district = Locality.objects.create(name="Huyện Mường Khoa", level="district", parent=province)
    commune = Locality.objects.create(name="Xã Nậm Mơ", level="commune", parent=district)
    other = Locality.objects.create(name="Huyện Bình Xuyên", level="district", parent=province)
    return {"province": province, "district": district, "commune": commune, "other": other}


@pytest.fixture
def exemplars(exemplar_index, places):
    data = [
        ("Lò Văn Pọm", "individual", "economy", places["commune"]),
        ("Hợp tác xã Chè Shan", "collective", "business", places["district"]),
        ("Gia đình bà Hà Thị Nga", "household", "family", places["other"]),
        ("Mô hình Tuyến phố xanh", "model", "residential", places["other"]),
    ]
    pages = []
    for title, kind, field, locality in data:
        page = ExemplarPage(title=title, kind=kind, field=field, locality=locality)
        exemplar_index.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def test_directory_lists_live_exemplars(client, exemplar_index, exemplars):
    hidden = ExemplarPage(title="Hồ sơ chưa duyệt", kind="individual", field="other", live=False)
    exemplar_index.add_child(instance=hidden)
    html = client.get(exemplar_index.url).content.decode()
    for page in exemplars:
        assert page.title in html
    assert "Hồ sơ chưa duyệt" not in html
    assert "4 gương điển hình" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "collective"}, {"Hợp tác xã Chè Shan"}),
        ({"field": "family"}, {"Gia đình bà Hà Thị Nga"}),
        ({"kind": "model", "field": "residential"}, {"Mô hình Tuyến phố xanh"}),
        ({"kind": "individual", "field": "family"}, set()),
    ],
)
def test_directory_filters(client, exemplar_index, exemplars, query, expected):
    html = client.get(exemplar_index.url, query).content.decode()
    shown = {page.title for page in exemplars if page.title in html}
    assert shown == expected


def test_locality_filter_includes_places_inside(client, exemplar_index, exemplars, places):
    html = client.get(exemplar_index.url, {"locality": places["district"].pk}).content.decode()
    assert "Lò Văn Pọm" in html  # a commune of the district
    assert "Hợp tác xã Chè Shan" in html
    assert "Gia đình bà Hà Thị Nga" not in html


@pytest.mark.parametrize(
    "query", [{"kind": "alien"}, {"locality": "abc"}, {"locality": "999999"}, {"page": "x"}]
)
def test_bad_filters_get_a_message_not_an_error(client, exemplar_index, exemplars, query):
    response = client.get(exemplar_index.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    if "page" not in query:
        assert 'role="alert"' in html


def test_exemplar_page_lists_its_stories(client, exemplars, make_story):
    exemplar = exemplars[0]
    about = make_story("Ông Pọm và rừng quế")
    StoryExemplar.objects.create(story=about, exemplar=exemplar)
    draft = make_story("Bản nháp về ông Pọm", live=False)
    StoryExemplar.objects.create(story=draft, exemplar=exemplar)
    make_story("Bài không liên quan")
    response = client.get(exemplar.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ông Pọm và rừng quế" in html
    assert "Bản nháp về ông Pọm" not in html
    assert "Bài không liên quan" not in html
    assert "Xã Nậm Mơ, Huyện Mường Khoa, Tỉnh Sơn Hà" in html


@pytest.fixture
def documents(document_index):
    pages = []
    for number, kind, issued, title in [
        ("60/KH-UBND", "plan", date(2023, 4, 5), "Kế hoạch nhân rộng điển hình tiên tiến"),
        ("12/QĐ-UBND", "decision", date(2024, 1, 9), "Quyết định khen thưởng tập thể"),
    ]:
        page = LegalDocumentPage(
            title=title,
            number=number,
            document_type=kind,
            issuing_body="Ủy ban nhân dân tỉnh",
            signer="Nguyễn Văn An",
            issue_date=issued,
            effective_date=issued,
        )
        document_index.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def test_document_list_newest_first_and_filterable(client, document_index, documents):
    html = client.get(document_index.url).content.decode()
    assert html.index("12/QĐ-UBND") < html.index("60/KH-UBND")
    assert "05/04/2023" in html
    plans = client.get(document_index.url, {"document_type": "plan"}).content.decode()
    assert "60/KH-UBND" in plans and "12/QĐ-UBND" not in plans
    year = client.get(document_index.url, {"year": "2024"}).content.decode()
    assert "12/QĐ-UBND" in year and "60/KH-UBND" not in year
    bad = client.get(document_index.url, {"year": "năm ngoái"})
    assert bad.status_code == 200


def test_document_detail_shows_its_facts(client, documents):
    html = client.get(documents[0].url).content.decode()
    for text in ("60/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh", "Nguyễn Văn An", "05/04/2023"):
        assert text in html


def test_effective_date_cannot_precede_issue_date(document_index):
    page = LegalDocumentPage(
        title="Văn bản sai ngày",
        number="1/KH",
        document_type="plan",
        issuing_body="UBND tỉnh",
        issue_date=date(2024, 5, 1),
        effective_date=date(2024, 4, 1),
        live=True,
    )
    with pytest.raises(ValidationError) as error:
        document_index.add_child(instance=page)
    assert "Ngày có hiệu lực không thể trước ngày ban hành" in str(error.value)


def test_campaign_officer_publishes_exemplars_but_not_stories(
    campaign_officer, exemplar_index, exemplars, make_story
):
    story = make_story("Bài của tòa soạn")
    assert exemplars[0].permissions_for_user(campaign_officer).can_publish()
    assert exemplar_index.permissions_for_user(campaign_officer).can_add_subpage()
    assert not story.permissions_for_user(campaign_officer).can_publish()
    assert not story.permissions_for_user(campaign_officer).can_edit()


def test_directory_queries_do_not_grow_with_exemplars(client, exemplar_index, places):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_directory() -> int:
        client.get(exemplar_index.url)  # warm renditions and caches
        with CaptureQueriesContext(connection) as context:
            assert client.get(exemplar_index.url).status_code == 200
        return len(context)

    def add_exemplars(count: int, start: int) -> None:
        for number in range(start, start + count):
            page = ExemplarPage(
                title=f"Điển hình số {number}",
                kind="individual",
                field="economy",
                locality=places["commune"],
            )
            exemplar_index.add_child(instance=page)
            page.save_revision().publish()

    add_exemplars(2, 1)
    few = queries_for_directory()
    add_exemplars(10, 3)
    assert queries_for_directory() == few


def test_home_links_to_the_exemplar_directory_while_it_is_live(client, exemplar_index):
    """The home page (lantoa) learns of the directory through the home_page_context hook."""
    link = "//section[@aria-labelledby='exemplar-heading']//a/@href"
    assert lxml.html.fromstring(client.get("/").content).xpath(link) == [exemplar_index.url]
    exemplar_index.unpublish()
    assert lxml.html.fromstring(client.get("/").content).xpath(link) == []
