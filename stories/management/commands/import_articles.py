"""`manage.py import_articles PATH…`: legacy portal articles in as draft stories."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, OutputWrapper
from django.utils.translation import gettext as _

from stories.importer import SOURCE_MAX_LENGTH, import_files
from stories.models import ColumnIndexPage


class _ProgressStream:
    """Hands tqdm's redraws to the command's stderr without the newline Django appends."""

    def __init__(self, wrapper: OutputWrapper) -> None:
        self._wrapper = wrapper

    def write(self, text: str) -> None:
        self._wrapper.write(text, style_func=lambda message: message, ending="")

    def flush(self) -> None:
        self._wrapper.flush()


class Command(BaseCommand):
    help = (
        "Nhập bài viết xuất từ cổng thông tin cũ (tệp .txt hoặc .html, UTF-8) thành bài nháp "
        "trong một chuyên mục. Chạy lại nhiều lần không tạo bài trùng."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "paths",
            nargs="+",
            type=Path,
            metavar="PATH",
            help=_("A .txt or .html file, or a folder."),
        )
        parser.add_argument(
            "--column",
            metavar="SLUG",
            help=_("Slug of the column that receives the articles (default: the first column)."),
        )
        parser.add_argument(
            "--source", default="", help=_("Written into the stories' “source” field.")
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Only read and report; save nothing.")
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Do not show a progress bar.")
        )

    def handle(self, *args, **options) -> None:
        column = self._column(options["column"])
        source = options["source"].strip()
        if len(source) > SOURCE_MAX_LENGTH:
            raise CommandError(
                _("The --source value is longer than %(limit)d characters.")
                % {"limit": SOURCE_MAX_LENGTH}
            )
        show_progress = (
            not options["no_progress"] and options["verbosity"] > 0 and self.stderr.isatty()
        )
        report = import_files(
            options["paths"],
            column,
            dry_run=options["dry_run"],
            source=source,
            progress=_ProgressStream(self.stderr) if show_progress else None,
        )
        if options["verbosity"] > 1:
            for name, title in report.imported:
                self.stdout.write(f"  + {name}: {title}")
        if options["verbosity"] > 0 or report.failed:
            self.stdout.write("\n".join(report.summary_lines()))
        if report.all_failed:
            raise CommandError(_("No file could be imported."))

    def _column(self, slug: str | None) -> ColumnIndexPage:
        columns = ColumnIndexPage.objects.order_by("path")
        if slug:
            column = columns.filter(slug=slug).first()
            if column is None:
                known = ", ".join(columns.values_list("slug", flat=True)) or _("(none yet)")
                raise CommandError(
                    _("No column has the slug “%(slug)s”. The existing columns: %(known)s.")
                    % {"slug": slug, "known": known}
                )
            return column
        column = columns.first()
        if column is None:
            raise CommandError(
                _(
                    "There is no column to receive the articles yet. Create a column in the admin, "
                    "or name one with --column SLUG."
                )
            )
        return column
