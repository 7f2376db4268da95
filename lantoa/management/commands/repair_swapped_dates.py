"""`manage.py repair_swapped_dates`: lists dates probably stored day-and-month swapped (the
default, changes nothing), and fixes the ones an operator names (docs/operations.md)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from lantoa.date_repair import (
    CERTAIN,
    LIKELY,
    POSSIBLE,
    Candidate,
    confidence_label,
    find_candidates,
    fix_cutoff,
    show,
)
from stories.management.commands.import_articles import _ProgressStream


class Command(BaseCommand):
    help = (
        "Tìm ngày, giờ có thể đã bị lưu đảo ngày và tháng (do biểu mẫu cũ đọc tháng trước "
        "ngày) và sửa những giá trị được chỉ định. Mặc định chỉ liệt kê, không sửa gì."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--apply",
            nargs="+",
            metavar="KHÓA",
            default=[],
            help=_("Fix the values with these keys (the key begins each line of the list)."),
        )
        parser.add_argument(
            "--apply-certain",
            action="store_true",
            help=_("Fix every value whose evidence is “certain” (the page's revision history)."),
        )
        parser.add_argument(
            "--fixed-at",
            metavar="dd/mm/yyyy HH:MM",
            help=_(
                "When the date format fix was deployed; saves before it are taken to have read the "
                "month before the day (default: when migration campaigns.0006 ran)."
            ),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Do not show a progress bar.")
        )

    def handle(self, *args, **options) -> None:
        cutoff = self._cutoff(options["fixed_at"])
        show_progress = (
            not options["no_progress"] and options["verbosity"] > 0 and self.stderr.isatty()
        )
        stream = _ProgressStream(self.stderr) if show_progress else None

        def progress(iterable, total):
            return tqdm(iterable, total=total, file=stream, disable=stream is None, leave=False)

        candidates = find_candidates(cutoff=cutoff, progress=progress)
        wanted = set(options["apply"])
        known = {candidate.key for candidate in candidates}
        unknown = sorted(wanted - known)
        if unknown:
            raise CommandError(
                _("Not in the list (run the command again without --apply to see it): %s")
                % ", ".join(unknown)
            )
        chosen = [
            c
            for c in candidates
            if c.key in wanted or (options["apply_certain"] and c.confidence == CERTAIN)
        ]
        self.stdout.write(
            _("Saves before %(cutoff)s are taken to have read the month before the day.")
            % {"cutoff": show(cutoff)}
        )
        if not chosen:
            for candidate in candidates:
                self._describe(candidate)
            self._summary(candidates)
            return
        failed = 0
        for candidate in tqdm(chosen, file=stream, disable=stream is None, leave=False):
            try:
                changes = candidate.apply()
            except ValidationError as error:
                failed += 1
                self.stderr.write(
                    _("Could not fix %(key)s: %(reason)s")
                    % {"key": candidate.key, "reason": " ".join(error.messages)}
                )
                continue
            self.stdout.write(
                _("Fixed %(key)s: %(old)s → %(new)s (%(changes)s)")
                % {
                    "key": candidate.key,
                    "old": show(candidate.current, candidate.tz),
                    "new": show(candidate.proposed, candidate.tz),
                    "changes": ", ".join(changes),
                }
            )
            for warning in candidate.warnings:
                self.stdout.write(f"    ! {warning}")
        self.stdout.write(
            _("Fixed %(done)d values, %(failed)d could not be fixed.")
            % {"done": len(chosen) - failed, "failed": failed}
        )
        if failed:
            raise CommandError(_("Some values could not be fixed (see above)."))

    def _cutoff(self, typed: str | None):
        if not typed:
            return fix_cutoff()
        try:
            return forms.DateTimeField().clean(typed)
        except ValidationError as error:
            raise CommandError(
                _("--fixed-at: %(error)s For example: 01/12/2026 14:50.")
                % {"error": " ".join(error.messages)}
            ) from error

    def _describe(self, candidate: Candidate) -> None:
        self.stdout.write(f"[{confidence_label(candidate.confidence)}] {candidate.key}")
        self.stdout.write(f"    {candidate.label}")
        self.stdout.write(
            "    "
            + _("stored: %(current)s → proposed: %(proposed)s")
            % {
                "current": show(candidate.current, candidate.tz),
                "proposed": show(candidate.proposed, candidate.tz),
            }
        )
        for line in candidate.evidence:
            self.stdout.write("    " + _("evidence: %s") % line)
        for warning in candidate.warnings:
            self.stdout.write(f"    ! {warning}")

    def _summary(self, candidates: list[Candidate]) -> None:
        counts = dict.fromkeys((CERTAIN, LIKELY, POSSIBLE), 0)
        for candidate in candidates:
            counts[candidate.confidence] += 1
        if not candidates:
            self.stdout.write(_("No date shows signs of a swapped day and month."))
            return
        self.stdout.write(
            _(
                "%(total)d values may be swapped: %(certain)d certain, %(likely)d likely, "
                "%(possible)d possible. Nothing fixed yet. Fix them with --apply KEY … or "
                "--apply-certain."
            )
            % {
                "total": len(candidates),
                "certain": counts[CERTAIN],
                "likely": counts[LIKELY],
                "possible": counts[POSSIBLE],
            }
        )
