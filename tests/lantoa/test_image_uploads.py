"""Broken and oversized photos, uploaded by a journalist through each of the admin's upload
doors (the single form, the multiple uploader's JSON endpoint, the image chooser's upload
tab): a clear Vietnamese error, no Image row, never a server error."""

import functools
import io
import os
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html as lxml_html
from PIL import Image as PILImage

from media_pipeline.models import LanToaImage

pytestmark = pytest.mark.django_db
AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@functools.cache
def huge_png() -> bytes:
    """88 megapixels (11,000 × 8,000) of one colour: about 100 kB on disk."""
    buffer = io.BytesIO()
    PILImage.new("L", (11000, 8000), 200).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@functools.cache
def truncated_jpeg() -> bytes:
    buffer = io.BytesIO()
    PILImage.effect_noise((1200, 900), 60).convert("RGB").save(buffer, format="JPEG")
    whole = buffer.getvalue()
    return whole[: len(whole) // 3]


def random_bytes() -> bytes:
    return os.urandom(40_000)


BAD_FILES = {
    "88-megapixel": ("toan-canh.png", huge_png, "image/png", "điểm ảnh"),
    "truncated": ("anh-hong.jpg", truncated_jpeg, "image/jpeg", "hỏng"),
    "random bytes": ("khong-phai-anh.jpg", random_bytes, "image/jpeg", "không phải là ảnh"),
}


@pytest.fixture(params=list(BAD_FILES), ids=list(BAD_FILES))
def bad_file(request):
    name, make, content_type, words = BAD_FILES[request.param]
    return name, make(), content_type, words


def errors_in(html: bytes) -> str:
    tree = lxml_html.fromstring(html.decode())
    return " ".join(
        " ".join(node.text_content().split())
        for node in tree.xpath('//*[contains(@class, "error-message")]')
    )


def test_single_upload_form_refuses_it_in_vietnamese(client, journalist, bad_file):
    name, content, content_type, words = bad_file
    client.force_login(journalist)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh gửi lên", "file": SimpleUploadedFile(name, content, content_type)},
    )
    assert response.status_code == 200
    assert words in errors_in(response.content), errors_in(response.content)
    assert not LanToaImage.objects.exists()


def test_multiple_uploader_answers_with_a_json_error(client, journalist, bad_file):
    name, content, content_type, words = bad_file
    client.force_login(journalist)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content, content_type)},
        **AJAX,
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert words in answer["error_message"], answer
    assert not LanToaImage.objects.exists()


def test_image_chooser_upload_refuses_it_in_vietnamese(client, journalist, bad_file):
    name, content, content_type, words = bad_file
    client.force_login(journalist)
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Ảnh từ bài viết",
            "image-chooser-upload-file": SimpleUploadedFile(name, content, content_type),
        },
        **AJAX,
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert words in errors_in(answer["htmlFragment"].encode()), answer["htmlFragment"][:3000]
    assert not LanToaImage.objects.exists()


def test_a_photo_within_the_limit_is_accepted(client, journalist):
    buffer = io.BytesIO()
    PILImage.new("RGB", (6000, 4000), "#2a6f97").save(buffer, format="JPEG")  # 24 MP
    client.force_login(journalist)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh máy ảnh 24 MP",
            "file": SimpleUploadedFile("may-anh.jpg", buffer.getvalue(), "image/jpeg"),
        },
    )
    assert response.status_code == 302, errors_in(response.content)
    assert LanToaImage.objects.get().width == 6000


def test_the_pixel_limit_defaults_to_40_megapixels_and_is_read_from_the_environment():
    from django.conf import settings

    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    answer = subprocess.run(
        [
            sys.executable,
            "-c",
            "from lantoa import settings; print(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)",
        ],
        env={**os.environ, "IMAGE_MAX_MEGAPIXELS": "12", "DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert answer.stdout.split()[-1] == "12000000"


def test_a_truncated_photo_is_refused_after_weasyprint_loaded(client, journalist, monkeypatch):
    """WeasyPrint's import sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process: a worker
    that built a PDF report accepted cut-off photos (found when the suite ran in one process)."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # as after `import weasyprint`
    client.force_login(journalist)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh bị cắt",
            "file": SimpleUploadedFile("cat.jpg", truncated_jpeg(), "image/jpeg"),
        },
    )
    assert response.status_code == 200
    assert "bị hỏng hoặc không trọn vẹn" in errors_in(response.content)
    assert not LanToaImage.objects.exists()
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # the process's own setting is left as it was
