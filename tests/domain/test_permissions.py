"""The permission matrix, cell by cell, and what the clinic meant by it."""

from __future__ import annotations

import itertools
import uuid

import pytest

from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import PermissionDenied
from lorch_desk.domain.permissions import (
    ALLOWED_ROLES,
    ROLES_SEEING_MASKED_CONTACT,
    Action,
    Role,
    is_allowed,
)
from lorch_desk.services.access import require


def _actor(role: Role) -> Actor:
    return Actor(
        user_id=uuid.uuid4(),
        username=role.value,
        display_name=role.value,
        role=role,
        site_id=uuid.uuid4(),
        site_code="BJ",
        node_id=uuid.uuid4(),
    )


def test_every_action_has_a_row_in_the_matrix() -> None:
    assert set(ALLOWED_ROLES) == set(Action)
    for action, roles in ALLOWED_ROLES.items():
        assert roles, f"nobody may {action}"
        assert roles <= set(Role)


@pytest.mark.parametrize(
    ("role", "action"),
    list(itertools.product(Role, Action)),
    ids=[f"{role.value}-{action.value}" for role, action in itertools.product(Role, Action)],
)
def test_require_refuses_exactly_the_roles_missing_from_the_matrix(
    role: Role, action: Action
) -> None:
    actor = _actor(role)
    allowed = role in ALLOWED_ROLES[action]
    assert is_allowed(role, action) is allowed
    assert actor.may(action) is allowed
    if allowed:
        require(actor, action)
    else:
        with pytest.raises(PermissionDenied) as refused:
            require(actor, action)
        assert refused.value.code == "permission_denied"
        assert refused.value.params == {"action": action.value, "role": role.value}


# --- the clinic's intent, spelled out -----------------------------------------------------------


def _who(action: Action) -> set[Role]:
    return {role for role in Role if is_allowed(role, action)}


def test_only_headquarters_edits_institutions_users_and_settings() -> None:
    assert _who(Action.INSTITUTION_EDIT) == {Role.HQ_ADMIN}
    assert _who(Action.USER_ADMIN) == {Role.HQ_ADMIN}
    assert _who(Action.SETTINGS_EDIT) == {Role.HQ_ADMIN}


def test_health_files_are_opened_by_clinicians_and_managers_only() -> None:
    assert _who(Action.HEALTH_FILE_VIEW) == {
        Role.CONSULTANT,
        Role.DOCTOR,
        Role.BRANCH_MANAGER,
        Role.HQ_ADMIN,
    }
    assert _who(Action.HEALTH_FILE_EDIT) == {Role.CONSULTANT, Role.DOCTOR}
    for role in (Role.RECEPTIONIST, Role.PHARMACIST, Role.CUSTOMER_SERVICE):
        with pytest.raises(PermissionDenied):
            require(_actor(role), Action.HEALTH_FILE_VIEW)


def test_pharmacists_see_masked_contact_numbers() -> None:
    assert Role.PHARMACIST in ROLES_SEEING_MASKED_CONTACT
    assert Role.CONSULTANT in ROLES_SEEING_MASKED_CONTACT
    with pytest.raises(PermissionDenied):
        require(_actor(Role.PHARMACIST), Action.CUSTOMER_REVEAL_CONTACT)


def test_staff_who_phone_customers_see_full_numbers() -> None:
    for role in (Role.RECEPTIONIST, Role.CUSTOMER_SERVICE, Role.DOCTOR, Role.BRANCH_MANAGER):
        assert role not in ROLES_SEEING_MASKED_CONTACT
        require(_actor(role), Action.CUSTOMER_REVEAL_CONTACT)


def test_masked_roles_are_exactly_those_not_allowed_to_reveal() -> None:
    assert set(Role) - ALLOWED_ROLES[Action.CUSTOMER_REVEAL_CONTACT] == ROLES_SEEING_MASKED_CONTACT


def test_everyone_may_look_customers_up_but_only_managers_merge_them() -> None:
    assert _who(Action.CUSTOMER_VIEW) == set(Role)
    assert _who(Action.CUSTOMER_MERGE) == {Role.BRANCH_MANAGER, Role.HQ_ADMIN}


def test_pharmacists_and_doctors_do_not_register_customers() -> None:
    assert Role.PHARMACIST not in _who(Action.CUSTOMER_CREATE)
    assert Role.DOCTOR not in _who(Action.CUSTOMER_CREATE)
    assert Role.RECEPTIONIST in _who(Action.CUSTOMER_CREATE)


def test_audit_log_and_backups_belong_to_managers() -> None:
    assert _who(Action.AUDIT_VIEW) == {Role.BRANCH_MANAGER, Role.HQ_ADMIN}
    assert _who(Action.BACKUP_RUN) == {Role.BRANCH_MANAGER, Role.HQ_ADMIN}


def test_managers_settle_sync_conflicts_and_only_headquarters_enrols_nodes() -> None:
    assert _who(Action.SYNC_RESOLVE) == {Role.BRANCH_MANAGER, Role.HQ_ADMIN}
    assert _who(Action.SYNC_ENROL) == {Role.HQ_ADMIN}


def test_the_system_actor_acts_as_a_headquarters_administrator() -> None:
    system = Actor.system(site_id=uuid.uuid4(), site_code="BJ", node_id=uuid.uuid4())
    assert system.user_id is None
    assert system.role is Role.HQ_ADMIN
    for action in Action:
        assert system.may(action) is is_allowed(Role.HQ_ADMIN, action)
