"""Rebuilds the whole search index from live, public pages, with a progress bar."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from search import index
from search.backends import get_backend


class Command(BaseCommand):
    help = "Xây dựng lại toàn bộ chỉ mục tìm kiếm (chỉ trang đang xuất bản, công khai)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Không hiện thanh tiến độ.")

    def handle(self, *args, **options) -> None:
        done = index.rebuild(progress=not options["no_progress"])
        backend = get_backend()
        self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục {done} trang ({backend.name})."))
        # Which analysis chain the new index uses (Elasticsearch decides it by asking the server).
        self.stdout.write(_("Text analysis: %(description)s") % {"description": backend.describe()})
