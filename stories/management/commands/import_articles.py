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
            "paths", nargs="+", type=Path, metavar="PATH", help=_("Tệp .txt, .html hoặc thư mục.")
        )
        parser.add_argument(
            "--column",
            metavar="SLUG",
            help=_("Slug của chuyên mục nhận bài (mặc định: chuyên mục đầu tiên)."),
        )
        parser.add_argument("--source", default="", help=_("Ghi vào trường “nguồn” của bài."))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Chỉ đọc và báo cáo, không lưu gì.")
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Không hiển thị thanh tiến trình.")
        )

    def handle(self, *args, **options) -> None:
        column = self._column(options["column"])
        source = options["source"].strip()
        if len(source) > SOURCE_MAX_LENGTH:
            raise CommandError(
                _("Giá trị --source dài quá %(limit)d ký tự.") % {"limit": SOURCE_MAX_LENGTH}
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
            raise CommandError(_("Không nhập được tệp nào."))

    def _column(self, slug: str | None) -> ColumnIndexPage:
        columns = ColumnIndexPage.objects.order_by("path")
        if slug:
            column = columns.filter(slug=slug).first()
            if column is None:
                known = ", ".join(columns.values_list("slug", flat=True)) or _("(chưa có)")
                raise CommandError(
                    _(
                        "Không có chuyên mục nào có slug “%(slug)s”. "
                        "Các chuyên mục hiện có: %(known)s."
                    )
                    % {"slug": slug, "known": known}
                )
            return column
        column = columns.first()
        if column is None:
            raise CommandError(
                _(
                    "Chưa có chuyên mục nào để nhận bài. Hãy tạo một chuyên mục trong trang quản "
                    "trị, hoặc chỉ định chuyên mục bằng --column SLUG."
                )
            )
        return column
