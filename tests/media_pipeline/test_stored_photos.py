"""Photos stored before intake: `manage.py strip_image_metadata` and the data migration clean
them in place (same row, credit, focal point, tags, collection), and stale renditions go."""

from __future__ import annotations

import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.models import Collection

from media_pipeline.images.metadata import found_metadata
from media_pipeline.models import LanToaImage

from .conftest import stored_bytes
from .photos import leaks_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def described(leaky_stored_image) -> LanToaImage:
    image = leaky_stored_image
    collection = Collection.get_first_root_node().add_child(name="Ảnh phóng sự")
    image.credit, image.collection = "Thu Hà", collection
    image.focal_point_x, image.focal_point_y = 300, 900
    image.focal_point_width, image.focal_point_height = 200, 200
    image.save()
    image.tags.add("nông thôn mới")
    image.get_rendition("width-400")  # made by old code would carry the metadata
    return image


def assert_kept(image: LanToaImage, before: LanToaImage) -> None:
    image.refresh_from_db()
    assert image.pk == before.pk
    assert (image.credit, image.collection_id) == ("Thu Hà", before.collection_id)
    assert (image.focal_point_x, image.focal_point_y) == (300, 900)
    assert [tag.name for tag in image.tags.all()] == ["nông thôn mới"]
    data = stored_bytes(image)
    assert found_metadata(data) == [] and leaks_in(data) == []
    assert PILImage.open(io.BytesIO(data)).size == (image.width, image.height) == (1200, 1600)
    assert image.file_size == len(data)
    assert not image.renditions.exists()


def test_dry_run_counts_and_changes_nothing(described, capsys):
    before = stored_bytes(described)
    call_command("strip_image_metadata", "--dry-run")
    out = capsys.readouterr().out
    assert "1 ảnh" in out and "1 ảnh cần làm sạch" in out, out
    assert stored_bytes(described) == before
    assert described.renditions.exists()


def test_command_strips_in_place(described, capsys):
    old_name = described.file.name
    call_command("strip_image_metadata")
    assert "1 ảnh đã làm sạch" in capsys.readouterr().out
    assert_kept(described, described)
    assert not described.file.storage.exists(old_name) or described.file.name == old_name
    call_command("strip_image_metadata")  # twice: nothing left to do
    assert "0 ảnh đã làm sạch, 1 ảnh vốn đã sạch" in capsys.readouterr().out


def test_the_data_migration_strips_stored_photos(described):
    migration = importlib.import_module(
        "media_pipeline.migrations.0005_strip_stored_image_metadata"
    )
    migration.strip_stored_photos(apps, None)
    assert_kept(described, described)
