"""The rules that plan follow-up calls, kept as one clinic setting (the seed's by default)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.follow_ups import (
    DEFAULT_RULES,
    Assignee,
    FollowUpRule,
    FollowUpSource,
    check_rules,
)
from lorch_desk.domain.permissions import Action
from lorch_desk.models.organisation import ClinicSetting
from lorch_desk.services.access import require

SETTING_KEY = "follow_up.rules"


@dataclass(frozen=True, slots=True)
class FollowUpRulesRow:
    """The rules as the editor shows them, and whether they are still the seed's."""

    rules: tuple[FollowUpRule, ...]
    is_default: bool


def current_rules(uow: UnitOfWork) -> tuple[FollowUpRule, ...]:
    """The rules planning runs by (the defaults until a manager changes them)."""
    stored = _find(uow)
    if stored is None or stored.deleted_at is not None or not isinstance(stored.value, list):
        return DEFAULT_RULES
    return tuple(_decode(item) for item in stored.value)


def get_follow_up_rules(uow: UnitOfWork) -> FollowUpRulesRow:
    """The rules for the editor."""
    require(uow.actor, Action.FOLLOW_UP_VIEW)
    rules = current_rules(uow)
    return FollowUpRulesRow(rules, rules == DEFAULT_RULES)


def set_follow_up_rules(uow: UnitOfWork, *, rules: Sequence[FollowUpRule]) -> FollowUpRulesRow:
    """Replace the rules (managers); refused whole if any rule is wrong."""
    require(uow.actor, Action.FOLLOW_UP_RULES_EDIT)
    try:
        checked = check_rules(rules)
    except ValueError:
        raise ValidationFailed(field="source", rule="choice") from None
    value = [_encode(rule) for rule in checked]
    stored = _find(uow)
    if stored is None:
        uow.session.add(ClinicSetting(key=SETTING_KEY, value=value))
    else:
        if stored.value != value:
            stored.value = value
        if stored.deleted_at is not None:
            stored.deleted_at = None
    uow.session.flush()
    return FollowUpRulesRow(checked, checked == DEFAULT_RULES)


def _encode(rule: FollowUpRule) -> dict[str, object]:
    return {
        "source": rule.source.value,
        "category": rule.category,
        "offsets": list(rule.offsets),
        "assignee": rule.assignee.value,
    }


def _decode(item: dict[str, object]) -> FollowUpRule:
    offsets = item.get("offsets") or []
    return FollowUpRule(
        FollowUpSource(str(item["source"])),
        str(item.get("category", "")),
        tuple(int(day) for day in offsets),  # type: ignore[union-attr]
        Assignee(str(item.get("assignee", Assignee.CONSULTANT.value))),
    )


def _find(uow: UnitOfWork) -> ClinicSetting | None:
    return uow.session.scalars(
        select(ClinicSetting).where(ClinicSetting.key == SETTING_KEY)
    ).first()
