"""The review-then-approve workflow, driven through the real Wagtail admin over HTTP."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import rich_text, streamfield

from core import roles
from stories.models import StoryPage
from tests.admin_forms import story_form_data

pytestmark = pytest.mark.django_db


def add_story_url(column) -> str:
    return reverse("wagtailadmin_pages:add", args=("stories", "storypage", column.pk))


def workflow_action_url(page, action: str) -> str:
    state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))


def test_groups_and_workflow_exist_after_migrate():
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow

    assert set(roles.ALL_GROUPS) <= set(Group.objects.values_list("name", flat=True))
    root = Page.objects.get(depth=1)
    workflow = root.get_workflow()
    assert workflow.name == roles.WORKFLOW_NAME
    assert [task.name for task in workflow.tasks] == [roles.REVIEW_TASK, roles.APPROVAL_TASK]
    assert list(Workflow.objects.filter(active=True)) == [workflow]  # Wagtail's sample is off


def test_journalist_cannot_publish(client, journalist, column, image):
    client.force_login(journalist)
    response = client.post(
        add_story_url(column), story_form_data(hero_image=image.pk, **{"action-publish": "1"})
    )
    story = StoryPage.objects.get(title="Cô giáo cắm bản ở xã Nậm Mơ")
    assert not story.live, "a journalist's publish attempt must not publish"
    assert story.slug == "co-giao-cam-ban-o-xa-nam-mo"
    assert response.status_code in (200, 302)
    assert not story.permissions_for_user(journalist).can_publish()
    assert client.get(f"/{column.slug}/{story.slug}/").status_code == 404


def test_journalist_cannot_publish_existing_page_through_edit_view(client, journalist, make_story):
    story = make_story("Bản nháp của phóng viên", live=False)
    client.force_login(journalist)
    client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        story_form_data(title=story.title, slug=story.slug, **{"action-publish": "1"}),
    )
    story.refresh_from_db()
    assert not story.live


def test_journalist_submits_editor_reviews_editor_in_chief_publishes(
    client, journalist, editor, editor_in_chief, column, image
):
    client.force_login(journalist)
    response = client.post(
        add_story_url(column), story_form_data(hero_image=image.pk, **{"action-submit": "1"})
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(title="Cô giáo cắm bản ở xã Nậm Mơ")
    assert story.workflow_in_progress
    assert story.current_workflow_task.name == roles.REVIEW_TASK

    # The journalist is not a reviewer: approving is refused and changes nothing.
    response = client.post(workflow_action_url(story, "approve"), {"comment": ""})
    assert response.status_code in (302, 403)
    assert StoryPage.objects.get(pk=story.pk).current_workflow_task.name == roles.REVIEW_TASK

    client.force_login(editor)
    response = client.post(
        workflow_action_url(story, "approve"), {"comment": "Đã kiểm tra số liệu"}
    )
    assert response.status_code in (200, 302)
    story = StoryPage.objects.get(pk=story.pk)
    assert story.current_workflow_task.name == roles.APPROVAL_TASK
    assert not story.live

    # An editor cannot take the editor-in-chief's step.
    response = client.post(workflow_action_url(story, "approve"), {"comment": ""})
    assert response.status_code in (302, 403)
    assert StoryPage.objects.get(pk=story.pk).current_workflow_task.name == roles.APPROVAL_TASK
    assert not StoryPage.objects.get(pk=story.pk).live

    client.force_login(editor_in_chief)
    client.post(workflow_action_url(story, "approve"), {"comment": ""})
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live
    assert not story.workflow_in_progress
    assert client.get(story.url).status_code == 200


def test_editor_sends_back_with_comment(client, journalist, editor, column, image):
    client.force_login(journalist)
    client.post(
        add_story_url(column), story_form_data(hero_image=image.pk, **{"action-submit": "1"})
    )
    story = StoryPage.objects.get(title="Cô giáo cắm bản ở xã Nậm Mơ")

    client.force_login(editor)
    client.post(
        workflow_action_url(story, "reject"),
        {"comment": "Số liệu năm 2024 cần dẫn nguồn, tránh cường điệu."},
    )
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = state.current_task_state
    assert task_state.status == "rejected"
    assert "dẫn nguồn" in task_state.get_comment()
    assert not StoryPage.objects.get(pk=story.pk).live


def test_editor_in_chief_can_publish_and_schedule(client, editor_in_chief, column, image):
    client.force_login(editor_in_chief)
    client.post(
        add_story_url(column),
        story_form_data(hero_image=image.pk, **{"action-publish": "1"}),
    )
    story = StoryPage.objects.get(title="Cô giáo cắm bản ở xã Nậm Mơ")
    assert story.live
    assert story.permissions_for_user(editor_in_chief).can_unpublish()


def test_publishing_without_hero_image_gives_clear_message_and_keeps_nothing(
    client, editor_in_chief, column
):
    client.force_login(editor_in_chief)
    response = client.post(add_story_url(column), story_form_data(**{"action-publish": "1"}))
    assert response.status_code == 200
    assert "Bài viết cần có ảnh đại diện trước khi xuất bản." in response.content.decode()
    assert not StoryPage.objects.exists()


def test_draft_without_hero_image_can_be_saved(client, journalist, column):
    client.force_login(journalist)
    response = client.post(add_story_url(column), story_form_data())
    assert response.status_code == 302
    story = StoryPage.objects.get()
    assert story.hero_image is None and not story.live


def test_over_long_title_is_refused_with_a_message(client, journalist, column):
    client.force_login(journalist)
    response = client.post(add_story_url(column), story_form_data(title="Gương sáng " * 40))
    assert response.status_code == 200
    assert "255" in response.content.decode()
    assert not StoryPage.objects.exists()


def test_hostile_rich_text_posted_to_the_editor_is_not_stored(client, journalist, make_story):
    story = make_story("Bài có mã độc", live=False)
    client.force_login(journalist)
    html = '<p>Chào<script>alert(1)</script> <a href="javascript:alert(2)">bấm</a></p>'
    client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        story_form_data(
            title=story.title,
            slug=story.slug,
            body=streamfield([("paragraph", rich_text(html))]),
        ),
    )
    revision = StoryPage.objects.get(pk=story.pk).latest_revision.as_object()
    stored = revision.body.raw_data[0]["value"]
    assert "Chào" in stored
    assert "<script" not in stored
    assert "javascript:" not in stored


def test_duplicate_slug_gets_a_clear_message(client, editor_in_chief, column, make_story):
    make_story("Điển hình tiên tiến")
    client.force_login(editor_in_chief)
    response = client.post(
        add_story_url(column),
        story_form_data(title="Điển hình tiên tiến", slug="dien-hinh-tien-tien"),
    )
    assert response.status_code == 200
    assert "dien-hinh-tien-tien" in response.content.decode()
    assert StoryPage.objects.count() == 1


def test_correction_is_published_with_history(client, editor, editor_in_chief, make_story):
    story = make_story("Bài cần đính chính")
    revisions_before = story.revisions.count()
    client.force_login(editor)
    data = story_form_data(
        title=story.title,
        slug=story.slug,
        hero_image=story.hero_image.pk,
        corrections=inline_formset_one(
            {"corrected_at": "2025-03-04 08:30", "note": "Sửa tên xã: Nậm Mơ, không phải Nậm Mờ."}
        ),
        **{"action-submit": "1"},
    )
    client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), data)
    story = StoryPage.objects.get(pk=story.pk)
    assert story.workflow_in_progress
    # Editor reviews, editor-in-chief approves; the reader sees the dated note.
    client.post(workflow_action_url(story, "approve"), {"comment": ""})
    client.force_login(editor_in_chief)
    client.post(workflow_action_url(StoryPage.objects.get(pk=story.pk), "approve"), {"comment": ""})
    client.logout()
    html = client.get(story.url).content.decode()
    assert "Đính chính" in html
    assert "Sửa tên xã: Nậm Mơ" in html
    assert "Thứ Ba, 04/03/2025, 08:30" in html
    assert story.revisions.count() > revisions_before


def inline_formset_one(item: dict) -> dict:
    from wagtail.test.utils.form_data import inline_formset

    return inline_formset([item])


def test_slug_typed_with_vietnamese_letters_is_folded(client, journalist, column):
    # What Wagtail's editor sends when it keeps the title's letters in the slug field.
    client.force_login(journalist)
    response = client.post(
        add_story_url(column),
        story_form_data(title="Điển hình ở bản Nà Ngần", slug="điển-hình-ở-bản-nà-ngần"),
    )
    assert response.status_code == 302
    assert StoryPage.objects.get().slug == "dien-hinh-o-ban-na-ngan"


def test_an_ascii_slug_chosen_by_the_editor_is_kept(client, journalist, column):
    client.force_login(journalist)
    client.post(add_story_url(column), story_form_data(slug="ban-na-ngan-2025"))
    assert StoryPage.objects.get().slug == "ban-na-ngan-2025"
