"""Every editor screen of the editorial core opens, for the roles that use it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from core.models import Locality
from media_pipeline.models import LanToaImage
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
    response = client.get(reverse("wagtailsnippets_core_locality:add"))
    assert response.status_code in (302, 403)
    assert not Locality.objects.exists()


@pytest.mark.parametrize(
    "user_fixture", ["journalist", "editor", "editor_in_chief", "campaign_officer"]
)
def test_newsroom_roles_open_the_image_library_and_upload(client, request, user_fixture):
    """Wagtail checks image permissions on wagtailimages.Image, even for our image model."""
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    assert client.get(reverse("wagtailimages:index")).status_code == 200
    assert client.get(reverse("wagtailimages:add_multiple")).status_code == 200
    upload = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#2a6f97").save(upload, format="JPEG")
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("anh-thu.jpg", upload.getvalue(), "image/jpeg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200 and response.json()["success"]
    assert LanToaImage.objects.filter(uploaded_by_user=user).count() == 1


def test_author_search_in_the_admin_looks_in_name_and_organisation(client, journalist):
    Author.objects.create(name="Hoàng Lan", organisation="Báo Lan Tỏa")
    Author.objects.create(name="Trần Minh", organisation="Đài Phát thanh tỉnh")
    client.force_login(journalist)
    url = reverse("wagtailsnippets_stories_author:list")
    by_name = client.get(url, {"q": "Hoàng"})
    by_organisation = client.get(url, {"q": "Phát thanh"})
    assert by_name.status_code == by_organisation.status_code == 200
    assert "Hoàng Lan" in by_name.content.decode()
    assert "Trần Minh" not in by_name.content.decode()
    assert "Trần Minh" in by_organisation.content.decode()
