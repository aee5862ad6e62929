"""The site's triage policy (seed 003's numbers by default), kept as a clinic setting."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import time
from typing import Any

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.triage_policy import DEFAULT_POLICY, TriagePolicy
from lorch_desk.models.organisation import ClinicSetting
from lorch_desk.services.access import require

SETTING_KEY_PREFIX = "triage.policy."
# The smallest and largest value an administrator may set for each whole-number setting.
LIMITS: dict[str, tuple[int, int]] = {
    "accept_minutes": (1, 60),
    "busy_skip_minutes": (1, 60),
    "extra_wait_minutes": (1, 60),
    "max_wait_minutes": (1, 120),
    "unanswered_calls_to_skip": (1, 10),
    "ownership_min_follow_ups": (0, 100),
    "ownership_window_days": (1, 365),
}
TIME_SETTINGS = ("counted_until", "half_day_start")


@dataclass(frozen=True, slots=True)
class TriagePolicyRow:
    """The policy as the settings box shows it, and whether it differs from the seed's."""

    policy: TriagePolicy
    is_default: bool


def setting_key(uow: UnitOfWork) -> str:
    """The clinic_setting key of the acting user's site's triage policy."""
    return f"{SETTING_KEY_PREFIX}{uow.actor.site_id}"


def site_policy(uow: UnitOfWork) -> TriagePolicy:
    """The policy the site's rotation runs by (the seed's numbers until someone changes them)."""
    stored = _find(uow)
    if stored is None or stored.deleted_at is not None or not isinstance(stored.value, dict):
        return DEFAULT_POLICY
    return _decode(stored.value)


def get_triage_policy(uow: UnitOfWork) -> TriagePolicyRow:
    """The site's policy for the settings box."""
    require(uow.actor, Action.ARRIVAL_VIEW)
    policy = site_policy(uow)
    return TriagePolicyRow(policy, policy == DEFAULT_POLICY)


def set_triage_policy(uow: UnitOfWork, *, values: dict[str, Any]) -> TriagePolicyRow:
    """Change the site's policy (managers); unnamed settings keep their current value."""
    require(uow.actor, Action.TRIAGE_DIRECT)
    current = asdict(site_policy(uow))
    for name, value in values.items():
        if name not in current:
            raise ValidationFailed(field=name, rule="unknown_field")
        current[name] = _checked(name, value)
    if current["max_wait_minutes"] < current["accept_minutes"]:
        raise ValidationFailed(
            field="max_wait_minutes", rule="range", minimum=current["accept_minutes"], maximum=120
        )
    policy = TriagePolicy(**current)
    value = _encode(policy)
    stored = _find(uow)
    if stored is None:
        uow.session.add(ClinicSetting(key=setting_key(uow), value=value))
    else:
        if stored.value != value:
            stored.value = value
        if stored.deleted_at is not None:
            stored.deleted_at = None
    uow.session.flush()
    return TriagePolicyRow(policy, policy == DEFAULT_POLICY)


def _checked(name: str, value: Any) -> Any:
    if name in TIME_SETTINGS:
        if isinstance(value, time):
            return value.replace(second=0, microsecond=0)
        try:
            return time.fromisoformat(str(value))
        except ValueError:
            raise ValidationFailed(field=name, rule="time") from None
    minimum, maximum = LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationFailed(field=name, rule="integer")
    if not minimum <= value <= maximum:
        raise ValidationFailed(field=name, rule="range", minimum=minimum, maximum=maximum)
    return value


def _encode(policy: TriagePolicy) -> dict[str, Any]:
    return {
        item.name: (value.strftime("%H:%M") if isinstance(value, time) else value)
        for item in fields(policy)
        for value in [getattr(policy, item.name)]
    }


def _decode(value: dict[str, Any]) -> TriagePolicy:
    known = {item.name for item in fields(TriagePolicy)}
    values = {name: item for name, item in value.items() if name in known}
    for name in TIME_SETTINGS:
        if name in values:
            values[name] = time.fromisoformat(values[name])
    return TriagePolicy(**values)


def _find(uow: UnitOfWork) -> ClinicSetting | None:
    statement = select(ClinicSetting).where(ClinicSetting.key == setting_key(uow))
    return uow.session.scalars(statement).first()
