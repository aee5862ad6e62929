"""The appointment messages of DOMAIN.md, filled in for one customer."""

from __future__ import annotations

from datetime import datetime

from lorch_desk.domain.appointment_messages import (
    DEFAULT_TEMPLATES,
    MessageKind,
    addressed_name,
    render_message,
)

CONFIRMED = DEFAULT_TEMPLATES[MessageKind.APPOINTMENT_CONFIRMED]
CANCELLED = DEFAULT_TEMPLATES[MessageKind.APPOINTMENT_CANCELLED]


def test_the_confirmation_reads_as_the_clinic_wrote_it() -> None:
    text = render_message(
        CONFIRMED,
        name="王芳",
        gender="female",
        local_start=datetime(2026, 11, 24, 10, 0),
        item="祛斑",
    )
    assert text == (
        "尊敬的王芳女士,您在11月24日10时,预约的祛斑项目已经预约成功,请按时来中心接受服务,"
        "如有变化请提前一天通知本中心或客服,期待您的光临。"
    )


def test_the_cancellation_with_minutes_and_an_item_already_called_a_project() -> None:
    text = render_message(
        CANCELLED,
        name="李强",
        gender="male",
        local_start=datetime(2026, 3, 5, 14, 30),
        item="体检项目",
    )
    assert text == "尊敬的李强先生,您在3月5日14时30分,预约的体检项目已经取消,感谢您的支持!"


def test_titles_by_sex_and_for_leads_who_gave_only_a_surname() -> None:
    assert addressed_name("张敏", "unknown") == "张敏先生/女士"
    assert addressed_name("王女士", "female") == "王女士"
    assert addressed_name(" 赵先生 ", "male") == "赵先生"
