"""`manage.py engagement_rollup`: rebuild the daily roll-ups (idempotent, safe to repeat)."""

from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from engagement import rollups


class Command(BaseCommand):
    help = "Tổng hợp số liệu tương tác theo ngày (chạy lại bao nhiêu lần cũng cho cùng kết quả)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="Một ngày, dạng NNNN-TT-NN.")
        parser.add_argument(
            "--days", type=int, default=2, help="Hôm nay và N-1 ngày trước (mặc định 2)."
        )
        parser.add_argument(
            "--pending", action="store_true", help="Mọi ngày có sự kiện chưa được tổng hợp."
        )

    def handle(self, *args, date: str | None, days: int, pending: bool, **options) -> None:
        if date:
            try:
                targets = [_parse(date)]
            except ValueError as error:
                raise CommandError("Ngày không hợp lệ: dùng dạng NNNN-TT-NN.") from error
        elif pending:
            targets = rollups.pending_days()
        else:
            today = timezone.localdate()
            targets = [today - timedelta(days=offset) for offset in range(max(days, 1))]
        for day in targets:
            rows = rollups.rollup_day(day)
            if options["verbosity"] > 0:
                self.stdout.write(f"{day.isoformat()}: {rows} dòng số liệu")


def _parse(value: str):
    return date.fromisoformat(value)
