"""Media on S3-compatible object storage (MEDIA_STORAGE=s3): the project's settings in a real
Django process upload an image and its rendition through django-storages and boto3 over HTTP to
an S3 API server on 127.0.0.1 (moto's standalone server, the S3-compatible server that installs
here); the objects are then read back from the bucket and opened as images."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from bench.slow_clients import free_port

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "lantoa-media"

UPLOAD = """
import io, json
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from PIL import Image
from media_pipeline.models import LanToaImage

buffer = io.BytesIO()
Image.new("RGB", (640, 480), "#2a6f97").save(buffer, format="JPEG")
image = LanToaImage.objects.create(title="Vườn mận", file=ImageFile(buffer, name="vuon-man.jpg"))
rendition = image.get_rendition("fill-120x90")
print(json.dumps({
    "storage": type(storages["default"]).__module__ + "." + type(storages["default"]).__name__,
    "original": image.file.name,
    "rendition": rendition.file.name,
    "url": rendition.url,
    "documents": settings.WAGTAILDOCS_SERVE_METHOD,
}))
"""


@pytest.fixture
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.mark.slow
def test_images_and_renditions_go_to_the_bucket(process_env, s3_endpoint):
    import boto3

    credentials = {"AWS_ACCESS_KEY_ID": "lantoa", "AWS_SECRET_ACCESS_KEY": "lantoa-secret"}
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=credentials["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=credentials["AWS_SECRET_ACCESS_KEY"],
    )
    s3.create_bucket(Bucket=BUCKET)
    env = {
        **process_env,
        **credentials,
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", UPLOAD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    uploaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert uploaded["storage"] == "storages.backends.s3.S3Storage"
    assert uploaded["documents"] == "serve_view"  # private documents stay private

    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert {f"media/{uploaded['original']}", f"media/{uploaded['rendition']}"} <= keys
    assert not any(
        Path(key).name.startswith("vuon-man")
        for key in keys - {f"media/{uploaded['original']}", f"media/{uploaded['rendition']}"}
    )
    body = s3.get_object(Bucket=BUCKET, Key=f"media/{uploaded['rendition']}")["Body"].read()
    assert Image.open(io.BytesIO(body)).size == (120, 90)
    # Readers get a plain, cacheable URL in the bucket (no signature that expires).
    assert uploaded["url"].startswith(f"{s3_endpoint}/{BUCKET}/media/")
    assert "Signature" not in uploaded["url"]
    # Nothing was written to the local media directory.
    assert not Path(process_env["MEDIA_ROOT"]).exists()


def test_s3_without_a_bucket_is_refused(process_env):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**process_env, "MEDIA_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr
