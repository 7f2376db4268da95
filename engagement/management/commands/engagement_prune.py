"""`manage.py engagement_prune`: delete raw events past the retention (rolled up first)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from engagement import rollups


class Command(BaseCommand):
    help = "Xóa sự kiện thô cũ hơn số ngày lưu giữ, sau khi đã tổng hợp."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Số ngày giữ sự kiện thô (mặc định ENGAGEMENT_RETENTION_DAYS).",
        )

    def handle(self, *args, days: int | None, **options) -> None:
        retention = days if days is not None else settings.ENGAGEMENT_RETENTION_DAYS
        deleted, pruned_days = rollups.prune(retention)
        if options["verbosity"] > 0:
            self.stdout.write(f"Đã xóa {deleted} sự kiện thô của {len(pruned_days)} ngày.")
