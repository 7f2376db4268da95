"""A photo straight from a phone (GPS, camera, serial, software, XMP, IPTC, comment, turned by
its orientation tag), uploaded by a journalist through each admin door and by code: the stored
original and every rendition a published story's `<picture>` names carry pixels only, upright.
The files are opened by Pillow and parsed; the raw bytes are also searched for what was put in."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage

from media_pipeline.images.metadata import found_metadata
from media_pipeline.models import LanToaImage

from .conftest import stored_bytes
from .photos import leaks_in, leaky_jpeg, leaky_png

pytestmark = pytest.mark.django_db
AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def assert_clean(data: bytes) -> PILImage.Image:
    assert found_metadata(data) == []
    assert leaks_in(data) == []
    picture = PILImage.open(io.BytesIO(data))
    assert not picture.getexif()
    assert not picture.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    for key in ("xmp", "comment", "photoshop", "exif"):
        assert key not in picture.info, key
    return picture


def assert_upright(picture: PILImage.Image) -> None:
    """Stored 1600×1200 with orientation 6: shown 1200×1600, the red corner at the top right."""
    assert picture.size == (1200, 1600)
    red, green, blue = picture.convert("RGB").getpixel((picture.width - 20, 20))
    assert red > 180 and green < 80 and blue < 80


def test_the_test_photo_carries_everything_an_audit_found():
    data = leaky_jpeg()
    assert {"gps", "exif", "xmp", "comment", "photoshop"} <= set(found_metadata(data))
    assert len(leaks_in(data)) >= 9


def test_single_upload_keeps_pixels_only(client, journalist):
    client.force_login(journalist)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh điện thoại",
            "credit": "Minh Anh",
            "file": SimpleUploadedFile("dien-thoai.jpg", leaky_jpeg(), "image/jpeg"),
        },
    )
    assert response.status_code == 302
    image = LanToaImage.objects.get()
    data = stored_bytes(image)
    assert_upright(assert_clean(data))
    assert (image.width, image.height) == (1200, 1600)
    assert image.file_size == len(data)
    assert image.credit == "Minh Anh"


def test_multiple_uploader_keeps_pixels_only(client, journalist):
    client.force_login(journalist)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("nhieu-anh.jpg", leaky_jpeg(), "image/jpeg")},
        **AJAX,
    )
    assert response.json()["success"] is True
    image = LanToaImage.objects.get()
    assert_upright(assert_clean(stored_bytes(image)))
    # Nothing with metadata is left anywhere in the originals' folder.
    storage = image.file.storage
    for name in storage.listdir("original_images")[1]:
        with storage.open(f"original_images/{name}") as handle:
            assert leaks_in(handle.read()) == [], name


def test_chooser_upload_keeps_pixels_only(client, journalist):
    client.force_login(journalist)
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Ảnh trong bài",
            "image-chooser-upload-file": SimpleUploadedFile("png.png", leaky_png(), "image/png"),
        },
        **AJAX,
    )
    assert response.json()["step"] == "chosen"
    picture = assert_clean(stored_bytes(LanToaImage.objects.get()))
    assert picture.mode == "RGBA" and picture.getpixel((5, 5))[3] == 255


def test_replace_file_keeps_pixels_only(client, editor, image):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": image.title,
            "credit": "Báo Lan Tỏa",
            "file": SimpleUploadedFile("thay-anh.jpg", leaky_jpeg(), "image/jpeg"),
        },
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert_upright(assert_clean(stored_bytes(image)))
    assert (image.width, image.height, image.credit) == (1200, 1600, "Báo Lan Tỏa")


def test_code_that_creates_a_photo_gets_it_stripped_too(db):
    image = LanToaImage.objects.create(
        title="Nhập từ mã", file=ImageFile(io.BytesIO(leaky_jpeg()), name="ma.jpg")
    )
    assert_upright(assert_clean(stored_bytes(image)))
    image.refresh_from_db()
    assert (image.width, image.height) == (1200, 1600)


def test_code_cannot_store_a_broken_or_oversized_photo(db, settings, monkeypatch):
    from PIL import ImageFile as PILImageFile

    # As after `import weasyprint`: Wagtail's own dimension check then reads a cut-off file.
    monkeypatch.setattr(PILImageFile, "LOAD_TRUNCATED_IMAGES", True)
    whole = leaky_jpeg()
    with pytest.raises(ValidationError) as broken:
        LanToaImage.objects.create(
            title="Hỏng", file=ImageFile(io.BytesIO(whole[: len(whole) // 2]), name="hong.jpg")
        )
    assert "hỏng" in broken.value.messages[0]
    assert PILImageFile.LOAD_TRUNCATED_IMAGES is True
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    with pytest.raises(ValidationError) as large:
        LanToaImage.objects.create(title="Lớn", file=ImageFile(io.BytesIO(whole), name="lon.jpg"))
    assert "điểm ảnh" in large.value.messages[0]
    assert not LanToaImage.objects.exists()


def test_upload_over_the_pixel_limit_is_refused_in_vietnamese(client, journalist, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000  # 1 MP; the photo has 1.92
    client.force_login(journalist)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Quá lớn", "file": SimpleUploadedFile("lon.jpg", leaky_jpeg(), "image/jpeg")},
    )
    assert response.status_code == 200
    assert "điểm ảnh" in response.content.decode()
    assert not LanToaImage.objects.exists()


class PictureSources(HTMLParser):
    """Every URL the page's `<picture>` elements name, with each source's type."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.urls: list[tuple[str, str]] = []
        self.sizes: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self.inside += 1
        elif self.inside and tag in ("source", "img"):
            for candidate in (attrs.get("srcset") or "").split(","):
                if candidate.strip():
                    self.urls.append((candidate.split()[0], attrs.get("type", "img")))
            if attrs.get("src"):
                self.urls.append((attrs["src"], "img"))
            if attrs.get("sizes"):
                self.sizes.append(attrs["sizes"])

    def handle_endtag(self, tag):
        if tag == "picture":
            self.inside -= 1


def picture_urls(html: str) -> list[tuple[str, str]]:
    parser = PictureSources()
    parser.feed(html)
    return parser.urls


EXPECTED_TYPES = {"image/avif": "AVIF", "image/webp": "WEBP", "img": "JPEG"}


@pytest.mark.parametrize("stored", ["uploaded", "stored before intake"])
def test_every_rendition_a_story_picture_names_is_clean(
    client, journalist, make_story, leaky_stored_image, stored
):
    if stored == "uploaded":
        client.force_login(journalist)
        client.post(
            reverse("wagtailimages:add"),
            {"title": "Mới", "file": SimpleUploadedFile("moi.jpg", leaky_jpeg(), "image/jpeg")},
        )
        photo = LanToaImage.objects.get(title="Mới")
        client.logout()
    else:
        photo = leaky_stored_image
    story = make_story(
        "Ảnh không lộ vị trí", hero_image=photo, body=[("image", {"image": photo, "caption": ""})]
    )
    response = client.get(story.url)
    assert response.status_code == 200
    urls = picture_urls(response.content.decode())
    assert {kind for _url, kind in urls} == set(EXPECTED_TYPES)
    assert len(urls) >= 9
    for url, kind in urls:
        served = client.get(url)
        assert served.status_code == 200, url
        data = b"".join(served.streaming_content) if served.streaming else served.content
        picture = assert_clean(data)
        assert picture.format == EXPECTED_TYPES[kind], url
        assert picture.height > picture.width  # upright (portrait), not as stored


@pytest.mark.parametrize("format", ["jpeg", "png", "webp", "avif"])
def test_wagtails_own_filter_leaks_what_ours_leaves_out(format):
    """Why renditions need their own filter: Willow hands the original's EXIF to the JPEG and
    PNG save (and Pillow keeps a JPEG's comment), so a file stored with metadata leaked."""
    from django.core.files import File
    from wagtail.images.models import Filter

    from media_pipeline.images.renditions import MetadataFreeFilter

    image = LanToaImage(title="Ảnh cũ", collection_id=0, width=1600, height=1200)
    made = {}
    for kind in (Filter, MetadataFreeFilter):
        output = io.BytesIO()
        source = File(io.BytesIO(leaky_jpeg()), name="cu.jpg")
        kind(f"width-400|format-{format}").run(image, output, source=source)
        made[kind] = output.getvalue()
    if format in ("jpeg", "png"):
        assert "gps" in found_metadata(made[Filter])
    small = PILImage.open(io.BytesIO(made[MetadataFreeFilter]))
    assert small.height > small.width
    assert_clean(made[MetadataFreeFilter])
