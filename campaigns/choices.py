"""Every choice list of the campaigns app, in one place: models, forms, filters, the dashboard,
reports, the demo and search all read their codes and labels from here."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExemplarKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")
    MODEL = "model", _("Mô hình")


class ExemplarField(models.TextChoices):
    """Lĩnh vực: the fields the provincial plans name for exemplars."""

    ECONOMY = "economy", _("Phát triển kinh tế, giảm nghèo bền vững")
    GOOD_DEEDS = "good_deeds", _("Người tốt, việc tốt")
    RESIDENTIAL = "residential", _("Thôn, tổ dân phố, khu dân cư")
    FAMILY = "family", _("Gia đình, dòng họ")
    NEW_RURAL = "new_rural", _("Xây dựng nông thôn mới")
    BUSINESS = "business", _("Sản xuất, kinh doanh")
    ADMINISTRATION = "administration", _("Cơ quan hành chính, sự nghiệp")
    DEFENCE = "defence", _("Quốc phòng, an ninh")
    EDUCATION = "education", _("Giáo dục và đào tạo")
    HEALTH = "health", _("Y tế, chăm sóc sức khỏe")
    YOUTH = "youth", _("Thanh niên khởi nghiệp, lập nghiệp")
    OTHER = "other", _("Lĩnh vực khác")


class LegalDocumentType(models.TextChoices):
    PLAN = "plan", _("Kế hoạch")
    OFFICIAL_LETTER = "official_letter", _("Công văn")
    DECISION = "decision", _("Quyết định")
    DIRECTIVE = "directive", _("Chỉ thị")
    RESOLUTION = "resolution", _("Nghị quyết")
    GUIDANCE = "guidance", _("Hướng dẫn")
    NOTICE = "notice", _("Thông báo")
    REPORT = "report", _("Báo cáo")
    OTHER = "other", _("Văn bản khác")


class CampaignStatus(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    RUNNING = "running", _("Đang triển khai")
    CLOSED = "closed", _("Đã kết thúc")


class CampaignScope(models.TextChoices):
    PROVINCE = "province", _("Toàn tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    SECTOR = "sector", _("Ngành, lĩnh vực")


class Stage(models.IntegerChoices):
    """The four steps of the plans; the number orders them (moving back lowers it)."""

    DISCOVERED = 1, _("Phát hiện")
    NURTURED = 2, _("Bồi dưỡng")
    SUMMED_UP = 3, _("Tổng kết")
    REPLICATED = 4, _("Nhân rộng")


class Half(models.IntegerChoices):
    WHOLE_YEAR = 0, _("Cả năm")
    FIRST = 1, _("6 tháng đầu năm")
    SECOND = 2, _("6 tháng cuối năm")


def period_bounds(year: int, half: int = Half.WHOLE_YEAR) -> tuple[date, date]:
    """First and last day of a year or of one of its halves."""
    if half == Half.FIRST:
        return date(year, 1, 1), date(year, 6, 30)
    if half == Half.SECOND:
        return date(year, 7, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


class RecognitionLevel(models.TextChoices):
    COMMUNE = "commune", _("Cấp xã")
    DISTRICT = "district", _("Cấp huyện")
    PROVINCE = "province", _("Cấp tỉnh")
    MINISTRY = "ministry", _("Cấp bộ, ngành, đoàn thể trung ương")
    STATE = "state", _("Cấp Nhà nước")


class RecognitionForm(models.TextChoices):
    CERTIFICATE = "certificate", _("Giấy khen")
    MERIT = "merit", _("Bằng khen")
    TITLE = "title", _("Danh hiệu")
    FLAG = "flag", _("Cờ thi đua")
    MEDAL = "medal", _("Huân chương, huy chương")
    OTHER = "other", _("Hình thức khác")


class ReportStatus(models.TextChoices):
    """Where a background campaign report is (`CampaignReport.status`)."""

    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang lập")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class SigningAuthority(models.TextChoices):
    """How the signer signs (Nghị định 30/2020/NĐ-CP, Article 13): for the collective (TM.),
    in place of the head (KT.), as the acting head (Q.), or as the head (no prefix)."""

    NONE = "", _("The head signs (no prefix)")
    ON_BEHALF = "tm", _("TM. (on behalf of the collective body)")
    DEPUTY = "kt", _("KT. (signing in place of the head)")
    ACTING = "q", _("Q. (acting head)")

    @property
    def prefix(self) -> str:
        return {"tm": "TM.", "kt": "KT.", "q": "Q."}.get(self.value, "")
