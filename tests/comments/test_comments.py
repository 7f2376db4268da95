"""Readers' comments over real HTTP: the form read from the (cached) story page, posted as a
browser posts it, moderated by editors, shown escaped, counted without a query per card."""

import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import reset_queries
from django.test import Client

from comments.models import Comment, CommentStatus
from core.cache import site_changed
from core.comment_modes import CommentMode
from core.models import SiteSettings
from tests.admin_language import english_phrases, response_fragments

from .conftest import reader_form

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def send(client, story, name="Chị Lan", text="Bài viết rất hay, cảm ơn tòa soạn.", **extra):
    page = client.get(story.url)
    assert page.status_code == 200
    action, data = reader_form(page.content.decode())
    data.update(name=name, text=text)
    return client.post(action, data, **{**ORIGIN, **extra})


def shown_comments(client, story) -> list[str]:
    page = soup(client.get(story.url))
    return [node.get_text(" ", strip=True) for node in page.select(".comment__text")]


@pytest.fixture
def post_moderated(site):
    settings = SiteSettings.for_site(site)
    settings.comment_mode = CommentMode.POSTMODERATED
    settings.save()


def test_premoderated_comment_waits_and_the_cached_form_sets_no_cookie(client, make_story):
    story = make_story("Người giữ rừng")
    first = client.get(story.url)
    again = client.get(story.url)
    assert again["X-Page-Cache"] == "hit"  # the form is served from the page cache
    assert not first.cookies and not again.cookies
    response = send(client, story)
    assert response.status_code == 200
    assert "chờ" in soup(response).select_one(".reader-result__ok").text  # waits for approval
    comment = Comment.objects.get()
    assert (comment.status, comment.name) == (CommentStatus.PENDING, "Chị Lan")
    assert shown_comments(client, story) == []


@pytest.mark.usefixtures("post_moderated")
def test_post_moderated_comment_is_published_and_the_cached_page_follows(client, make_story):
    story = make_story("Người giữ rừng")
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    assert client.get(story.url)["X-Page-Cache"] == "hit"
    assert send(client, story, text="Một tấm gương đáng học tập.").status_code == 200
    assert Comment.objects.get().status == CommentStatus.APPROVED
    page = client.get(story.url)
    assert page["X-Page-Cache"] == "miss"  # the cached copy was retired
    assert shown_comments(client, story) == ["Một tấm gương đáng học tập."]
    assert "(1)" in soup(page).select_one("#comments-heading").text


@pytest.mark.usefixtures("post_moderated")
def test_flagged_comment_is_held_never_published(client, make_story):
    story = make_story()
    send(client, story, text="Vào nhà cái uy tín nhận thưởng")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.HELD
    assert "gambling: " in comment.hold_reason  # the integrity app's real rules
    assert shown_comments(client, story) == []


@pytest.mark.usefixtures("post_moderated")
def test_more_than_two_links_are_held(client, make_story):
    story = make_story()
    send(client, story, text="Xem https://tanlam.gov.vn/1 và http://gov.vn/2 và www.tanlam.gov.vn")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.HELD and "3" in comment.hold_reason
    send(client, story, text="Chi tiết ở https://tanlam.gov.vn/1 và www.tanlam.gov.vn")
    assert Comment.objects.filter(status=CommentStatus.APPROVED).count() == 1


def test_closed_story_shows_no_form_and_refuses(client, make_story):
    story = make_story(comment_mode=CommentMode.CLOSED)
    page = soup(client.get(story.url))
    assert page.select_one("form.reader-form") is None
    assert "đã đóng" in page.select_one(".comments__closed").text
    other = make_story("Bài khác")
    _action, data = reader_form(client.get(other.url).content.decode())
    data.update(name="A", text="Nội dung thử")
    # A token made for another story does not open this one.
    response = client.post(f"/binh-luan/{story.pk}/gui/", data, **ORIGIN)
    assert response.status_code in (400, 403)
    assert not Comment.objects.exists()


def test_html_is_stored_as_text_and_shown_escaped(client, make_story, editor):
    story = make_story()
    send(client, story, name="<b>Kẻ xấu</b>", text='<script>alert("x")</script> <img src=x>')
    comment = Comment.objects.get()
    assert comment.text == '<script>alert("x")</script> <img src=x>'
    moderator = Client()
    moderator.force_login(editor)
    moderator.post(f"/admin/binh-luan/{comment.pk}/", {"action": "approve", "reply": ""})
    page = soup(client.get(story.url))
    text = page.select_one(".comment__text")
    assert text.find("script") is None and text.find("img") is None
    assert text.get_text(strip=True) == '<script>alert("x")</script> <img src=x>'
    assert page.select_one(".comment__name").get_text() == "<b>Kẻ xấu</b>"


def _form_page(response) -> tuple[str, str]:
    page = soup(response)
    error = page.select_one(".reader-result__error")
    textarea = page.select_one("form.reader-form textarea[name=text]")
    text = textarea.text.removeprefix("\r").removeprefix("\n") if textarea else ""
    return (error.get_text(strip=True).lower() if error else ""), text


def test_huge_text_is_refused_and_kept(client, make_story):
    story = make_story()
    huge = "Rất dài. " * 1000
    response = send(client, story, text=huge)
    assert response.status_code == 400
    page = soup(response)
    assert "Tối đa 2.000 ký tự" in page.select_one(".reader-form__error").text
    assert _form_page(response)[1] == huge
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"token": "giả-mạo"}, 400, "không kiểm tra được"),
        ({"token": ""}, 400, "không kiểm tra được"),
    ],
)
def test_bad_token_is_refused_and_the_text_kept(client, make_story, change, status, words):
    story = make_story()
    action, data = reader_form(client.get(story.url).content.decode())
    data.update(name="Anh Tú", text="Ý kiến của tôi", **change)
    response = client.post(action, data, **ORIGIN)
    assert response.status_code == status
    error, text = _form_page(response)
    assert words in error and text == "Ý kiến của tôi"
    assert not Comment.objects.exists()


def test_expired_token_is_refused_with_a_fresh_form(client, make_story):
    story = make_story()
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 4 * 86400):
        stale = client.get(story.url).content.decode()
    action, data = reader_form(stale)
    data.update(name="Anh Tú", text="Ý kiến của tôi")
    response = client.post(action, data, **ORIGIN)
    assert response.status_code == 400
    error, text = _form_page(response)
    assert "quá hạn" in error and text == "Ý kiến của tôi"
    _action, fresh = reader_form(response.content.decode())
    assert fresh["token"] != data["token"]
    fresh.update(name="Anh Tú", text=text)
    assert client.post(action, fresh, **ORIGIN).status_code == 200
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [{}, {"HTTP_ORIGIN": "https://trang-la.example"}, {"HTTP_REFERER": "https://x.example/a"}],
)
def test_missing_or_foreign_origin_is_refused(client, make_story, headers):
    story = make_story()
    action, data = reader_form(client.get(story.url).content.decode())
    data.update(name="Anh Tú", text="Ý kiến của tôi")
    response = client.post(action, data, **headers)
    assert response.status_code == 403
    assert "gửi lại" in _form_page(response)[0]
    assert not Comment.objects.exists()


def test_referer_of_the_site_is_enough(client, make_story):
    story = make_story()
    action, data = reader_form(client.get(story.url).content.decode())
    data.update(name="Anh Tú", text="Ý kiến của tôi")
    response = client.post(action, data, HTTP_REFERER=f"http://testserver{story.url}")
    assert response.status_code == 200 and Comment.objects.count() == 1


def test_honeypot_filled_stores_nothing(client, make_story):
    story = make_story()
    action, data = reader_form(client.get(story.url).content.decode())
    data.update(name="Anh Tú", text="Ý kiến của tôi", website="http://spam.example")
    response = client.post(action, data, **ORIGIN)
    assert response.status_code == 200
    assert not Comment.objects.exists()


def test_flood_is_stopped_with_429(client, make_story, settings):
    settings.READER_SUBMISSION_RATE_LIMIT = 3
    story = make_story()
    action, data = reader_form(client.get(story.url).content.decode())
    data.update(name="Anh Tú", text="Ý kiến của tôi")
    answers = [client.post(action, data, **ORIGIN).status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    refused = client.post(action, data, **ORIGIN)
    assert "vài phút" in _form_page(refused)[0]
    assert Comment.objects.count() == 3
    # Another reader (another browser on another address) is not stopped.
    other = client.post(action, data, REMOTE_ADDR="10.0.0.9", HTTP_USER_AGENT="Firefox", **ORIGIN)
    assert other.status_code == 200


def _queue_texts(response) -> list[str]:
    return list(response_fragments(response.content, response["Content-Type"]))


def test_editor_approves_and_replies_as_the_newsroom(client, make_story, editor):
    story = make_story()
    send(client, story, text="Xin hỏi địa chỉ của anh ấy?")
    comment = Comment.objects.get()
    moderator = Client()
    moderator.force_login(editor)
    queue = moderator.get("/admin/binh-luan/")
    assert queue.status_code == 200
    assert not english_phrases(_queue_texts(queue))
    rows = soup(queue).select("tr[data-comment]")
    assert [row["data-comment"] for row in rows] == [str(comment.pk)]
    response = moderator.post(
        f"/admin/binh-luan/{comment.pk}/",
        {"action": "approve", "reply": "Anh ở thôn Nà Pồng, xã Nậm Mơ."},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.replied_by == editor
    page = soup(client.get(story.url))
    reply = page.select_one(".comment__reply")
    assert reply.select_one(".comment__reply-label").text.strip() == "Tòa soạn trả lời"
    assert "Nà Pồng" in reply.select_one(".comment__reply-text").text
    assert soup(moderator.get("/admin/binh-luan/")).select("tr[data-comment]") == []


def test_editor_in_chief_rejects_a_published_comment(client, make_story, editor_in_chief):
    story = make_story(comment_mode=CommentMode.POSTMODERATED)
    send(client, story, text="Ý kiến đã đăng")
    assert shown_comments(client, story) == ["Ý kiến đã đăng"]
    moderator = Client()
    moderator.force_login(editor_in_chief)
    comment = Comment.objects.get()
    moderator.post(f"/admin/binh-luan/{comment.pk}/", {"action": "reject", "reply": ""})
    assert Comment.objects.get().status == CommentStatus.REJECTED
    assert shown_comments(client, story) == []


def test_journalist_cannot_moderate(client, make_story, journalist):
    story = make_story()
    send(client, story)
    comment = Comment.objects.get()
    reporter = Client()
    reporter.force_login(journalist)
    assert reporter.get("/admin/binh-luan/").status_code in (302, 403)
    reporter.post(f"/admin/binh-luan/{comment.pk}/", {"action": "approve", "reply": ""})
    assert Comment.objects.get().status == CommentStatus.PENDING


@pytest.mark.usefixtures("no_page_cache")
def test_counts_on_cards_cost_no_query_per_card(
    client, make_story, column, django_assert_num_queries, django_assert_max_num_queries
):
    stories = [make_story(f"Bài số {n}") for n in range(4)]
    for count, story in enumerate(stories):
        for n in range(count):
            Comment.objects.create(story=story, name="A", text=f"Ý kiến {n}", status="approved")
    Comment.objects.create(story=stories[0], name="B", text="Chờ duyệt", status="pending")
    client.get(column.url)  # warm renditions

    def counts() -> dict[str, str]:
        page = soup(client.get(column.url))
        found = {}
        for card in page.select(".story-card"):
            label = card.select_one(".story-card__comments")
            found[card.select_one(".story-card__title").text.strip()] = (
                label.text.strip() if label else ""
            )
        return found

    site_changed()  # both measurements render afresh (nothing kept from the warm-up)
    reset_queries()
    with django_assert_max_num_queries(40) as few:
        assert counts() == {
            "Bài số 3": "· 3 bình luận",
            "Bài số 2": "· 2 bình luận",
            "Bài số 1": "· 1 bình luận",
            "Bài số 0": "",
        }
    first_render = len(few.captured_queries)  # read now: the log is cleared below
    for n in range(4, 10):
        story = make_story(f"Bài số {n}")
        Comment.objects.create(story=story, name="A", text="Ý kiến", status="approved")
    client.get(column.url)
    site_changed()
    reset_queries()
    with django_assert_num_queries(first_render):
        assert len(counts()) == 10


@pytest.mark.usefixtures("post_moderated")
def test_a_link_to_an_unknown_outside_site_is_held_by_the_integrity_rules(client, make_story):
    story = make_story()
    send(client, story, text="Mời xem thêm tại https://trang-la.example/bai-viet")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.HELD
    assert "unknown_link" in comment.hold_reason
    assert shown_comments(client, story) == []
