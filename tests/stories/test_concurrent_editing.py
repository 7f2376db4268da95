"""Two editors on one story, over HTTP as their browsers do it: both open the edit form, A
saves, then B saves. B is told, nothing of A's is overwritten, and B's text is still in the
form; the editing-session ping (Wagtail's "someone saved a new version" notice) names A."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from core import roles
from stories.models import StoryPage
from tests.admin_forms import story_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor(db) -> User:
    user = User.objects.create_user(
        "bientap2", password="mat-khau-thu", first_name="Hoa", last_name="Lê Thị"
    )
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    return user


def open_editor(user: User, story: StoryPage) -> tuple[Client, dict]:
    """Signs in and loads the edit form; returns the client and the hidden revision fields."""
    client = Client()
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content.decode())
    hidden = {
        name: tree.xpath(f'//form[@id="page-edit-form"]//input[@name="{name}"]/@value')[0]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }
    ping = tree.xpath("//form[@data-w-swap-src-value]/@data-w-swap-src-value")[0]
    return client, {**hidden, "ping_url": ping}


def save(client: Client, story: StoryPage, opened: dict, sapo: str):
    data = story_form_data(
        title=story.title,
        slug=story.slug,
        hero_image=story.hero_image_id,
        sapo=sapo,
        loaded_revision_id=opened["loaded_revision_id"],
        loaded_revision_created_at=opened["loaded_revision_created_at"],
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), data)


def latest_sapo(story: StoryPage) -> str:
    return StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object().sapo


def test_the_second_save_is_refused_and_the_first_is_kept(editor, second_editor, make_story):
    story = make_story("Người thầy thuốc của bản")
    client_a, opened_a = open_editor(editor, story)
    client_b, opened_b = open_editor(second_editor, story)

    response = save(client_a, story, opened_a, "Bản sửa của biên tập viên A.")
    assert response.status_code == 302
    assert latest_sapo(story) == "Bản sửa của biên tập viên A."

    response = save(client_b, story, opened_b, "Bản sửa của biên tập viên B.")
    assert response.status_code == 200
    page = lxml_html.fromstring(response.content.decode())
    notice = " ".join(" ".join(page.xpath("//*[@data-w-messages-target]//text()")).split())
    assert "đã lưu trang này lúc" in notice, notice
    assert "Lê Thị Hoa" in notice or "bientap" in notice, notice
    assert latest_sapo(story) == "Bản sửa của biên tập viên A."
    # B's text is still in B's form, ready to compare and, deliberately, save again.
    assert page.xpath('//textarea[@name="sapo"]/text()')[0].strip() == (
        "Bản sửa của biên tập viên B."
    )
    reloaded = {
        name: page.xpath(f'//form[@id="page-edit-form"]//input[@name="{name}"]/@value')[0]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }
    assert reloaded["loaded_revision_id"] == str(
        StoryPage.objects.get(pk=story.pk).latest_revision_id
    )
    response = save(client_b, story, reloaded, "Bản sửa của biên tập viên B.")
    assert response.status_code == 302
    assert latest_sapo(story) == "Bản sửa của biên tập viên B."
    # Both versions are in the history.
    sapos = [r.as_object().sapo for r in StoryPage.objects.get(pk=story.pk).revisions.all()]
    assert "Bản sửa của biên tập viên A." in sapos


def test_the_other_editors_ping_names_who_saved_a_newer_version(editor, second_editor, make_story):
    story = make_story("Bà mẹ Việt Nam anh hùng")
    client_a, opened_a = open_editor(editor, story)
    client_b, opened_b = open_editor(second_editor, story)
    assert save(client_a, story, opened_a, "A đã sửa đoạn dẫn.").status_code == 302

    response = client_b.post(
        opened_b["ping_url"],
        {
            "revision_id": opened_b["loaded_revision_id"],
            "revision_created_at": opened_b["loaded_revision_created_at"],
            "is_editing": "1",
        },
    )
    assert response.status_code == 200
    others = response.json()["other_sessions"]
    newer = StoryPage.objects.get(pk=story.pk).latest_revision_id
    assert any(other["revision_id"] == newer for other in others), others


def test_a_save_on_the_latest_version_goes_through(editor, make_story):
    story = make_story("Cô gái dân tộc Dao làm du lịch")
    client, opened = open_editor(editor, story)
    assert save(client, story, opened, "Lần sửa thứ nhất.").status_code == 302
    client, opened = open_editor(editor, story)
    assert save(client, story, opened, "Lần sửa thứ hai.").status_code == 302
    assert latest_sapo(story) == "Lần sửa thứ hai."


def test_the_live_preview_keeps_working_after_someone_else_saved(editor, second_editor, make_story):
    story = make_story("Người lính già giữ đèn biển")
    client_a, opened_a = open_editor(editor, story)
    client_b, opened_b = open_editor(second_editor, story)
    assert save(client_a, story, opened_a, "A đã lưu trước.").status_code == 302
    data = story_form_data(
        title=story.title,
        slug=story.slug,
        hero_image=story.hero_image_id,
        sapo="B xem trước bản của mình.",
        loaded_revision_id=opened_b["loaded_revision_id"],
        loaded_revision_created_at=opened_b["loaded_revision_created_at"],
    )
    response = client_b.post(reverse("wagtailadmin_pages:preview_on_edit", args=(story.pk,)), data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is True, response.json()
