"""Who may delete and move pages, tried through the real admin as the newsroom's roles.

Journalists, editors and campaign officers delete only their own drafts that were never
submitted or published; the editor-in-chief and administrators delete anything.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import ExemplarPage
from core import roles
from stories.models import ColumnIndexPage, StoryPage
from tests.conftest import _user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(db) -> User:
    return _user_in(roles.JOURNALIST, "phongvien2")


@pytest.fixture
def draft_of(make_story):
    def _draft(owner: User, title: str = "Bản nháp của đồng nghiệp") -> StoryPage:
        story = make_story(title, live=False, owner=owner)
        return story

    return _draft


def in_review(story: StoryPage, by: User) -> StoryPage:
    story.get_workflow().start(story, by)
    return StoryPage.objects.get(pk=story.pk)


def delete_through_admin(client, user: User, page: Page):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))


def bulk_delete_through_admin(client, user: User, *pages: Page):
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    query = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"{url}?{query}", {"confirm_site_name": "Lan Tỏa"})


def still_there(page: Page) -> bool:
    return Page.objects.filter(pk=page.pk).exists()


def delete_links(html: bytes, page: Page) -> list:
    url = reverse("wagtailadmin_pages:delete", args=(page.pk,))
    soup = BeautifulSoup(html, "html.parser")
    return [a for a in soup.find_all("a", href=True) if a["href"].split("?")[0] == url]


def bulk_buttons(html: bytes, action: str) -> list:
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    soup = BeautifulSoup(html, "html.parser")
    return [a for a in soup.find_all("a", href=True) if a["href"].split("?")[0] == url]


def test_editor_in_chief_is_offered_bulk_delete(
    client, editor_in_chief, journalist, draft_of, column
):
    draft_of(journalist)
    client.force_login(editor_in_chief)
    listing = client.get(reverse("wagtailadmin_explore", args=(column.pk,)))
    assert bulk_buttons(listing.content, "delete")
    assert bulk_buttons(listing.content, "move")


def test_journalist_cannot_delete_a_colleagues_draft(client, journalist, colleague, draft_of):
    story = draft_of(colleague)
    delete_through_admin(client, journalist, story)
    assert still_there(story)
    bulk_delete_through_admin(client, journalist, story)
    assert still_there(story)


def test_journalist_cannot_delete_a_story_in_review_even_her_own(client, journalist, draft_of):
    story = in_review(draft_of(journalist, "Bài đang chờ duyệt"), journalist)
    delete_through_admin(client, journalist, story)
    assert still_there(story)


def test_journalist_cannot_delete_her_draft_once_submitted_and_sent_back(
    client, journalist, draft_of
):
    story = in_review(draft_of(journalist, "Bài bị trả lại"), journalist)
    story.current_workflow_state.cancel(user=journalist)
    story = StoryPage.objects.get(pk=story.pk)
    assert not story.workflow_in_progress
    delete_through_admin(client, journalist, story)
    assert still_there(story)


def test_journalist_cannot_delete_her_unpublished_story(client, journalist, make_story):
    story = make_story("Bài đã gỡ xuống", owner=journalist)
    story.unpublish()
    delete_through_admin(client, journalist, StoryPage.objects.get(pk=story.pk))
    assert still_there(story)


def test_journalist_deletes_her_own_untouched_draft(client, journalist, draft_of):
    story = draft_of(journalist, "Bản nháp viết dở")
    response = delete_through_admin(client, journalist, story)
    assert response.status_code == 302
    assert not still_there(story)


def test_journalist_bulk_deletes_only_her_own_draft(client, journalist, colleague, draft_of):
    mine = draft_of(journalist, "Nháp của tôi")
    theirs = draft_of(colleague, "Nháp của bạn")
    bulk_delete_through_admin(client, journalist, mine, theirs)
    assert not still_there(mine)
    assert still_there(theirs)


def test_editor_cannot_delete_a_journalists_draft_or_story_in_review(
    client, editor, journalist, draft_of
):
    draft = draft_of(journalist, "Nháp phóng viên")
    review = in_review(draft_of(journalist, "Bài gửi duyệt"), journalist)
    for story in (draft, review):
        delete_through_admin(client, editor, story)
        assert still_there(story)


def test_campaign_officer_cannot_delete_a_colleagues_exemplar_profile(
    client, campaign_officer, exemplar_index
):
    colleague = _user_in(roles.CAMPAIGN_OFFICER, "thidua2")
    page = ExemplarPage(
        title="Hợp tác xã Tân Tiến", kind="collective", field="economy", owner=colleague
    )
    exemplar_index.add_child(instance=page)
    page.save_revision().publish()
    delete_through_admin(client, campaign_officer, page)
    assert still_there(page)
    assert not page.permissions_for_user(campaign_officer).can_move()


def test_editor_in_chief_deletes_drafts_stories_in_review_and_published_ones(
    client, editor_in_chief, journalist, draft_of, make_story
):
    draft = draft_of(journalist, "Nháp cần xóa")
    review = in_review(draft_of(journalist, "Bài duyệt cần xóa"), journalist)
    live = make_story("Bài đã đăng cần xóa", owner=journalist)
    for story in (draft, review, live):
        delete_through_admin(client, editor_in_chief, story)
        assert not still_there(story)


def test_journalist_moves_her_own_draft_but_not_a_colleagues(journalist, colleague, draft_of, home):
    other_column = home.add_child(instance=ColumnIndexPage(title="Chuyên mục khác"))
    theirs = draft_of(colleague, "Nháp không được chuyển")
    mine = draft_of(journalist, "Nháp được chuyển")
    # A plain Page, as the explorer lists them, gets the same answer as the story itself.
    assert not Page.objects.get(pk=theirs.pk).permissions_for_user(journalist).can_move()
    assert not theirs.permissions_for_user(journalist).can_move_to(other_column)
    assert mine.permissions_for_user(journalist).can_move_to(other_column)


def test_delete_is_offered_only_where_it_is_allowed(
    client, journalist, colleague, draft_of, column
):
    mine = draft_of(journalist, "Nháp của tôi")
    theirs = draft_of(colleague, "Nháp của bạn")
    client.force_login(journalist)
    listing = client.get(reverse("wagtailadmin_explore", args=(column.pk,)))
    assert listing.status_code == 200
    assert delete_links(listing.content, mine)
    assert not delete_links(listing.content, theirs)
    assert not bulk_buttons(listing.content, "delete")
    assert not bulk_buttons(listing.content, "move")
    edit_theirs = client.get(reverse("wagtailadmin_pages:edit", args=(theirs.pk,)))
    assert edit_theirs.status_code == 200
    assert not delete_links(edit_theirs.content, theirs)
    edit_mine = client.get(reverse("wagtailadmin_pages:edit", args=(mine.pk,)))
    assert delete_links(edit_mine.content, mine)


def test_only_the_editor_in_chief_holds_the_deletion_right(editor_in_chief):
    assert editor_in_chief.has_perm("wagtailcore.delete_page")
    for name in (roles.JOURNALIST, roles.EDITOR, roles.CAMPAIGN_OFFICER):
        assert (
            not Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="wagtailcore", codename="delete_page")
            .exists()
        )


def test_the_deletion_right_is_shown_and_kept_in_the_group_editor(client, superuser):
    from django.contrib.auth.models import Permission
    from lxml import html as lxml_html

    permission = Permission.objects.get(
        content_type__app_label="wagtailcore", codename="delete_page"
    )
    group = Group.objects.get(name=roles.EDITOR_IN_CHIEF)
    client.force_login(superuser)
    response = client.get(reverse("wagtailusers_groups:edit", args=(group.pk,)))
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content.decode())
    boxes = tree.xpath(f'//input[@name="permissions"][@value="{permission.pk}"]')
    assert boxes and boxes[0].get("checked") is not None
