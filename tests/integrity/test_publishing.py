"""The publishing gate over real HTTP, as the roles that meet it: the warning after saving, the
refused "Publish" button and workflow approval, the editor-in-chief's recorded override."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text, streamfield

from core import roles
from integrity.models import PublishOverride
from integrity.pages import IntegrityBlocked
from lantoa.management.commands.run_scheduler import Scheduler
from stories.models import StoryPage
from tests.admin_forms import story_form_data
from tests.admin_language import english_phrases, response_fragments

pytestmark = pytest.mark.django_db

DEFACED_BODY = (
    "<p>Theo Báo Nhà cái, Ủy ban nhân dân tỉnh FB88 vừa khen thưởng 12 tập thể.</p>"
    "<p>Vào nhà cái uy tín tại https://fb88-nhacai.example.vip để soi kèo mỗi ngày.</p>"
)
CLEAN_BODY = "<p>Mỗi sáng, cô vượt con dốc dài hai cây số tới lớp.</p>"


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def post_edit(client, story, body: str, **extra):
    data = story_form_data(
        title=story.title,
        slug=story.slug,
        hero_image=story.hero_image_id,
        body=streamfield([("paragraph", rich_text(body))]),
        **extra,
    )
    return client.post(edit_url(story), data)


def messages_of(client, url: str) -> list[str]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [" ".join(item.get_text(" ").split()) for item in soup.select(".messages li")]


def workflow_action_url(page, action: str) -> str:
    state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))


def test_only_the_editor_in_chief_may_override():
    holders = set(
        Group.objects.filter(permissions__codename="override_integrity").values_list(
            "name", flat=True
        )
    )
    assert holders == {roles.EDITOR_IN_CHIEF}
    assert Permission.objects.filter(codename="override_integrity").exists()


def test_saving_a_defaced_draft_warns_and_keeps_it(client, editor, make_story):
    story = make_story("Tin khen thưởng", live=False)
    client.force_login(editor)
    response = post_edit(client, story, DEFACED_BODY)
    assert response.status_code == 302
    stored = StoryPage.objects.get(pk=story.pk).latest_revision.as_object()
    assert "Báo Nhà cái" in stored.body.raw_data[0]["value"]
    warning = next(m for m in messages_of(client, edit_url(story)) if "kiểm tra" in m)
    assert "Báo Nhà cái" in warning
    assert "fb88-nhacai.example.vip" in warning


def test_saving_a_clean_draft_gives_no_warning(client, editor, make_story):
    story = make_story("Tin sạch", live=False)
    client.force_login(editor)
    post_edit(client, story, CLEAN_BODY)
    assert not [m for m in messages_of(client, edit_url(story)) if "kiểm tra" in m]


def test_publish_button_refuses_a_defaced_story(client, editor_in_chief, make_story):
    story = make_story("Tin bị chèn", live=False)
    client.force_login(editor_in_chief)
    response = post_edit(client, story, DEFACED_BODY, **{"action-publish": "1"})
    assert response.status_code == 302 and response["Location"] == edit_url(story)
    story = StoryPage.objects.get(pk=story.pk)
    assert not story.live
    assert "Báo Nhà cái" in story.latest_revision.as_object().body.raw_data[0]["value"]
    refusal = next(m for m in messages_of(client, edit_url(story)) if "không được xuất bản" in m)
    assert "Báo Nhà cái" in refusal
    assert "Xuất bản kèm lý do" in refusal  # the editor-in-chief's way on


def test_publish_button_publishes_a_clean_story(client, editor_in_chief, make_story):
    story = make_story("Tin sạch sẽ", live=False)
    client.force_login(editor_in_chief)
    post_edit(client, story, CLEAN_BODY, **{"action-publish": "1"})
    assert StoryPage.objects.get(pk=story.pk).live


def _submitted_defaced_story(client, journalist, editor, make_story):
    story = make_story("Tin qua quy trình", live=False)
    client.force_login(journalist)
    post_edit(client, story, DEFACED_BODY, **{"action-submit": "1"})
    story = StoryPage.objects.get(pk=story.pk)
    assert story.workflow_in_progress
    client.force_login(editor)
    client.post(workflow_action_url(story, "approve"), {"comment": ""})
    story = StoryPage.objects.get(pk=story.pk)
    assert story.current_workflow_task.name == roles.APPROVAL_TASK
    return story


def test_workflow_approval_is_refused_then_overridden_with_a_reason(
    client, journalist, editor, editor_in_chief, make_story
):
    story = _submitted_defaced_story(client, journalist, editor, make_story)

    client.force_login(editor_in_chief)
    response = client.post(workflow_action_url(story, "approve"), {"comment": ""})
    assert response.status_code == 302 and response["Location"] == edit_url(story)
    story = StoryPage.objects.get(pk=story.pk)
    assert not story.live
    # The approval was rolled back: the step still waits for the editor-in-chief.
    assert story.workflow_in_progress
    assert story.current_workflow_task.name == roles.APPROVAL_TASK
    assert any("không được xuất bản" in m for m in messages_of(client, edit_url(story)))

    # The editor may not override.
    override_url = reverse("integrity_override", args=(story.pk,))
    client.force_login(editor)
    assert client.get(override_url).status_code in (302, 403)
    assert client.post(override_url, {"reason": "Tôi muốn đăng bài này"}).status_code in (302, 403)
    assert not StoryPage.objects.get(pk=story.pk).live

    client.force_login(editor_in_chief)
    page = client.get(override_url)
    assert page.status_code == 200
    rows = BeautifulSoup(page.content, "html.parser").select("tr.integrity-finding")
    assert any("Báo Nhà cái" in row.get_text() for row in rows)
    assert not english_phrases(list(response_fragments(page.content, page["Content-Type"])))

    # No reason: refused in Vietnamese, nothing recorded, nothing published.
    refused = client.post(override_url, {"reason": ""})
    assert refused.status_code == 200
    assert "Hãy ghi lý do" in refused.content.decode()
    assert not PublishOverride.objects.exists()
    assert not StoryPage.objects.get(pk=story.pk).live

    reason = "Bài phản ánh vụ thay tên báo, cần đăng nguyên văn để bạn đọc cảnh giác."
    response = client.post(override_url, {"reason": reason})
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live
    assert not story.workflow_in_progress
    override = PublishOverride.objects.get()
    assert override.page_id == story.pk
    assert override.user == editor_in_chief
    assert override.reason == reason
    assert {item["rule"] for item in override.findings} >= {"replaced_name", "unknown_link"}
    assert override.created_at is not None

    # Later edits with the same findings publish; a new finding needs a new override.
    post_edit(client, story, DEFACED_BODY + "<p>Thêm một câu.</p>", **{"action-publish": "1"})
    story = StoryPage.objects.get(pk=story.pk)
    assert "Thêm một câu" in story.body.raw_data[0]["value"]
    post_edit(client, story, DEFACED_BODY + "<p>Chơi tài xỉu nhé.</p>", **{"action-publish": "1"})
    story = StoryPage.objects.get(pk=story.pk)
    assert "tài xỉu" not in story.body.raw_data[0]["value"]
    assert story.has_unpublished_changes


def test_every_other_publishing_path_is_gated(make_story):
    story = make_story("Tin hẹn giờ", live=False)
    story.body = [("paragraph", DEFACED_BODY)]
    revision = story.save_revision()
    with pytest.raises(IntegrityBlocked):
        revision.publish()
    # Scheduled publishing: the scheduler counts it as failed and the page stays a draft.
    revision.approved_go_live_at = timezone.now() - timezone.timedelta(minutes=1)
    revision.save()
    done, failed = Scheduler().publish_due(timezone.now())
    assert (done, failed) == (0, 1)
    assert not StoryPage.objects.get(pk=story.pk).live


def test_override_form_speaks_vietnamese_and_editors_see_no_link(
    client, editor, editor_in_chief, make_story
):
    story = make_story("Tin bị chèn liên kết", live=False)
    client.force_login(editor)
    post_edit(client, story, DEFACED_BODY, **{"action-submit": "1"})
    # Editors cannot publish at all; an editor's warning carries no override link.
    texts = messages_of(client, edit_url(story))
    assert any("kiểm tra" in m for m in texts)
    assert not any("Xuất bản kèm lý do" in m for m in texts)


def test_an_ordinary_outside_link_warns_but_publishes(client, editor_in_chief, make_story):
    story = make_story("Tin có liên kết ngoài", live=False)
    client.force_login(editor_in_chief)
    body = '<p>Xem thêm <a href="https://nongnghiep.example.com/lua">bài về lúa</a>.</p>'
    post_edit(client, story, body, **{"action-publish": "1"})
    assert StoryPage.objects.get(pk=story.pk).live
    warning = next(m for m in messages_of(client, edit_url(story)) if "danh sách tin cậy" in m)
    assert "nongnghiep.example.com" in warning
