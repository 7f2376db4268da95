"""Things a story's revisions point to (authors, images, localities, tags, exemplars, related
stories, series) may be deleted; the story's edit form and publishing must still work, and an
author a story still credits cannot be deleted at all."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import streamfield

from campaigns.models import ExemplarPage
from core.models import Locality
from stories.models import (
    Author,
    SeriesPage,
    StoryAuthor,
    StoryExemplar,
    StoryPage,
    StoryRelatedLink,
    StoryTag,
)
from tests.admin_forms import story_form_data
from tests.conftest import make_image

pytestmark = pytest.mark.django_db


def author_delete_url(author: Author) -> str:
    return reverse("wagtailsnippets_stories_author:delete", args=(author.pk,))


def edit_url(story: StoryPage) -> str:
    return reverse("wagtailadmin_pages:edit", args=(story.pk,))


def draft_crediting(story: StoryPage, author: Author) -> None:
    """A draft revision (not published, so no live relation) that credits `author`."""
    story = StoryPage.objects.get(pk=story.pk)
    story.story_authors = [StoryAuthor(author=author)]
    story.save_revision()


def warnings_in(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def publish_data(story: StoryPage, **fields) -> dict:
    """What the browser posts to publish the form as loaded (Wagtail's form-data helpers)."""
    story = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    return story_form_data(
        title=story.title,
        slug=story.slug,
        hero_image=story.hero_image_id or "",
        locality=story.locality_id or "",
        series=story.series_id or "",
        part_number=story.part_number or "",
        **{"action-publish": "1"},
        **fields,
    )


def test_author_credited_only_in_a_draft_revision_cannot_be_deleted(
    client, editor_in_chief, make_story
):
    author = Author.objects.create(name="Lò Văn Páo")
    story = make_story("Người giữ rừng ở bản Phiêng")
    draft_crediting(story, author)
    client.force_login(editor_in_chief)

    response = client.post(author_delete_url(author), follow=True)

    assert Author.objects.filter(pk=author.pk).exists()
    messages = warnings_in(response)
    assert any(
        "Không thể xóa tác giả “Lò Văn Páo”" in m and "Người giữ rừng ở bản Phiêng" in m
        for m in messages
    ), messages
    assert response.status_code == 200
    # The confirmation page already says so.
    confirmation = client.get(author_delete_url(author))
    assert confirmation.status_code == 200
    assert "Người giữ rừng ở bản Phiêng" in confirmation.content.decode()


def test_author_credited_in_a_live_story_cannot_be_deleted_and_the_refusal_names_it(
    client, editor_in_chief, make_story
):
    author = Author.objects.create(name="Hà Thị Mai")
    story = make_story("Cô giáo vùng cao")
    story.story_authors = [StoryAuthor(author=author)]
    story.save_revision().publish()
    client.force_login(editor_in_chief)

    response = client.post(author_delete_url(author), follow=True)

    assert Author.objects.filter(pk=author.pk).exists()
    assert any("Cô giáo vùng cao" in message for message in warnings_in(response))


def test_bulk_deleting_authors_refuses_those_still_credited(client, editor_in_chief, make_story):
    credited = Author.objects.create(name="Đinh Công Tráng")
    unused = Author.objects.create(name="Vi Thị Hoa")
    draft_crediting(make_story("Mùa lúa mới"), credited)
    client.force_login(editor_in_chief)
    url = reverse("wagtail_bulk_action", args=("stories", "author", "delete"))
    client.post(f"{url}?id={credited.pk}&id={unused.pk}", follow=True)
    assert Author.objects.filter(pk=credited.pk).exists()


def test_an_author_no_story_credits_can_be_deleted(client, editor_in_chief, make_story):
    author = Author.objects.create(name="Cộng tác viên cũ")
    # Credited once, in a revision the story has since replaced: not in use any more.
    story = make_story("Bài đã sửa tác giả")
    draft_crediting(story, author)
    StoryPage.objects.get(pk=story.pk).save_revision()
    client.force_login(editor_in_chief)
    response = client.post(author_delete_url(author))
    assert response.status_code == 302
    assert not Author.objects.filter(pk=author.pk).exists()


def test_an_older_revision_crediting_a_deleted_author_still_opens_and_publishes(
    client, editor_in_chief, make_story
):
    author = Author.objects.create(name="Tác giả đã xóa")
    story = make_story("Bài có bản cũ")
    draft_crediting(story, author)
    old_revision = StoryPage.objects.get(pk=story.pk).latest_revision
    StoryPage.objects.get(pk=story.pk).save_revision()  # the author is gone from the latest
    client.force_login(editor_in_chief)
    assert client.post(author_delete_url(author)).status_code == 302
    assert not Author.objects.filter(pk=author.pk).exists()

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(story.pk, old_revision.pk))
    response = client.get(revert_url)
    assert response.status_code == 200
    assert any("tác giả" in message for message in warnings_in(response))

    response = client.post(revert_url, publish_data(story))
    assert response.status_code == 302, response.content[:2000]
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live and story.title == "Bài có bản cũ"
    assert not story.story_authors.exists()


@pytest.mark.parametrize(
    "what",
    ["author", "hero_image", "body_image", "locality", "tag", "exemplar", "related", "series"],
)
def test_a_draft_pointing_to_something_deleted_opens_and_publishes(
    what, client, editor_in_chief, make_story, exemplar_index, series_index
):
    """Each chooser of the story form: the draft names something that is then deleted behind
    its back (an old row, a script, a colleague with rights over that list)."""
    story = make_story("Bài nháp nhắc tới thứ đã xóa")
    draft = StoryPage.objects.get(pk=story.pk)
    if what == "author":
        target = Author.objects.create(name="Tác giả tạm")
        draft.story_authors = [StoryAuthor(author=target)]
    elif what == "hero_image":
        target = make_image("Ảnh sẽ bị xóa")
        draft.hero_image = target
    elif what == "body_image":
        target = make_image("Ảnh trong bài sẽ bị xóa")
        draft.body = [("image", {"image": target, "caption": "", "credit": ""})]
    elif what == "locality":
        target = Locality.objects.create(name="Xã sẽ sáp nhập", level="commune")
        draft.locality = target
    elif what == "tag":
        target = StoryTag.objects.create(name="Từ khóa tạm", slug="tu-khoa-tam")
        draft.tags.add(target)
    elif what == "exemplar":
        target = ExemplarPage(title="Gương sẽ xóa", kind="individual", field="economy")
        exemplar_index.add_child(instance=target)
        draft.exemplar_links = [StoryExemplar(exemplar=target)]
    elif what == "related":
        target = make_story("Bài liên quan sẽ xóa")
        draft.related_links = [StoryRelatedLink(related_story=target)]
    else:
        target = SeriesPage(title="Loạt bài sẽ xóa")
        series_index.add_child(instance=target)
        draft.series, draft.part_number = target, 1
    draft.save_revision()
    if what == "author":
        Author.objects.filter(pk=target.pk).delete()  # behind the admin's back
    else:
        target.delete()

    client.force_login(editor_in_chief)
    response = client.get(edit_url(story))
    assert response.status_code == 200
    fields = {}
    if what == "body_image":
        fields["body"] = streamfield([("image", {"image": "", "caption": "", "credit": ""})])
    response = client.post(edit_url(story), publish_data(story, **fields))
    if what in ("hero_image", "body_image", "series"):
        # A photo is required, and a part number needs its series: the form says so.
        assert response.status_code == 200
        assert response.context["form"].errors or response.context["form"].formsets
        assert StoryPage.objects.get(pk=story.pk).get_latest_revision() == draft.latest_revision
    else:
        assert response.status_code == 302, response.content[:3000]
        assert StoryPage.objects.get(pk=story.pk).live


def test_the_edit_form_says_what_was_dropped(client, editor_in_chief, make_story):
    author = Author.objects.create(name="Người viết đã bị xóa")
    story = make_story("Bài báo có tác giả bị xóa")
    draft_crediting(story, author)
    Author.objects.filter(pk=author.pk).delete()
    client.force_login(editor_in_chief)
    response = client.get(edit_url(story))
    assert response.status_code == 200
    messages = warnings_in(response)
    assert any("tác giả" in m and "đã bị xóa" in m for m in messages), messages
