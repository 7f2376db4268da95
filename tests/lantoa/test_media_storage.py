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

# A document in a collection that needs a login, one in the root collection, a staff file.
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
Document = get_document_model()
root = Collection.get_first_root_node()
internal = root.add_child(name="Hồ sơ nội bộ")
CollectionViewRestriction.objects.create(collection=internal, restriction_type="login")
def document(title, name, data, **fields):
    doc = Document(title=title, **fields)
    doc.file.save(name, ContentFile(data), save=False)
    doc.save()
    return doc
public_doc = document("Kế hoạch", "ke-hoach.pdf", b"%PDF public", collection=root)
private_doc = document("Hồ sơ", "ho-so.pdf", b"%PDF private", collection=internal)
staff = storages["private"].save("campaign-reports/bao-cao.xlsx", ContentFile(b"PK report"))
def no_url(storage, name):
    try:
        return storage.url(name)
    except NotImplementedError:
        return None
client = Client(HTTP_HOST="localhost")
public_get, private_get = client.get(public_doc.url), client.get(private_doc.url)
print(json.dumps({
    "private_storage": type(storages["private"]).__name__,
    "documents_keys": [public_doc.file.name, private_doc.file.name],
    "staff": staff,
    "urls": [no_url(storages["default"], public_doc.file.name), no_url(storages["private"], staff)],
    "public_serve": [public_get.status_code, b"".join(public_get.streaming_content).decode()],
    "private_serve": private_get.status_code,
}))
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
        # Public objects readable by anyone, as a bucket behind a CDN is set up: documents and
        # staff files must be private all the same.
        "AWS_DEFAULT_ACL": "public-read",
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
    private = json.loads(result.stdout.strip().splitlines()[-2])
    uploaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert uploaded["storage"] == "core.s3storage.PublicS3Storage"
    assert uploaded["documents"] == "serve_view"  # private documents stay private

    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert {f"media/{uploaded['original']}", f"media/{uploaded['rendition']}"} <= keys
    assert not any(
        Path(key).name.startswith("vuon-man")
        for key in keys - {f"media/{uploaded['original']}", f"media/{uploaded['rendition']}"}
    )
    assert _readable_by_anyone(s3, f"media/{uploaded['rendition']}")
    _assert_private_files(s3, private, keys)
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


def _readable_by_anyone(s3, key: str) -> bool:
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(g["Grantee"].get("URI", "").endswith("/global/AllUsers") for g in grants)


def _assert_private_files(s3, private: dict, keys: set[str]) -> None:
    """Documents and staff files: private objects without a URL; documents are read through
    Wagtail's serving view (the public one downloads, the restricted one asks for a login)."""
    assert private["private_storage"] == "PrivateS3Storage"
    assert private["urls"] == [None, None]  # neither storage gives them a URL, signed or not
    document_keys = [f"media/{name}" for name in private["documents_keys"]]
    staff_key = f"private/{private['staff']}"
    assert {*document_keys, staff_key} <= keys
    for key in (*document_keys, staff_key):
        assert not _readable_by_anyone(s3, key), key
        assert s3.head_object(Bucket=BUCKET, Key=key)["CacheControl"] == "private, no-store"
    assert private["public_serve"] == [200, "%PDF public"]
    assert private["private_serve"] == 302
