"""The story read aloud by the synthetic voice (issue 13).

A story meant for radio or loudspeakers (or with a script of its own) is rendered to speech by a
background task when it is published, and again only when the text it reads changes (the hash
of the spoken text). A recorded file in the body always wins: the synthetic one is then not
made, and one made before is removed. The speech itself is media_pipeline's
(`media_pipeline.speech.synthesis`); this module only knows the story.
"""

from __future__ import annotations

import logging
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.dispatch import receiver
from django_tasks import task
from wagtail.signals import page_published

from core import purge
from core.cache import site_changed
from media_pipeline.speech import synthesis
from syndication import radio
from syndication.models import CHANNELS_FOR_KIND, RADIO_KINDS

from .models import StoryPage
from .selectors import story_audio_files

logger = logging.getLogger(__name__)

RADIO_CHANNELS = frozenset(code for kind in RADIO_KINDS for code in CHANNELS_FOR_KIND[kind])


def wants_read_aloud(story: StoryPage) -> bool:
    """Stories that stations read: meant for a radio or loudspeaker channel, or given a
    script of their own."""
    if (story.radio_script or "").strip():
        return True
    return story.channels.filter(code__in=RADIO_CHANNELS).exists()


def spoken_script(story: StoryPage) -> str:
    """The story's radio script as the voice reads it (the pronunciation dictionary applied)."""
    return synthesis.spoken_text(radio.source_script(story))


def player(story: StoryPage) -> dict | None:
    """What “Nghe bài” plays: the recorded file when the body has one, else the synthetic."""
    recorded = story_audio_files([story]).get(story.pk)
    if recorded is not None:
        return {"url": recorded.url, "synthetic": False}
    if story.synthetic_audio:
        return {"url": story.synthetic_audio.url, "synthetic": True}
    return None


def _forget(story: StoryPage) -> None:
    if story.synthetic_audio:
        story.synthetic_audio.delete(save=False)
    StoryPage.objects.filter(pk=story.pk).update(
        synthetic_audio="", synthetic_audio_source_hash="", synthetic_audio_duration=None
    )


def _changed(story: StoryPage) -> None:
    """The page and the feeds that carry it show the new audio at once, in every process."""
    site_changed()
    if purge.enabled():
        purge.purge_after_commit(purge.page_urls(story))


def render_story(story_id: int) -> str:
    """Renders one story (the task's work). Answers what happened: "rendered", "unchanged",
    "recorded" (a recorded file wins), "skipped" (not for radio, or not live), "failed"."""
    story = StoryPage.objects.filter(pk=story_id, live=True).first()
    if story is None:
        return "skipped"
    if story_audio_files([story]):
        if story.synthetic_audio:
            _forget(story)
            _changed(story)
        return "recorded"
    if not wants_read_aloud(story):
        return "skipped"
    spoken = spoken_script(story)
    digest = synthesis.source_hash(spoken)
    if (
        story.synthetic_audio
        and story.synthetic_audio_source_hash == digest
        and story.synthetic_audio.storage.exists(story.synthetic_audio.name)
    ):
        return "unchanged"
    try:
        speech = synthesis.render(spoken)
    except synthesis.SpeechError as error:
        logger.error("read-aloud of story %s failed: %s", story_id, error)
        return "failed"
    previous = story.synthetic_audio.name if story.synthetic_audio else ""
    field = StoryPage._meta.get_field("synthetic_audio")
    name = field.storage.save(
        field.generate_filename(story, f"story-{story.pk}-{digest[:12]}.mp3"),
        ContentFile(speech.mp3),
    )
    StoryPage.objects.filter(pk=story.pk).update(
        synthetic_audio=name,
        synthetic_audio_source_hash=digest,
        synthetic_audio_duration=round(speech.duration, 2),
    )
    if previous and previous != name:
        field.storage.delete(previous)
    _changed(story)
    return "rendered"


@task()
def render_read_aloud(story_id: int) -> str:
    return render_story(story_id)


def _enqueue(story_id: int) -> None:
    try:
        render_read_aloud.enqueue(story_id)
    except Exception:  # a broken queue must not fail the publish
        logger.exception("could not enqueue the read-aloud of story %s", story_id)


@receiver(page_published, sender=StoryPage, dispatch_uid="stories.read_aloud")
def story_published(sender, instance: StoryPage, **kwargs) -> None:
    """After the publish commits (the worker must see the new revision's text)."""
    transaction.on_commit(partial(_enqueue, instance.pk), robust=True)
