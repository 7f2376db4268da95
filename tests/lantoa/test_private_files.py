"""Private files stay private on the site as it runs (gunicorn, DEBUG=0, the production
settings): documents in a collection that needs a login, and campaign reports written under
/media/ the old way and moved into the private storage by `migrate`.

An anonymous reader follows every link and media source that the pages and feeds expose and
never receives a private document's bytes; the serving URL asks for a login; public documents
still download (and a CDN may cache them). The campaign report is fetched as the roles do:
anonymous, a journalist, the campaign officer (who opens the spreadsheet)."""

from __future__ import annotations

import io
import os
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
import requests
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from tests.sites import Gunicorns, ScriptProcess, copy_database, environment, manage

pytestmark = pytest.mark.slow

PASSWORD = "mat-khau-thu-rieng"
PUBLIC_PDF = b"%PDF-1.4\n% Ke hoach cong khai 60/KH-UBND\n" + b"1" * 3000 + b"\n%%EOF\n"
PRIVATE_PDF = (
    b"%PDF-1.4\n% HO SO NOI BO: danh sach de nghi khen thuong\n" + b"2" * 3000 + b"\n%%EOF\n"
)
PUBLIC_MP3 = b"ID3\x03\x00public-audio" + b"\x00" * 2000
PRIVATE_MP3 = b"ID3\x03\x00private-audio-interview" + b"\x00" * 2000

SEED = f"""
import io
from datetime import date
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image
from media_pipeline.models import Audio, LanToaImage
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from core import roles
from campaigns.models import LegalDocumentIndexPage, LegalDocumentPage
from lantoa.models import HomePage
from stories.models import ColumnIndexPage, StoryPage

Document = get_document_model()
root = Collection.get_first_root_node()
public = root.add_child(name="Văn bản công khai")
internal = root.add_child(name="Hồ sơ nội bộ")
CollectionViewRestriction.objects.create(
    collection=internal, restriction_type=CollectionViewRestriction.LOGIN
)

def document(title, collection, name, data):
    doc = Document(title=title, collection=collection)
    doc.file.save(name, ContentFile(data), save=False)
    doc.save()
    return doc

docs = {{
    "public_pdf": document("Kế hoạch 60", public, "ke-hoach-60.pdf", {PUBLIC_PDF!r}),
    "private_pdf": document("Danh sách đề nghị", internal, "de-nghi-khen.pdf", {PRIVATE_PDF!r}),
    "public_mp3": document("Bản tin", public, "ban-tin.mp3", {PUBLIC_MP3!r}),
    "private_mp3": document("Phỏng vấn thô", internal, "phong-van-tho.mp3", {PRIVATE_MP3!r}),
}}

def audio(title, collection, name, data):
    item = Audio(title=title, collection=collection, type="audio", audio_format="mp3")
    item.file.save(name, ContentFile(data), save=False)
    item.save()  # its broadcast copy fails (not real audio): the original is served
    return item

audios = {{
    "public_mp3": audio("Bản tin", public, "ban-tin.mp3", {PUBLIC_MP3!r}),
    "private_mp3": audio("Phỏng vấn thô", internal, "phong-van-tho.mp3", {PRIVATE_MP3!r}),
}}

home = HomePage.objects.get()
index = LegalDocumentIndexPage(title="Văn bản chỉ đạo")
home.add_child(instance=index)
index.save_revision().publish()
pages = []
for number, key, title in [
    ("60/KH-UBND", "public_pdf", "Kế hoạch nhân rộng điển hình"),
    ("12/BC-TĐKT", "private_pdf", "Báo cáo nội bộ đăng nhầm"),
]:
    page = LegalDocumentPage(
        title=title, number=number, document_type="plan", issuing_body="Ủy ban nhân dân tỉnh",
        issue_date=date(2026, 11, 25), document=docs[key],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    pages.append(page.url)

buffer = io.BytesIO()
Image.new("RGB", (320, 180), "#2a6f97").save(buffer, format="JPEG")
image = LanToaImage.objects.create(title="Rừng quế", file=ImageFile(buffer, name="rung-que.jpg"))
column = ColumnIndexPage(title="Gương sáng")
home.add_child(instance=column)
column.save_revision().publish()
for title, key in [("Bản tin phát thanh", "public_mp3"), ("Bài có tệp nội bộ", "private_mp3")]:
    story = StoryPage(
        title=title, sapo="Một câu chuyện về người tốt việc tốt.", hero_image=image,
        body=[("paragraph", "<p>Anh A Páo trồng 12,5 ha rừng.</p>"),
              ("audio", {{"audio": audios[key], "caption": "", "transcript": ""}})],
    )
    column.add_child(instance=story)
    story.save_revision().publish()
    pages.append(story.url)

for username, group in [("phongvien", roles.JOURNALIST), ("thidua", roles.CAMPAIGN_OFFICER)]:
    User.objects.create_user(username, password={PASSWORD!r}).groups.add(
        Group.objects.get(name=group)
    )
result = {{
    "pages": ["/", index.url, *pages, "/feeds/all.rss", "/feeds/all.atom",
              "/feeds/column/" + column.slug + ".rss"],
    "docs": {{key: {{"url": doc.url, "file": doc.file.name}} for key, doc in docs.items()}},
    "audio": {{key: {{"url": a.url, "file": a.file.name}} for key, a in audios.items()}},
}}
"""

# A report the task worker wrote before this change: on the public storage, under /media/.
OLD_REPORT = """
import io
from datetime import date
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from openpyxl import Workbook

# The models as they were at that migration (today's have columns the table lacks yet).
state = MigrationLoader(connection).project_state(("campaigns", "0009_english_msgids"))
Campaign = state.apps.get_model("campaigns", "Campaign")
CampaignReport = state.apps.get_model("campaigns", "CampaignReport")
campaign = Campaign.objects.create(slug="60-kh-ubnd",
    title="Kế hoạch nhân rộng điển hình tiên tiến", code="60/KH-UBND",
    issuing_body="Ủy ban nhân dân tỉnh", start_date=date(2026, 1, 1), end_date=date(2026, 12, 31),
)
book = Workbook()
book.active["A1"] = "Báo cáo tổng kết năm 2026"
buffer = io.BytesIO()
book.save(buffer)
name = storages["default"].save("campaign-reports/bao-cao-60-kh-ubnd-2026.xlsx",
                                ContentFile(buffer.getvalue()))
report = CampaignReport.objects.create(campaign=campaign, year=2026, half=0, status="done",
                                       progress=100)
CampaignReport.objects.filter(pk=report.pk).update(file=name)
result = {"id": report.pk, "name": name}
"""


@pytest.fixture(scope="module")
def site(request, tmp_path_factory):
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("process tests on SQLite files: run by `make test`")
    workdir = tmp_path_factory.mktemp("private-files")
    template = request.getfixturevalue("migrated_sqlite")  # not migrated just to be skipped
    database = copy_database(template, workdir / "site.sqlite3")
    env = environment(workdir, database)
    # The database as it was before the private storage: the report is written the old way.
    manage(env, "migrate", "campaigns", "0009_english_msgids", "--no-input", "-v", "0")
    script = ScriptProcess(env, workdir / "script.log")
    try:
        old_report = script.run(OLD_REPORT)
        seed = script.run(SEED)
    finally:
        script.close()
    assert (workdir / "media" / old_report["name"]).is_file()
    manage(env, "migrate", "--no-input", "-v", "0")
    servers = Gunicorns(env, workdir, count=1, workers=2)
    try:
        yield {"base": servers.bases[0], "workdir": workdir, "seed": seed, "report": old_report}
    finally:
        servers.stop()


def _get(
    site, path: str, session: requests.Session | None = None, headers: dict | None = None
) -> requests.Response:
    return (session or requests).get(
        urljoin(site["base"], path), timeout=30, allow_redirects=False, headers=headers
    )


def _directives(response: requests.Response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


def _links(base: str, response: requests.Response) -> set[str]:
    """Every same-site URL a reader's browser or feed reader would fetch from this response."""
    found: set[str] = set()
    kind = response.headers.get("Content-Type", "")
    if "xml" in kind:
        feed = feedparser.parse(response.content)
        for entry in feed.entries:
            found.update(link["href"] for link in entry.get("links", []))
            found.update(item["href"] for item in entry.get("enclosures", []))
            found.add(entry.get("link", ""))
    else:
        html = BeautifulSoup(response.text, "html.parser")
        for tag in html.select("[href], [src], [poster]"):
            found.update(tag.get(attr) for attr in ("href", "src", "poster") if tag.get(attr))
    own = urlsplit(base).netloc
    urls = set()
    for link in found:
        if not link:
            continue
        url = urljoin(base + "/", link)
        parts = urlsplit(url)
        if parts.scheme in {"http", "https"} and parts.netloc in {own, "localhost", "127.0.0.1"}:
            urls.add(parts._replace(netloc=own, scheme="http").geturl())
    return urls


def _login(site, username: str) -> requests.Session:
    session = requests.Session()
    login = site["base"] + "/admin/login/"
    form = session.get(login, timeout=30)
    token = BeautifulSoup(form.text, "html.parser").select_one("input[name=csrfmiddlewaretoken]")
    response = session.post(
        login,
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token["value"]},
        headers={"Referer": login},
        timeout=30,
    )
    assert response.url.rstrip("/").endswith("/admin"), response.url
    return session


def test_no_link_on_pages_or_feeds_gives_an_anonymous_reader_a_private_document(site):
    fetched, links = 0, set()
    for path in site["seed"]["pages"]:
        response = _get(site, path)
        assert response.status_code == 200, (path, response.status_code)
        links |= _links(site["base"], response)
    docs = site["seed"]["docs"]
    # The pages do link every document and recording, the private ones included (published
    # by mistake); the stories' recordings are the audio library's now.
    linked = [docs["public_pdf"], docs["private_pdf"], *site["seed"]["audio"].values()]
    assert {site["base"] + item["url"] for item in linked} <= links
    for url in sorted(links):
        response = requests.get(url, timeout=30)  # redirects followed, as a reader's would be
        fetched += 1
        assert PRIVATE_PDF not in response.content and PRIVATE_MP3 not in response.content, url
    assert fetched > 10


def test_private_documents_ask_for_a_login_and_are_never_cached(site):
    for key in ("private_pdf", "private_mp3"):
        url = site["seed"]["docs"][key]["url"]
        response = _get(site, url)
        assert response.status_code == 302
        assert {"private", "no-store"} <= _directives(response)
        # Wagtail's login for private pages and documents, which comes back to the file.
        login = _get(site, response.headers["Location"])
        assert login.status_code == 200
        form = BeautifulSoup(login.text, "html.parser").select_one("form[method=post]")
        assert form.select_one("input[type=password]") is not None
        assert form.select_one("input[name=next]")["value"] == url


def test_a_signed_in_member_of_staff_gets_the_private_document(site):
    session = _login(site, "phongvien")
    response = _get(site, site["seed"]["docs"]["private_pdf"]["url"], session)
    assert response.status_code == 200 and response.content == PRIVATE_PDF
    assert {"private", "no-store"} <= _directives(response)


def test_public_documents_still_download_and_may_be_cached(site):
    for key, data in (("public_pdf", PUBLIC_PDF), ("public_mp3", PUBLIC_MP3)):
        response = _get(site, site["seed"]["docs"][key]["url"])
        assert response.status_code == 200, key
        assert response.content == data
        assert {"public", "max-age=3600"} <= _directives(response)
        assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "kind,key",
    [
        ("docs", "public_pdf"),
        ("docs", "private_pdf"),
        ("docs", "private_mp3"),
        ("audio", "public_mp3"),
        ("audio", "private_mp3"),
    ],
)
def test_no_document_file_is_served_from_media(site, kind, key):
    name = site["seed"][kind][key]["file"]
    assert (site["workdir"] / "media" / name).is_file()  # it is there on disk …
    folder, filename = name.split("/", 1)
    for path in (
        f"/media/{name}",
        f"/media/./{name}",
        f"/media/images/../{name}",
        f"/media/{folder.upper()}/{filename}",
        f"/media//{name}",
    ):
        response = _get(site, path)
        assert response.status_code == 404, path  # … but not at a URL
        assert response.content.find(b"%PDF") == -1 and b"ID3" not in response.content


def test_recordings_follow_their_collection(site):
    audio = site["seed"]["audio"]
    private = _get(site, audio["private_mp3"]["url"])
    assert private.status_code == 404 and PRIVATE_MP3 not in private.content
    public = _get(site, audio["public_mp3"]["url"], headers={"Range": "bytes=0-9"})
    assert public.status_code == 206 and public.content == PUBLIC_MP3[:10]
    session = _login(site, "phongvien")
    staff = _get(site, audio["private_mp3"]["url"], session)
    assert staff.status_code == 200 and staff.content == PRIVATE_MP3
    assert {"private", "no-store"} <= _directives(staff)


def test_public_images_are_still_served_from_media(site):
    photo = site["workdir"] / "media" / "original_images" / "ruong-bac-thang.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo anyone may see")
    response = _get(site, "/media/original_images/ruong-bac-thang.jpg")
    assert response.status_code == 200 and response.content == photo.read_bytes()


def test_the_old_report_moved_to_private_storage_and_its_old_url_is_gone(site):
    name = site["report"]["name"]
    assert not (site["workdir"] / "media" / name).exists()
    moved = site["workdir"] / "private" / name
    assert moved.is_file()
    assert moved.stat().st_mode & 0o077 == 0  # readable by the site's user only
    assert _get(site, f"/media/{name}").status_code == 404


def _download_path(site) -> str:
    return f"/admin/snippets/campaigns/campaign/reports/{site['report']['id']}/download/"


def test_anonymous_download_of_a_report_goes_to_the_login(site):
    response = _get(site, _download_path(site))
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/admin/login/" and _download_path(site) in requests.utils.unquote(
        location.query
    )


def test_a_journalist_is_refused_with_a_vietnamese_message(site):
    response = _get(site, _download_path(site), _login(site, "phongvien"))
    assert response.status_code == 403
    message = BeautifulSoup(response.text, "html.parser").select_one("[role=alert]")
    assert message.get_text(strip=True) == (
        "Chỉ cán bộ thi đua – khen thưởng và lãnh đạo biên tập được xem báo cáo phong trào."
    )
    assert b"PK\x03\x04" not in response.content


def test_the_campaign_officer_downloads_the_spreadsheet(site):
    response = _get(site, _download_path(site), _login(site, "thidua"))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "bao-cao-60-kh-ubnd-2026.xlsx" in response.headers["Content-Disposition"]
    assert {"private", "no-store"} <= _directives(response)
    book = load_workbook(io.BytesIO(response.content))
    assert book.active["A1"].value == "Báo cáo tổng kết năm 2026"
