"""`manage.py load_demo`: a browsable demo newsroom in one command, safe to run again."""

import os

from django.core.management.base import BaseCommand, CommandError

from lantoa.demo.builder import DEFAULT_PASSWORD, DemoError, Reporter, build_demo, summary_text


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu minh họa: chuyên mục, loạt bài, bài viết, gương điển hình, văn bản và "
        "tài khoản cho từng vai trò. Chạy lại nhiều lần không tạo bản trùng."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--password",
            help=(
                "Mật khẩu chung của các tài khoản minh họa "
                f"(mặc định: biến môi trường DEMO_PASSWORD, nếu không có thì “{DEFAULT_PASSWORD}”)."
            ),
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Đặt lại mật khẩu cho cả những tài khoản minh họa đã có.",
        )

    def handle(self, *args, **options) -> None:
        password = options["password"] or os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        verbosity = options["verbosity"]
        if verbosity >= 1:
            self.stdout.write("Đang nạp dữ liệu minh họa Lan Tỏa…")
        try:
            result = build_demo(
                password=password,
                reset_passwords=options["reset_passwords"],
                reporter=Reporter(write=self.stdout.write, verbosity=verbosity),
            )
        except DemoError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(summary_text(result)))
