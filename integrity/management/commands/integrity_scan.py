"""`manage.py integrity_scan`: every live page (rendered) and every draft (latest revision)."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from integrity.models import RuleKind
from integrity.scan import scan_drafts, scan_live_pages
from integrity.services import load_rules


class Command(BaseCommand):
    help = (
        "Quét mọi trang đang xuất bản (bản hiển thị cho bạn đọc) và mọi bản nháp (phiên bản mới "
        "nhất) tìm quảng cáo cờ bạc, liên kết lạ hoặc ẩn, tên cơ quan bị thay. Trả mã 1 khi có "
        "phát hiện."
    )

    def handle(self, *args, **options) -> None:
        rules = load_rules()
        labels = dict(RuleKind.choices)
        found = scan_live_pages(rules) + scan_drafts(rules)
        for item in found:
            label = labels.get(item.finding.rule, item.finding.rule)
            self.stdout.write(f"{item.page_id}\t{item.title}\t{label}\t{item.finding.excerpt}")
        if found:
            self.stderr.write(_("Findings: %(count)d") % {"count": len(found)})
            sys.exit(1)
        if options["verbosity"] > 0:
            self.stdout.write(_("No findings."))
