import io

import pytest
from django.core.files.images import ImageFile

from media_pipeline.models import LanToaImage

from .photos import leaks_in, leaky_jpeg


def stored_bytes(image: LanToaImage) -> bytes:
    with image.file.storage.open(image.file.name, "rb") as handle:
        return handle.read()


@pytest.fixture
def leaky_stored_image(db) -> LanToaImage:
    """A photo stored before intake existed: its file in storage still carries everything
    (written behind the model's back, as an old upload or a restored backup left it)."""
    image = LanToaImage.objects.create(
        title="Ảnh cũ", file=ImageFile(io.BytesIO(leaky_jpeg()), name="cu.jpg")
    )
    storage, name = image.file.storage, image.file.name
    storage.delete(name)
    storage.save(name, io.BytesIO(leaky_jpeg()))
    LanToaImage.objects.filter(pk=image.pk).update(width=1600, height=1200)
    image.refresh_from_db()
    assert leaks_in(stored_bytes(image))
    return image
