"""Every editor screen of the editorial core opens, for the roles that use it."""

import pytest
from django.urls import reverse

from lantoa.models import Locality
from stories.models import Author

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("app", "model", "parent_fixture"),
    [
        ("stories", "storypage", "column"),
        ("stories", "columnindexpage", "home"),
        ("stories", "seriespage", "series_index"),
        ("campaigns", "exemplarpage", "exemplar_index"),
        ("campaigns", "legaldocumentpage", "document_index"),
    ],
)
def test_add_page_forms_open(client, superuser, request, app, model, parent_fixture):
    parent = request.getfixturevalue(parent_fixture)
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:add", args=(app, model, parent.pk)))
    assert response.status_code == 200
    assert 'name="title"' in response.content.decode()


def test_story_editor_has_its_tabs(client, superuser, make_story):
    story = make_story("Bài để mở trình soạn thảo")
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode()
    for tab in ("Nội dung", "Phân loại", "Phát hành", "Đính chính"):
        assert tab in html


@pytest.mark.parametrize("user_fixture", ["journalist", "editor", "editor_in_chief"])
def test_newsroom_roles_reach_the_story_editor(client, request, user_fixture, make_story):
    story = make_story("Bài của tòa soạn")
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).status_code == 200


def test_snippet_listings_open(client, superuser):
    Author.objects.create(name="Hoàng Lan", organisation="Báo Lan Tỏa")
    Locality.objects.create(name="Tỉnh Sơn Hà", level="province")
    client.force_login(superuser)
    for model in (Author, Locality):
        url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list")
        response = client.get(url)
        assert response.status_code == 200
    assert (
        "Hoàng Lan" in client.get(reverse("wagtailsnippets_stories_author:list")).content.decode()
    )


def test_journalist_cannot_manage_localities(client, journalist):
    client.force_login(journalist)
    response = client.get(reverse("wagtailsnippets_lantoa_locality:add"))
    assert response.status_code in (302, 403)
    assert not Locality.objects.exists()
