"""Makes the broadcast copies still missing (items migrated from documents, or failed ones after
ffmpeg was installed): `manage.py audio_broadcast_copies [--failed] [--queue]`."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from media_pipeline.audio.tasks import make_broadcast_copy, make_broadcast_copy_now
from media_pipeline.models import Audio


class Command(BaseCommand):
    help = "Make the broadcast copies of audio items that have none yet."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--failed", action="store_true", help="Retry failed copies too.")
        parser.add_argument(
            "--queue", action="store_true", help="Enqueue for the task worker instead."
        )

    def handle(self, *args, failed: bool = False, queue: bool = False, **options) -> None:
        statuses = ["pending", "processing"] + (["failed"] if failed else [])
        ids = list(
            Audio.objects.filter(type="audio", broadcast_status__in=statuses)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        results: dict[str, int] = {}
        for pk in ids:
            if queue:
                make_broadcast_copy.enqueue(pk)
                status = "queued"
            else:
                status = make_broadcast_copy_now(pk)
            results[status] = results.get(status, 0) + 1
        summary = ", ".join(f"{status}: {count}" for status, count in sorted(results.items()))
        self.stdout.write(f"{len(ids)} items. {summary}")
