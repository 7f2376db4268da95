"""Takedowns: the admin's unpublish view, the 410 notice at the old address, the public log.

The editor-in-chief signs in through the login form and unpublishes through the admin's own
unpublish view; readers' pages are fetched anonymously and parsed as HTML.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone
from lxml import html as lxml_html
from wagtail.models import Page

from core.templatetags.core_tags import vn_datetime
from stories.admin_views import unpublish_view
from stories.models import StoryCorrection, StoryPage
from stories.withdrawals import Withdrawal
from tests.admin_login import signed_in

pytestmark = pytest.mark.django_db

REASON = "Bài viết nêu sai tên người được khen thưởng; ban biên tập gỡ bài để xác minh lại."


def unpublish_url(page) -> str:
    return reverse("wagtailadmin_pages:unpublish", args=(page.pk,))


def parse(response):
    return lxml_html.fromstring(response.content.decode())


def text_of(tree, xpath: str) -> str:
    return " ".join(" ".join(node.text_content() for node in tree.xpath(xpath)).split())


def unpublish(client: Client, page, **data):
    return client.post(unpublish_url(page), {"public_reason": "", **data})


def test_wagtails_unpublish_address_leads_to_the_notice_form(editor_in_chief, make_story):
    story = make_story("Người giữ rừng ở Nậm Mơ")
    assert resolve(unpublish_url(story)).func is unpublish_view
    tree = parse(signed_in(editor_in_chief).get(unpublish_url(story)))
    form = tree.xpath(f'//form[@action="{unpublish_url(story)}"]')[0]
    assert form.xpath('.//textarea[@name="public_reason"]')
    assert form.xpath('.//input[@type="checkbox"][@name="silent"]')
    assert "Lý do gỡ bài (hiện cho độc giả)" in form.text_content()


def test_unpublished_story_answers_410_with_its_title_date_and_reason(
    client, editor_in_chief, make_story
):
    story = make_story("Người giữ rừng ở Nậm Mơ")
    old_url = story.url
    assert client.get(old_url).status_code == 200

    response = unpublish(signed_in(editor_in_chief), story, public_reason=REASON)
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live

    response = client.get(old_url)
    assert response.status_code == 410
    assert response["X-Robots-Tag"] == "noindex"
    assert "max-age=300" in response["Cache-Control"]
    tree = parse(response)
    assert text_of(tree, "//h1") == "Người giữ rừng ở Nậm Mơ"
    assert tree.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert not tree.xpath('//link[@rel="canonical"]')
    withdrawal = Withdrawal.objects.get(page=story)
    assert withdrawal.withdrawn_by == editor_in_chief and withdrawal.public_reason == REASON
    main = text_of(tree, "//main")
    assert REASON in main
    assert vn_datetime(withdrawal.withdrawn_at) in main
    assert tree.xpath('//main//a[@href="/"]')
    assert tree.xpath(f'//main//a[@href="{reverse("corrections_log")}"]')
    assert "Đính chính và gỡ bài" in text_of(tree, "//footer")

    # A mistyped address is still the ordinary 404.
    assert client.get(old_url.rstrip("/") + "-sai/").status_code == 404


def test_a_takedown_without_a_reason_says_so_plainly(client, editor_in_chief, make_story):
    story = make_story("Bài không nêu lý do gỡ")
    unpublish(signed_in(editor_in_chief), story)
    response = client.get(story.url)
    assert response.status_code == 410
    tree = parse(response)
    assert text_of(tree, "//h1") == "Bài không nêu lý do gỡ"
    assert "Lý do" not in text_of(tree, "//main//h2")


def test_silent_takedown_is_an_ordinary_404(client, editor_in_chief, make_story):
    story = make_story("Bài gỡ lặng lẽ")
    old_url = story.url
    unpublish(signed_in(editor_in_chief), story, public_reason=REASON, silent="on")
    response = client.get(old_url)
    assert response.status_code == 404
    assert "Bài gỡ lặng lẽ" not in response.content.decode()
    assert Withdrawal.objects.get(page=story).silent


def test_republishing_removes_the_notice(client, editor_in_chief, make_story):
    story = make_story("Bài được đăng lại")
    old_url = story.url
    unpublish(signed_in(editor_in_chief), story, public_reason=REASON)
    assert client.get(old_url).status_code == 410

    StoryPage.objects.get(pk=story.pk).save_revision().publish()
    assert client.get(old_url).status_code == 200
    withdrawal = Withdrawal.objects.get(page=story)
    assert withdrawal.republished_at is not None
    assert "Bài được đăng lại" not in text_of(
        parse(client.get(reverse("corrections_log"))), "//main//ol"
    )

    # Taken down a second time: a new notice, the first kept in the history.
    unpublish(signed_in(editor_in_chief), story, public_reason="Lần hai.")
    assert client.get(old_url).status_code == 410
    assert Withdrawal.objects.filter(page=story).count() == 2


def test_journalist_cannot_take_a_story_down_or_change_the_notice(
    client, journalist, editor_in_chief, make_story
):
    story = make_story("Bài của phóng viên")
    reporter = signed_in(journalist)
    response = unpublish(reporter, story, public_reason="Phóng viên tự gỡ", silent="on")
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    story.refresh_from_db()
    assert story.live and not Withdrawal.objects.exists()

    unpublish(signed_in(editor_in_chief), story, public_reason=REASON)
    withdrawal = Withdrawal.objects.get()
    edit_url = reverse("wagtailsnippets_stories_withdrawal:edit", args=(withdrawal.pk,))
    response = reporter.post(edit_url, {"public_reason": "Sửa bởi phóng viên", "silent": "on"})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    withdrawal.refresh_from_db()
    assert withdrawal.public_reason == REASON and not withdrawal.silent
    assert reporter.get(reverse("wagtailsnippets_stories_withdrawal:list")).status_code == 302


def test_editor_in_chief_changes_the_notice_later_in_the_admin(client, editor_in_chief, make_story):
    story = make_story("Bài sẽ đổi lý do")
    chief = signed_in(editor_in_chief)
    unpublish(chief, story)
    withdrawal = Withdrawal.objects.get()
    listing = parse(chief.get(reverse("wagtailsnippets_stories_withdrawal:list")))
    assert "Bài sẽ đổi lý do" in listing.text_content()
    edit_url = reverse("wagtailsnippets_stories_withdrawal:edit", args=(withdrawal.pk,))
    assert chief.get(edit_url).status_code == 200
    response = chief.post(edit_url, {"public_reason": "Lý do đã bổ sung.", "silent": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Lý do đã bổ sung." in text_of(parse(client.get(story.url)), "//main")

    response = chief.post(edit_url, {"public_reason": "Lý do đã bổ sung.", "silent": "on"})
    assert response.status_code == 302
    assert client.get(story.url).status_code == 404


def test_too_long_a_reason_is_refused_in_vietnamese_and_changes_nothing(
    client, editor_in_chief, make_story
):
    story = make_story("Bài chưa gỡ được")
    response = unpublish(signed_in(editor_in_chief), story, public_reason="dài " * 400)
    assert response.status_code == 200
    tree = parse(response)
    assert "Lý do gỡ bài dài tối đa 1000 ký tự" in tree.text_content()
    typed = tree.xpath('//textarea[@name="public_reason"]')[0].text_content()
    assert typed.strip() == ("dài " * 400).strip(), "what was typed is kept"
    story.refresh_from_db()
    assert story.live and client.get(story.url).status_code == 200
    assert not Withdrawal.objects.exists()


def test_moved_renamed_and_deleted_stories_keep_their_notice(
    client, editor_in_chief, make_story, column
):
    story = make_story("Bài sẽ đổi tên")
    old_url = story.url
    unpublish(signed_in(editor_in_chief), story, public_reason=REASON)

    renamed = StoryPage.objects.get(pk=story.pk)
    renamed.slug = "ten-moi-cua-bai"
    renamed.save_revision()  # a draft: the renamed page is not live
    renamed.save()
    renamed.refresh_from_db()
    assert renamed.url != old_url
    assert client.get(old_url).status_code == 410
    response = client.get(renamed.url, follow=True)
    assert response.status_code == 410
    assert text_of(parse(response), "//h1") == "Bài sẽ đổi tên"

    Page.objects.get(pk=story.pk).delete()
    response = client.get(old_url)
    assert response.status_code == 410
    assert REASON in text_of(parse(response), "//main")


def test_unpublishing_elsewhere_also_leaves_a_notice(client, make_story):
    """Bulk actions and expiry dates unpublish through Wagtail too: a notice, without a reason."""
    story = make_story("Bài hết hạn")
    old_url = story.url
    story.unpublish()
    response = client.get(old_url)
    assert response.status_code == 410
    assert text_of(parse(response), "//h1") == "Bài hết hạn"


def test_unpublishing_a_section_asks_nothing_about_stories(editor_in_chief, column, make_story):
    chief = signed_in(editor_in_chief)
    tree = parse(chief.get(unpublish_url(column)))
    assert not tree.xpath('//textarea[@name="public_reason"]')
    assert chief.post(unpublish_url(column), {"include_descendants": "on"}).status_code == 302
    column.refresh_from_db()
    assert not column.live


def test_corrections_log_lists_corrections_and_takedowns_newest_first(
    client, editor_in_chief, make_story
):
    now = timezone.now()
    corrected = make_story("Bài có đính chính")
    StoryCorrection.objects.create(
        story=corrected, corrected_at=now - timedelta(days=2), note="Sửa số hộ: 120."
    )
    StoryCorrection.objects.create(
        story=corrected, corrected_at=now - timedelta(days=1), note="Sửa tên xã: Nậm Mơ."
    )
    draft = make_story("Bản nháp có đính chính", live=False)
    StoryCorrection.objects.create(story=draft, corrected_at=now, note="Chưa công bố.")
    chief = signed_in(editor_in_chief)
    withdrawn = make_story("Bài đã gỡ có lý do")
    unpublish(chief, withdrawn, public_reason=REASON)
    silent = make_story("Bài gỡ lặng lẽ")
    unpublish(chief, silent, silent="on")

    response = client.get(reverse("corrections_log"))
    assert response.status_code == 200
    tree = parse(response)
    assert text_of(tree, "//h1") == "Đính chính và gỡ bài"
    entries = tree.xpath('//ol[@class="corrections-log"]/li')
    titles = [text_of(entry, ".//h2") for entry in entries]
    assert titles == ["Bài đã gỡ có lý do", "Bài có đính chính", "Bài có đính chính"]
    assert "Gỡ bài" in text_of(entries[0], ".") and REASON in text_of(entries[0], ".")
    assert not entries[0].xpath(".//a")
    assert "Sửa tên xã: Nậm Mơ." in text_of(entries[1], ".")
    assert "Sửa số hộ: 120." in text_of(entries[2], ".")
    assert entries[1].xpath(".//h2/a/@href") == [corrected.url]
    assert "Chưa công bố." not in tree.text_content()
    assert "Bài gỡ lặng lẽ" not in tree.text_content()


@pytest.mark.parametrize("bad", ["abc", "999", "0", "-1", "1e9", "%00", "2.5", ""])
def test_corrections_log_survives_hostile_page_numbers(client, make_story, bad):
    story = make_story("Bài có nhiều đính chính")
    now = timezone.now()
    StoryCorrection.objects.bulk_create(
        StoryCorrection(story=story, corrected_at=now - timedelta(hours=n), note=f"Lần {n}.")
        for n in range(65)
    )
    response = client.get(reverse("corrections_log"), {"page": bad})
    assert response.status_code == 200
    tree = parse(response)
    assert 1 <= len(tree.xpath('//ol[@class="corrections-log"]/li')) <= 30
    assert "Trang " in text_of(tree, '//nav[@aria-label="Phân trang"]')


def test_corrections_log_pages_hold_30_and_cost_the_same(
    client, make_story, django_assert_max_num_queries
):
    story = make_story("Bài có nhiều đính chính")
    now = timezone.now()
    StoryCorrection.objects.bulk_create(
        StoryCorrection(story=story, corrected_at=now - timedelta(hours=n), note=f"Lần {n}.")
        for n in range(65)
    )
    client.get(reverse("corrections_log"))  # warm the site's caches
    with django_assert_max_num_queries(12):
        first = parse(client.get(reverse("corrections_log")))
    notes = [text_of(e, ".//p[contains(@class, 'text')]") for e in first.xpath("//ol/li")]
    assert notes[:2] == ["Lần 0.", "Lần 1."] and len(notes) == 30
    last = parse(client.get(reverse("corrections_log"), {"page": 3}))
    assert [text_of(e, ".//p[contains(@class, 'text')]") for e in last.xpath("//ol/li")] == [
        f"Lần {n}." for n in range(60, 65)
    ]


def test_editors_see_takedowns_but_only_the_editor_in_chief_changes_them(
    editor, editor_in_chief, make_story
):
    story = make_story("Bài biên tập viên xem được")
    unpublish(signed_in(editor_in_chief), story, public_reason=REASON)
    withdrawal = Withdrawal.objects.get()
    desk = signed_in(editor)
    listing = desk.get(reverse("wagtailsnippets_stories_withdrawal:list"))
    assert listing.status_code == 200 and "Bài biên tập viên xem được" in listing.content.decode()
    edit_url = reverse("wagtailsnippets_stories_withdrawal:edit", args=(withdrawal.pk,))
    desk.post(edit_url, {"public_reason": "Biên tập viên sửa", "silent": "on"})
    withdrawal.refresh_from_db()
    assert withdrawal.public_reason == REASON and not withdrawal.silent


def test_deleting_a_live_story_in_the_admin_leaves_a_notice(client, editor_in_chief, make_story):
    story = make_story("Bài bị xóa khi đang đăng")
    old_url = story.url
    response = signed_in(editor_in_chief).post(
        reverse("wagtailadmin_pages:delete", args=(story.pk,))
    )
    assert response.status_code == 302
    assert not Page.objects.filter(pk=story.pk).exists()
    response = client.get(old_url)
    assert response.status_code == 410
    assert text_of(parse(response), "//h1") == "Bài bị xóa khi đang đăng"
    assert Withdrawal.objects.get().withdrawn_by == editor_in_chief
