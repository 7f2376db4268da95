"""Runs Wagtail's `publish_scheduled` every minute (scheduled publishing is not a task), and
the engagement roll-up of today and yesterday plus the raw-event pruning every ten runs."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

ENGAGEMENT_EVERY = 10  # runs between two engagement roll-ups ("Lượt xem" lags by that much)


class Command(BaseCommand):
    help = (
        "Xuất bản / gỡ các trang đã hẹn giờ, lặp lại sau mỗi khoảng thời gian (mặc định 60 giây)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=int, default=60, help="Số giây giữa hai lần chạy.")
        parser.add_argument("--once", action="store_true", help="Chạy một lần rồi thoát.")

    def handle(self, *args, interval: int, once: bool, **options) -> None:
        if interval < 1:
            interval = 1
        verbosity = options["verbosity"]
        runs = 0
        try:
            while True:
                call_command("publish_scheduled", verbosity=max(verbosity - 1, 0))
                if runs % ENGAGEMENT_EVERY == 0:
                    call_command("engagement_rollup", verbosity=0)
                    call_command("engagement_prune", verbosity=0)
                runs += 1
                if once:
                    return
                if verbosity > 1:
                    self.stdout.write(f"{timezone.localtime():%H:%M:%S} đã kiểm tra lịch xuất bản")
                time.sleep(interval)
        except KeyboardInterrupt:
            self.stdout.write("Đã dừng bộ hẹn giờ xuất bản.")
