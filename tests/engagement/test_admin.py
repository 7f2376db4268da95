"""The admin: dashboard panel, overview with local SVG charts, reports filtered by date range
and exported as CSV and XLSX."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from engagement import rollups
from engagement.models import Event

REPORTS = ["story", "exemplar", "column", "outlet", "referrer", "host", "search"]


@pytest.fixture
def traffic(send, make_story):
    story = make_story("Người giữ rừng ở Nậm Mơ")
    for ip in ("203.0.113.1", "203.0.113.2"):
        send({"t": "view", "p": story.pk, "r": "https://zalo.me/x"}, ip=ip)
    send({"t": "search", "q": "lúa hữu cơ", "n": 0})
    old = make_story("Bài cũ tháng trước")
    send({"t": "view", "p": old.pk}, ip="203.0.113.3")
    last_month = timezone.localdate() - timedelta(days=20)
    Event.objects.filter(page_id=old.pk).update(day=last_month)
    rollups.rollup_day(timezone.localdate())
    rollups.rollup_day(last_month)
    return story, old, last_month


def test_dashboard_panel_shows_today_and_last_seven_days(client, superuser, traffic, send):
    story, _old, _day = traffic
    send({"t": "view", "p": story.pk}, ip="203.0.113.9")  # today, not yet rolled up
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert "Tương tác bạn đọc" in html
    row = html[html.index('<th scope="row">Lượt xem</th>') :].split("</tr>")[0]
    assert "<td>3</td><td>3</td>" in row.replace(" ", "").replace("\n", "")
    assert story.title in html


def test_overview_draws_charts_locally(client, superuser, traffic):
    client.force_login(superuser)
    response = client.get("/admin/engagement/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<svg class="engagement-chart"') >= 3
    assert "Người giữ rừng ở Nậm Mơ" in html
    assert "https://" not in html.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", ""
    )


@pytest.mark.parametrize("scope", REPORTS)
def test_every_report_renders(client, superuser, traffic, scope):
    client.force_login(superuser)
    response = client.get(f"/admin/engagement/{scope}/")
    assert response.status_code == 200


def test_report_filters_by_date_range_and_exports(client, superuser, traffic):
    story, old, _last_month = traffic
    client.force_login(superuser)
    html = client.get("/admin/engagement/story/").content.decode()
    assert story.title in html and old.title in html
    today = timezone.localdate()
    week = f"?day_from={(today - timedelta(days=6)).isoformat()}&day_to={today.isoformat()}"
    html = client.get("/admin/engagement/story/" + week).content.decode()
    assert story.title in html and old.title not in html

    csv = client.get("/admin/engagement/story/" + week + "&export=csv")
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    text = b"".join(csv.streaming_content).decode("utf-8-sig")  # BOM: test_csv_exports.py
    lines = text.strip().splitlines()
    assert lines[0].startswith("Tên,Lượt xem,Người xem")
    assert lines[1].startswith(f"{story.title},2,2,")
    assert len(lines) == 2

    xlsx = client.get("/admin/engagement/story/" + week + "&export=xlsx")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Tên", "Lượt xem")
    assert rows[1][:3] == (story.title, 2, 2)


def test_searches_with_no_results_report(client, superuser, traffic):
    client.force_login(superuser)
    csv = client.get("/admin/engagement/search/?export=csv")
    text = b"".join(csv.streaming_content).decode("utf-8-sig")  # BOM: test_csv_exports.py
    assert "lúa hữu cơ,1,1" in text


def test_reports_need_an_admin_login(client, traffic):
    response = client.get("/admin/engagement/story/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
