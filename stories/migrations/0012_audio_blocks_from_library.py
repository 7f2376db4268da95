"""Story audio moves from the document library to the audio library (media_pipeline.Audio).

Each Wagtail document an audio block names (in a story's body or in any of its revisions)
becomes one audio item: the file is copied (the document stays, nothing is deleted), what it is
is read by ffprobe, and its broadcast copy is queued when the task backend runs tasks later.
The bodies' audio blocks then name the item (`audio`) and keep the document's id (`file`), so
reverting is possible and an old revision still finds its recording (`source_document_id`).
A document ffprobe cannot read as audio still becomes an item (status "failed"): its file is
kept and shown in the library, where an editor can replace it.
"""

import json
import os
import tempfile

import wagtail.fields
from django.core.files.base import ContentFile
from django.db import migrations


def _legacy_value(block) -> dict | None:
    """An audio block's value that names a document and no audio item yet, else None."""
    if not isinstance(block, dict) or block.get("type") != "audio":
        return None
    value = block.get("value")
    if isinstance(value, dict) and isinstance(value.get("file"), int) and not value.get("audio"):
        return value
    return None


def _document_ids(raw) -> list[int]:
    return [value["file"] for value in map(_legacy_value, raw or []) if value is not None]


def _info(content: bytes, name: str):
    from media_pipeline.audio import ffmpeg

    with tempfile.NamedTemporaryFile(suffix=os.path.splitext(name)[1][:10]) as copy:
        copy.write(content)
        copy.flush()
        try:
            return ffmpeg.probe(copy.name)
        except (ffmpeg.NotAudio, OSError):
            return None


def _revision_bodies(apps):
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    story_type = ContentType.objects.filter(app_label="stories", model="storypage").first()
    if story_type is None:
        return
    for content in (
        Revision.objects.filter(content_type=story_type)
        .values_list("content", flat=True)
        .iterator()
    ):
        body = (content or {}).get("body")
        if isinstance(body, str):
            try:
                body = json.loads(body)
            except ValueError:
                continue
        if isinstance(body, list):
            yield body


def convert(apps, schema_editor):
    StoryPage = apps.get_model("stories", "StoryPage")
    Document = apps.get_model("wagtaildocs", "Document")
    Audio = apps.get_model("media_pipeline", "Audio")
    bodies = {page.pk: list(page.body.raw_data) for page in StoryPage.objects.only("pk", "body")}
    wanted = set()
    for raw in bodies.values():
        wanted.update(_document_ids(raw))
    for raw in _revision_bodies(apps):
        wanted.update(_document_ids(raw))
    made = dict(
        Audio.objects.filter(source_document_id__in=wanted).values_list("source_document_id", "pk")
    )
    queued = []
    for document in Document.objects.filter(pk__in=wanted - set(made)):
        try:
            with document.file.open("rb") as handle:
                content = handle.read()
        except OSError:
            continue  # the file is gone: the block keeps naming the document
        name = os.path.basename(document.file.name)
        info = _info(content, name)
        audio = Audio(
            title=document.title,
            type="audio",
            collection_id=document.collection_id,
            uploaded_by_user_id=document.uploaded_by_user_id,
            source_document_id=document.pk,
            duration=info.duration if info else 0,
            bitrate=info.bitrate if info else 0,
            sample_rate=info.sample_rate if info else 0,
            channels=info.channels if info else 0,
            audio_format=info.format if info else "",
            broadcast_status="pending" if info else "failed",
            broadcast_error="" if info else "ffprobe cannot read this file as audio",
        )
        audio.file.save(name, ContentFile(content), save=False)
        audio.save()
        made[document.pk] = audio.pk
        if info:
            queued.append(audio.pk)
    for pk, raw in bodies.items():
        changed = False
        for value in map(_legacy_value, raw):
            if value is not None and made.get(value["file"]):
                value["audio"] = made[value["file"]]
                changed = True
        if changed:
            StoryPage.objects.filter(pk=pk).update(body=raw)
    _queue_broadcast_copies(queued)


def _queue_broadcast_copies(ids) -> None:
    """Only where tasks run later (the database backend); with the immediate backend the
    copies are made by `manage.py audio_broadcast_copies` (docs/media.md, "Audio")."""
    from django_tasks import default_task_backend

    if not ids or not default_task_backend.supports_defer:
        return
    from media_pipeline.audio.tasks import make_broadcast_copy

    for pk in ids:
        make_broadcast_copy.enqueue(pk)


def back(apps, schema_editor):
    """The blocks still carry the document's id (`file`): the old block reads it again."""


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0011_story_read_aloud"),
        ("media_pipeline", "0006_audio_library"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.AlterField(
            model_name="storypage",
            name="body",
            field=wagtail.fields.StreamField(
                [
                    ("paragraph", 0),
                    ("image", 4),
                    ("quote", 7),
                    ("fact_box", 10),
                    ("audio", 13),
                    ("video", 16),
                ],
                blank=True,
                block_lookup={
                    0: (
                        "stories.blocks.SafeRichTextBlock",
                        (),
                        {
                            "features": ["bold", "italic", "link", "ol", "ul", "h2", "h3"],
                            "label": "Paragraph",
                        },
                    ),
                    1: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Photo"}),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 300, "required": False},
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "label": "Photo source / photographer",
                            "max_length": 120,
                            "required": False,
                        },
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("image", 1), ("caption", 2), ("credit", 3)]],
                        {},
                    ),
                    5: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                    6: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Speaker", "max_length": 150, "required": False},
                    ),
                    7: ("wagtail.blocks.StructBlock", [[("text", 5), ("attribution", 6)]], {}),
                    8: ("wagtail.blocks.CharBlock", (), {"label": "Title", "max_length": 150}),
                    9: (
                        "stories.blocks.SafeRichTextBlock",
                        (),
                        {"features": ["bold", "italic", "ul", "ol"], "label": "Content"},
                    ),
                    10: ("wagtail.blocks.StructBlock", [[("title", 8), ("body", 9)]], {}),
                    11: ("wagtailmedia.blocks.AudioChooserBlock", (), {"label": "Audio file"}),
                    12: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "label": "Transcript (for deaf and hard-of-hearing readers)",
                            "required": False,
                        },
                    ),
                    13: (
                        "wagtail.blocks.StructBlock",
                        [[("audio", 11), ("caption", 2), ("transcript", 12)]],
                        {},
                    ),
                    14: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {"label": "Audio / video file"},
                    ),
                    15: (
                        "wagtail.images.blocks.ImageChooserBlock",
                        (),
                        {"label": "Video poster image", "required": False},
                    ),
                    16: (
                        "wagtail.blocks.StructBlock",
                        [[("file", 14), ("caption", 2), ("transcript", 12), ("poster", 15)]],
                        {},
                    ),
                },
                verbose_name="content",
            ),
        ),
        migrations.RunPython(convert, back),
    ]
