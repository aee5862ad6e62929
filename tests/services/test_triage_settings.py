"""The site's triage policy as a setting: seed numbers by default, managers change them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

import pytest

from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.triage_policy import DEFAULT_POLICY
from lorch_desk.services import triage_settings


def test_the_seed_numbers_hold_until_a_manager_changes_them(
    run: Callable[..., object], actor_for: Callable[..., Actor]
) -> None:
    manager = actor_for(Role.BRANCH_MANAGER)
    assert run(manager, triage_settings.get_triage_policy).policy == DEFAULT_POLICY

    changed = run(
        manager,
        triage_settings.set_triage_policy,
        values={"accept_minutes": 12, "counted_until": "17:30"},
    )

    row = run(actor_for(Role.RECEPTIONIST), triage_settings.get_triage_policy)
    assert row == changed
    assert (row.policy.accept_minutes, row.policy.counted_until) == (12, time(17, 30))
    assert row.policy.max_wait_minutes == 15
    assert not row.is_default


@pytest.mark.parametrize(
    ("values", "field", "rule"),
    [
        ({"accept_minutes": 0}, "accept_minutes", "range"),
        ({"unanswered_calls_to_skip": "two"}, "unanswered_calls_to_skip", "integer"),
        ({"half_day_start": "1 pm"}, "half_day_start", "time"),
        ({"max_wait_minutes": 5}, "max_wait_minutes", "range"),
        ({"colour": 3}, "colour", "unknown_field"),
    ],
)
def test_bad_numbers_are_refused_and_nothing_is_stored(
    run: Callable[..., object],
    actor_for: Callable[..., Actor],
    values: dict,
    field: str,
    rule: str,
) -> None:
    manager = actor_for(Role.BRANCH_MANAGER)
    with pytest.raises(ValidationFailed) as refused:
        run(manager, triage_settings.set_triage_policy, values=values)
    assert (refused.value.field, refused.value.params["rule"]) == (field, rule)
    assert run(manager, triage_settings.get_triage_policy).is_default


def test_a_receptionist_may_not_change_the_policy(
    run: Callable[..., object], actor_for: Callable[..., Actor]
) -> None:
    with pytest.raises(PermissionDenied):
        run(
            actor_for(Role.RECEPTIONIST),
            triage_settings.set_triage_policy,
            values={"accept_minutes": 5},
        )
