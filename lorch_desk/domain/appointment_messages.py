"""The appointment messages of seed 000/001 (DOMAIN.md), filled in for one customer."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


class MessageKind(StrEnum):
    APPOINTMENT_CONFIRMED = "appointment_confirmed"
    APPOINTMENT_CANCELLED = "appointment_cancelled"
    # Personal care (seed 000): written from the message templates of services/message_templates.
    BIRTHDAY_GREETING = "birthday_greeting"
    HOLIDAY_GREETING = "holiday_greeting"
    MARKETING = "marketing"
    # Membership (seed 002): tier change notices and member-event invitations.
    TIER_CHANGED = "tier_changed"
    MEMBER_EVENT_INVITATION = "member_event_invitation"


# The clinic's wording; {name} carries 先生/女士, {when} the month, day and hour.
DEFAULT_TEMPLATES: dict[MessageKind, str] = {
    MessageKind.APPOINTMENT_CONFIRMED: (
        "尊敬的{name},您在{when},预约的{item}已经预约成功,请按时来中心接受服务,"
        "如有变化请提前一天通知本中心或客服,期待您的光临。"
    ),
    MessageKind.APPOINTMENT_CANCELLED: "尊敬的{name},您在{when},预约的{item}已经取消,感谢您的支持!",
}

_TITLES = {"male": "先生", "female": "女士"}


_ALREADY_TITLED = ("先生", "女士", "小姐")


def addressed_name(name: str, gender: str) -> str:
    """王芳女士 / 李强先生; 先生/女士 when the sex is not known; a lead's 王女士 stays as it is."""
    name = name.strip()
    if name.endswith(_ALREADY_TITLED):
        return name
    return name + _TITLES.get(gender, "先生/女士")


def spoken_time(local: datetime) -> str:
    """11月24日10时 (10时30分 when not on the hour), in the clinic's wall-clock time."""
    text = f"{local.month}月{local.day}日{local.hour}时"
    return text + (f"{local.minute}分" if local.minute else "")


def item_phrase(item: str) -> str:
    """祛斑项目: the template says "预约的XX项目"; an item already called 项目 is not doubled."""
    item = item.strip()
    return item if item.endswith("项目") else item + "项目"


def render_message(
    template: str, *, name: str, gender: str, local_start: datetime, item: str
) -> str:
    """The text of one message from a template with {name}, {when} and {item}."""
    return template.format(
        name=addressed_name(name, gender), when=spoken_time(local_start), item=item_phrase(item)
    )
