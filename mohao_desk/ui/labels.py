"""The domain's Vietnamese labels on screen, translated when they are shown.

The domain knows nothing of Qt: statuses, acts, countdown bands, timeliness, channels, component
kinds, ratings and countdowns come out of it as Vietnamese text. The UI shows them through this
module. Every label is listed below with ``QT_TRANSLATE_NOOP`` in the ``Labels`` context (so that
lupdate puts it in ``resources/translations/*.ts``) and translated at display time with
``QCoreApplication.translate``. Composed texts (a countdown, a processing time) are recomposed
here from their parts. Without a translator every function returns exactly the domain's text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from mohao_desk.domain.deadline import Countdown, ProcessingTime, TimeUnit

CONTEXT = "Labels"

LABELS = (
    # Trạng thái hồ sơ (lifecycle.Status)
    QT_TRANSLATE_NOOP("Labels", "Đã tiếp nhận"),
    QT_TRANSLATE_NOOP("Labels", "Đang giải quyết"),
    QT_TRANSLATE_NOOP("Labels", "Chờ bổ sung"),
    QT_TRANSLATE_NOOP("Labels", "Có kết quả, chờ trả"),
    QT_TRANSLATE_NOOP("Labels", "Đã trả kết quả"),
    QT_TRANSLATE_NOOP("Labels", "Từ chối giải quyết"),
    QT_TRANSLATE_NOOP("Labels", "Đã rút hồ sơ"),
    QT_TRANSLATE_NOOP("Labels", "Dừng giải quyết"),
    # Thao tác (lifecycle.Act), as the timeline names them
    QT_TRANSLATE_NOOP("Labels", "Tiếp nhận hồ sơ"),
    QT_TRANSLATE_NOOP("Labels", "Chuyển xử lý"),
    QT_TRANSLATE_NOOP("Labels", "Yêu cầu bổ sung hồ sơ"),
    QT_TRANSLATE_NOOP("Labels", "Nhận hồ sơ bổ sung"),
    QT_TRANSLATE_NOOP("Labels", "Có kết quả giải quyết"),
    QT_TRANSLATE_NOOP("Labels", "Trả kết quả"),
    QT_TRANSLATE_NOOP("Labels", "Rút hồ sơ"),
    QT_TRANSLATE_NOOP("Labels", "Số hóa"),
    QT_TRANSLATE_NOOP("Labels", "Xin lỗi và hẹn lại ngày trả kết quả"),
    QT_TRANSLATE_NOOP("Labels", "Đánh giá mức độ hài lòng"),
    # Countdown bands (deadline.Band) and timeliness (deadline.Timeliness); "quá hạn" is both
    QT_TRANSLATE_NOOP("Labels", "trong hạn"),
    QT_TRANSLATE_NOOP("Labels", "sắp đến hạn"),
    QT_TRANSLATE_NOOP("Labels", "quá hạn"),
    QT_TRANSLATE_NOOP("Labels", "trước hạn"),
    QT_TRANSLATE_NOOP("Labels", "đúng hạn"),
    # Kênh tiếp nhận (lifecycle.Channel)
    QT_TRANSLATE_NOOP("Labels", "Trực tiếp"),
    QT_TRANSLATE_NOOP("Labels", "Trực tuyến"),
    QT_TRANSLATE_NOOP("Labels", "Bưu chính công ích"),
    # Loại giấy tờ (catalog.COMPONENT_KINDS)
    QT_TRANSLATE_NOOP("Labels", "Bản chính"),
    QT_TRANSLATE_NOOP("Labels", "Bản sao"),
    QT_TRANSLATE_NOOP("Labels", "Bản sao chứng thực"),
    QT_TRANSLATE_NOOP("Labels", "Bản chính (xuất trình)"),
    # Mức độ hài lòng (services.desk.RATING_LABELS, kept in the rating event)
    QT_TRANSLATE_NOOP("Labels", "Rất hài lòng"),
    QT_TRANSLATE_NOOP("Labels", "Hài lòng"),
    QT_TRANSLATE_NOOP("Labels", "Không hài lòng"),
    # Vai trò (roles.Role)
    QT_TRANSLATE_NOOP("Labels", "Tiếp nhận, trả kết quả"),
    QT_TRANSLATE_NOOP("Labels", "Xử lý hồ sơ"),
    QT_TRANSLATE_NOOP("Labels", "Lãnh đạo"),
    QT_TRANSLATE_NOOP("Labels", "Quản trị"),
)


class Labels(QObject):
    """Only the ``Labels`` translation context, for the plural forms (lupdate marks
    ``Labels.tr(text, "", n)`` as a numerus message; it does not for ``translate``)."""


def tr_label(text: str) -> str:
    """A domain label in the current language (the label itself when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def duration_text(seconds: int, day_seconds: int) -> str:
    """Office time as "2 ngày 3 giờ" / "2 d 3 h" (deadline.format_office_duration's parts)."""
    days, rest = divmod(seconds, day_seconds)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(QCoreApplication.translate("Labels", "%1 ngày").replace("%1", str(days)))
    if hours:
        parts.append(QCoreApplication.translate("Labels", "%1 giờ").replace("%1", str(hours)))
    if not days and (minutes or not hours):
        parts.append(QCoreApplication.translate("Labels", "%1 phút").replace("%1", str(minutes)))
    return " ".join(parts)


def countdown_text(cd: Countdown) -> str:
    """A countdown as ``Countdown.text()`` writes it ("còn 2 ngày 3 giờ", "quá 4 giờ"),
    recomposed in the current language ("2 d 3 h left", "4 h overdue")."""
    amount = abs(cd.seconds)
    if cd.repeated_supplements:
        template = QCoreApplication.translate("Labels", "quá hạn (bổ sung nhiều lần; còn %1)")
        return template.replace("%1", duration_text(amount, cd.day_seconds))
    if cd.overdue and amount < 60:
        return QCoreApplication.translate("Labels", "quá hạn")
    if amount < 60:
        return QCoreApplication.translate("Labels", "đến hạn")
    if cd.overdue:
        template = QCoreApplication.translate("Labels", "quá %1")
    else:
        template = QCoreApplication.translate("Labels", "còn %1")
    return template.replace("%1", duration_text(amount, cd.day_seconds))


def period_text(period: ProcessingTime) -> str:
    """A processing time as ``ProcessingTime.describe()`` writes it ("5 ngày làm việc")."""
    if period.unit is TimeUnit.SAME_DAY:
        return (
            Labels.tr("Trong ngày (tiếp nhận đến %1 giờ %2)")
            .replace("%1", f"{period.cutoff:%H}")
            .replace("%2", f"{period.cutoff:%M}")
        )
    n = period.value
    if period.unit is TimeUnit.WORKING_DAYS:
        return Labels.tr("%n ngày làm việc", "", n)
    if period.unit is TimeUnit.WORKING_HOURS:
        return Labels.tr("%n giờ làm việc", "", n)
    if period.unit is TimeUnit.CALENDAR_DAYS:
        return Labels.tr("%n ngày", "", n)
    if period.unit is TimeUnit.MONTHS:
        return Labels.tr("%n tháng", "", n)
    return period.describe()
