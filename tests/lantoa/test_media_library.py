"""The media library as each newsroom role uses it, through the admin's own upload views.

Every user signs in through the admin's login form as a real member of their group (never the
superuser), uploads a Pillow-made JPEG and a Pillow-made PDF through the multiple-upload
endpoint that the library's "add" button opens, finishes the upload with the edit form the
endpoint sends back, and finds the file in the listing and in the chooser.
"""

import io

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission

from core import roles
from media_pipeline.models import LanToaImage
from tests.admin_login import PASSWORD, signed_in
from tests.conftest import make_image

pytestmark = pytest.mark.django_db
Document = get_document_model()
ROLES = ["journalist", "editor", "editor_in_chief", "campaign_officer"]
AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def jpeg_bytes(color: str = "#c0392b") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), color).save(buffer, format="JPEG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (200, 280), "white").save(buffer, format="PDF")
    return buffer.getvalue()


def doc(response):
    return lxml_html.fromstring(response.content.decode())


def upload(client: Client, kind: str, name: str, content: bytes, content_type: str, **fields):
    """POSTs one file as the multiple-upload page's JavaScript does; returns the JSON answer."""
    response = client.post(
        reverse(f"{kind}:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content, content_type), **fields},
        **AJAX,
    )
    assert response.status_code == 200, response.content[:500]
    return response.json()


def finish_upload(client: Client, kind: str, answer: dict, object_key: str, **fields) -> None:
    """Submits the edit form the upload answered with, with the title the user typed."""
    tree = lxml_html.fragment_fromstring(answer["form"], create_parent=True)
    action = tree.xpath("//form/@action")[0]
    data = {
        field.name: field.value or ""
        for field in tree.xpath("//input[@name]|//textarea[@name]")
        if field.get("type") not in ("submit", "button", "file", "checkbox")
    }
    for select in tree.xpath("//select[@name]"):
        chosen = select.xpath(".//option[@selected]/@value") or select.xpath(".//option/@value")
        data[select.name] = chosen[0] if chosen else ""
    for name, value in fields.items():
        matches = [key for key in data if key.endswith(f"-{name}")]
        assert matches, (name, list(data))
        data[matches[0]] = value
    response = client.post(action, data, **AJAX)
    assert response.status_code == 200
    assert response.json()["success"] is True, response.json()
    assert response.json()[object_key] == answer[object_key]


def chooser_titles(client: Client, url_name: str, **params) -> list[str]:
    """The choices the chooser modal offers, as the titles a user reads on them."""
    response = client.get(reverse(url_name), params, **AJAX)
    assert response.status_code == 200
    payload = response.json()
    tree = lxml_html.fromstring(payload["html"])
    return [
        " ".join(node.text_content().split())
        for node in tree.xpath("//a[@data-chooser-modal-choice]")
    ]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_uploads_images_and_documents_and_chooses_them(request, role):
    user = request.getfixturevalue(role)
    client = signed_in(user)

    # The library opens (it used to send every role back to the dashboard).
    for url_name in ("wagtailimages:index", "wagtaildocs:index"):
        response = client.get(reverse(url_name))
        assert response.status_code == 200, (
            url_name,
            response.status_code,
            response.get("Location"),
        )
    add_link = doc(client.get(reverse("wagtailimages:index"))).xpath(
        f'//a[@href="{reverse("wagtailimages:add_multiple")}"]'
    )
    assert add_link, "the image library shows its add button"
    assert client.get(reverse("wagtailimages:add_multiple")).status_code == 200
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200

    # A photo, uploaded and given its real title and credit.
    root = Collection.get_first_root_node()
    answer = upload(
        client, "wagtailimages", "nam-mo.jpg", jpeg_bytes(), "image/jpeg", collection=root.pk
    )
    assert answer["success"] is True, answer
    finish_upload(
        client,
        "wagtailimages",
        answer,
        "image_id",
        title=f"Vườn bưởi xã Nậm Mơ ({role})",
        credit="Hoàng Lan",
    )
    image = LanToaImage.objects.get(pk=answer["image_id"])
    assert image.title == f"Vườn bưởi xã Nậm Mơ ({role})" and image.credit == "Hoàng Lan"
    assert image.uploaded_by_user == user
    with image.open_file() as stored:
        assert PILImage.open(stored).size == (320, 200)

    # A PDF document.
    answer = upload(
        client, "wagtaildocs", "ke-hoach.pdf", pdf_bytes(), "application/pdf", collection=root.pk
    )
    assert answer["success"] is True, answer
    finish_upload(client, "wagtaildocs", answer, "doc_id", title=f"Kế hoạch thi đua ({role})")
    document = Document.objects.get(pk=answer["doc_id"])
    assert document.file_extension == "pdf" and document.uploaded_by_user == user
    with document.open_file() as stored:
        assert stored.read(5) == b"%PDF-"

    # Both appear in the library listing and in the choosers a story editor opens.
    listing = doc(client.get(reverse("wagtailimages:index")))
    assert f"Vườn bưởi xã Nậm Mơ ({role})" in listing.text_content()
    listing = doc(client.get(reverse("wagtaildocs:index")))
    assert f"Kế hoạch thi đua ({role})" in listing.text_content()
    assert any(
        f"Vườn bưởi xã Nậm Mơ ({role})" in title
        for title in chooser_titles(client, "wagtailimages_chooser:choose")
    )
    assert any(
        f"Kế hoạch thi đua ({role})" in title
        for title in chooser_titles(client, "wagtaildocs_chooser:choose")
    )
    for url_name, pk in (
        ("wagtailimages_chooser:chosen", image.pk),
        ("wagtaildocs_chooser:chosen", document.pk),
    ):
        response = client.get(reverse(url_name, args=(pk,)), **AJAX)
        assert response.status_code == 200
        assert response.json()["step"] == "chosen"
        assert response.json()["result"]["id"] == str(pk)


def test_a_user_without_a_newsroom_role_cannot_upload(db):
    outsider = User.objects.create_user("khach", password=PASSWORD)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = signed_in(outsider)
    for url_name in ("wagtailimages:index", "wagtaildocs:index", "wagtailimages:add_multiple"):
        response = client.get(reverse(url_name))
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("x.jpg", jpeg_bytes(), "image/jpeg")},
        **AJAX,
    )
    assert response.status_code in (302, 403)
    assert not LanToaImage.objects.exists() and not Document.objects.exists()


def test_journalist_edits_her_own_photos_only_and_editors_manage_all(journalist, editor):
    own = make_image("Ảnh của phóng viên")
    own.uploaded_by_user = journalist
    own.save()
    colleague = make_image("Ảnh của đồng nghiệp")

    client = signed_in(journalist)
    assert client.get(reverse("wagtailimages:edit", args=(own.pk,))).status_code == 200
    response = client.get(reverse("wagtailimages:edit", args=(colleague.pk,)))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    client.post(reverse("wagtailimages:delete", args=(colleague.pk,)))
    assert LanToaImage.objects.filter(pk=colleague.pk).exists()

    client = signed_in(editor)
    assert client.get(reverse("wagtailimages:edit", args=(colleague.pk,))).status_code == 200
    response = client.post(reverse("wagtailimages:delete", args=(colleague.pk,)))
    assert response.status_code == 302
    assert not LanToaImage.objects.filter(pk=colleague.pk).exists()


def test_editor_in_chief_makes_a_collection_and_a_journalist_files_photos_in_it(
    editor_in_chief, journalist
):
    root = Collection.get_first_root_node()
    client = signed_in(editor_in_chief)
    response = client.post(
        reverse("wagtailadmin_collections:add"), {"name": "Phong trào 2026", "parent": root.pk}
    )
    assert response.status_code == 302, response.content[:800]
    collection = Collection.objects.get(name="Phong trào 2026")

    client = signed_in(journalist)
    page = doc(client.get(reverse("wagtailimages:add_multiple")))
    options = {option.text_content().strip() for option in page.xpath("//select//option")}
    assert any("Phong trào 2026" in option for option in options), options
    answer = upload(
        client,
        "wagtailimages",
        "le-phat-dong.jpg",
        jpeg_bytes("#27ae60"),
        "image/jpeg",
        collection=collection.pk,
    )
    finish_upload(client, "wagtailimages", answer, "image_id", title="Lễ phát động")
    assert LanToaImage.objects.get(pk=answer["image_id"]).collection == collection
    make_image("Ảnh ở thư mục gốc")
    titles = chooser_titles(client, "wagtailimages_chooser:choose", collection_id=collection.pk)
    assert len(titles) == 1 and "Lễ phát động" in titles[0], titles


def test_roles_grant_wagtail_permissions_not_the_image_models_own():
    """Wagtail checks `wagtailimages.*_image` on collections whatever the image model is."""
    granted = set(
        GroupCollectionPermission.objects.filter(group__name__in=roles.ALL_GROUPS).values_list(
            "permission__content_type__app_label", flat=True
        )
    )
    assert "media_pipeline" not in granted
    assert {"wagtailimages", "wagtaildocs", "wagtailcore"} <= granted
    journalist_codenames = set(
        GroupCollectionPermission.objects.filter(group__name=roles.JOURNALIST).values_list(
            "permission__codename", flat=True
        )
    )
    assert journalist_codenames == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
        "add_media",  # the audio library (wagtailmedia's policy reads wagtailmedia.*_media)
    }
