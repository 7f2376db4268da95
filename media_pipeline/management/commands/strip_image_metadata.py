"""`manage.py strip_image_metadata [--dry-run]`: removes what a camera wrote into stored photos
(GPS position, make, model, serial, software, XMP, IPTC, comments), keeping each photo's row,
and deletes their stale renditions. Photos uploaded since intake strips them are already clean;
this is for files put in storage some other way (a restored backup, an old import)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from media_pipeline.images.stored import BROKEN, CLEAN, MISSING, STRIPPED, strip_all
from media_pipeline.models import LanToaImage


class Command(BaseCommand):
    help = "Remove GPS position, camera and other metadata from stored photos."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the photos to clean; change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        images = LanToaImage.objects.all()
        total = images.count()
        counts = strip_all(
            images,
            dry_run=dry_run,
            progress=lambda rows: tqdm(
                rows, total=total, unit="photo", file=self.stderr, disable=options["verbosity"] == 0
            ),
        )
        if dry_run:
            summary = _(
                "%(total)s photos: %(stripped)s to clean, %(clean)s already clean, "
                "%(missing)s missing, %(broken)s unreadable (nothing changed)."
            )
        else:
            summary = _(
                "%(total)s photos: %(stripped)s cleaned, %(clean)s already clean, "
                "%(missing)s missing, %(broken)s unreadable."
            )
        self.stdout.write(
            summary
            % {
                "total": total,
                "stripped": counts[STRIPPED],
                "clean": counts[CLEAN],
                "missing": counts[MISSING],
                "broken": counts[BROKEN],
            }
        )
