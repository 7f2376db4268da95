"""CSV downloads open in Excel: they start with the UTF-8 byte order mark.

Checked on an engagement report (our ReportView) and on one of Wagtail's own reports, both
through Wagtail's SpreadsheetExportMixin, as the roles that pull them; the bytes are read
back the way a spreadsheet program reads them and parsed with the csv module.
"""

import asyncio
import csv
import io

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from engagement import rollups
from lantoa.spreadsheets import BOM, ExcelCsvMiddleware
from tests.admin_login import signed_in

pytestmark = pytest.mark.django_db


def downloaded(response) -> bytes:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    return b"".join(response.streaming_content) if response.streaming else response.content


def rows(data: bytes) -> list[list[str]]:
    """What Excel shows: with the BOM it reads UTF-8; the BOM is not part of the first cell."""
    assert data.startswith(BOM), data[:20]
    assert not data[len(BOM) :].startswith(BOM), "one BOM only"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_engagement_report_csv_starts_with_a_bom(send, make_story, editor_in_chief):
    story = make_story("Người giữ rừng ở Nậm Mơ")
    for ip in ("203.0.113.1", "203.0.113.2"):
        send({"t": "view", "p": story.pk}, ip=ip)
    rollups.rollup_day(timezone.localdate())

    client = signed_in(editor_in_chief)
    table = rows(downloaded(client.get("/admin/engagement/story/", {"export": "csv"})))
    assert table[0][:3] == ["Tên", "Lượt xem", "Người xem (cộng theo ngày)"]
    assert table[1][:3] == ["Người giữ rừng ở Nậm Mơ", "2", "2"]
    assert len(table) == 2


def test_wagtails_own_reports_get_the_bom_too(make_story, editor):
    """Wagtail's locked-pages report (an editor locks pages) exports through the same mixin."""
    story = make_story("Bài đang khóa để sửa số liệu")
    story.locked, story.locked_by, story.locked_at = True, editor, timezone.now()
    story.save()
    client = signed_in(editor)
    response = client.get(reverse("wagtailadmin_reports:locked_pages"), {"export": "csv"})
    table = rows(downloaded(response))
    assert any("Bài đang khóa để sửa số liệu" in cell for row in table[1:] for cell in row)


def test_xlsx_and_pages_are_left_alone(client, make_story, editor_in_chief):
    chief = signed_in(editor_in_chief)
    xlsx = chief.get("/admin/engagement/story/", {"export": "xlsx"})
    body = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    assert body.startswith(b"PK")
    story = make_story("Bài bình thường")
    assert not client.get(story.url).content.startswith(BOM)


def _through_middleware(response):
    return ExcelCsvMiddleware(lambda request: response)(None)


@pytest.mark.parametrize("streaming", [False, True])
def test_a_csv_that_already_has_its_bom_keeps_one(streaming):
    body = BOM + "Tên,Số hộ\r\nNậm Mơ,120\r\n".encode()
    headers = {"Content-Disposition": 'attachment; filename="x.csv"'}
    response = (
        StreamingHttpResponse([body[:5], body[5:]], content_type="text/csv", headers=headers)
        if streaming
        else HttpResponse(body, content_type="text/csv", headers=headers)
    )
    assert rows(downloaded(_through_middleware(response))) == [["Tên", "Số hộ"], ["Nậm Mơ", "120"]]


def test_other_charsets_and_inline_csv_are_left_alone():
    legacy = HttpResponse(
        "Tên\r\n".encode("cp1258"),
        content_type="text/csv; charset=windows-1258",
        headers={"Content-Disposition": "attachment"},
    )
    assert not _through_middleware(legacy).content.startswith(BOM)
    inline = HttpResponse(b"a,b\r\n", content_type="text/csv")
    assert _through_middleware(inline).content == b"a,b\r\n"


def test_async_streaming_csv_gets_the_bom():
    async def chunks():
        yield "Tên\r\n".encode()
        yield "Nậm Mơ\r\n".encode()

    response = _through_middleware(
        StreamingHttpResponse(
            chunks(), content_type="text/csv", headers={"Content-Disposition": "attachment"}
        )
    )

    async def collect():
        return b"".join([chunk async for chunk in response.streaming_content])

    assert rows(asyncio.run(collect())) == [["Tên"], ["Nậm Mơ"]]


def test_an_empty_csv_download_is_still_marked_utf8():
    response = _through_middleware(
        StreamingHttpResponse(
            iter([b""]), content_type="text/csv", headers={"Content-Disposition": "attachment"}
        )
    )
    assert downloaded(response) == BOM
