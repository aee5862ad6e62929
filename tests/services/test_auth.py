"""Logging in at the front desk PC, the lockout after wrong passwords, and user accounts."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import (
    AccountLocked,
    LoginFailed,
    PermissionDenied,
    ValidationFailed,
)
from lorch_desk.domain.permissions import Role
from lorch_desk.models.staff import LoginGuard, UserAccount
from lorch_desk.services import auth
from lorch_desk.services.auth import CreateUserInput, LoginAttempt, UserRow
from lorch_desk.services.node_setup import NodeIdentity
from tests.conftest import ADMIN_PASSWORD

MONDAY_9AM = datetime(2026, 3, 9, 1, 0, tzinfo=UTC)
NURSE_PASSWORD = "Qianta1234"


def _log_in(
    database: Database, node_actor: Actor, username: str, password: str, now: datetime
) -> LoginAttempt:
    attempt, _changes = database.run(
        node_actor,
        lambda uow, _p: auth.attempt_log_in(uow, username=username, password=password, now=now),
    )
    return attempt


def _guard(database: Database, actor: Actor, username: str) -> LoginGuard | None:
    guard, _changes = database.run(
        actor, lambda uow, _p: uow.session.get(LoginGuard, username), read_only=True
    )
    return guard


@pytest.fixture()
def admin(database: Database, system_actor: Actor) -> Actor:
    return _log_in(database, system_actor, "admin", ADMIN_PASSWORD, MONDAY_9AM).actor_or_raise()


@pytest.fixture()
def receptionist_account(database: Database, admin: Actor) -> UserRow:
    row, _changes = database.run(
        admin,
        lambda uow, _p: auth.create_user(
            uow,
            CreateUserInput(
                username="Liu.Fang",
                display_name="刘芳",
                role=Role.RECEPTIONIST,
                password=NURSE_PASSWORD,
            ),
        ),
    )
    return row


# --- logging in -------------------------------------------------------------------------------


def test_the_right_password_gives_the_users_role_at_this_nodes_site(
    database: Database, system_actor: Actor, node: NodeIdentity, receptionist_account: UserRow
) -> None:
    attempt = _log_in(database, system_actor, "liu.fang", NURSE_PASSWORD, MONDAY_9AM)
    actor = attempt.actor_or_raise()
    assert attempt.refusal is None
    assert actor.user_id == receptionist_account.id
    assert actor.username == "liu.fang"
    assert actor.display_name == "刘芳"
    assert actor.role is Role.RECEPTIONIST
    assert (actor.site_id, actor.site_code, actor.node_id) == (
        node.site_id,
        node.site_code,
        node.node_id,
    )


def test_the_username_is_not_case_sensitive(
    database: Database, system_actor: Actor, receptionist_account: UserRow
) -> None:
    attempt = _log_in(database, system_actor, "  LIU.FANG ", NURSE_PASSWORD, MONDAY_9AM)
    assert attempt.actor_or_raise().user_id == receptionist_account.id


def test_a_wrong_password_is_refused_and_says_how_many_tries_are_left(
    database: Database, system_actor: Actor, receptionist_account: UserRow
) -> None:
    attempt = _log_in(database, system_actor, "liu.fang", "Wrong12345", MONDAY_9AM)
    assert attempt.actor is None
    assert isinstance(attempt.refusal, LoginFailed)
    assert attempt.refusal.params["tries_left"] == 4
    with pytest.raises(LoginFailed):
        attempt.actor_or_raise()


def test_an_unknown_name_is_refused_like_a_wrong_password(
    database: Database, system_actor: Actor
) -> None:
    attempt = _log_in(database, system_actor, "nobody", "Whatever123", MONDAY_9AM)
    assert isinstance(attempt.refusal, LoginFailed)


def test_five_wrong_passwords_lock_the_name_for_five_minutes(
    database: Database, system_actor: Actor, receptionist_account: UserRow
) -> None:
    for minute in range(4):
        attempt = _log_in(
            database,
            system_actor,
            "liu.fang",
            "Wrong12345",
            MONDAY_9AM + timedelta(seconds=10 * minute),
        )
        assert isinstance(attempt.refusal, LoginFailed)
    # Each refusal was committed by Database.run: the count survives between attempts.
    assert _guard(database, system_actor, "liu.fang").failed_count == 4

    fifth = MONDAY_9AM + timedelta(minutes=1)
    attempt = _log_in(database, system_actor, "liu.fang", "Wrong12345", fifth)
    assert isinstance(attempt.refusal, AccountLocked)
    assert _guard(database, system_actor, "liu.fang").locked_until == fifth + auth.LOCKOUT

    # Even the right password is refused while the name is locked.
    for later in (timedelta(seconds=1), timedelta(minutes=4, seconds=59)):
        attempt = _log_in(database, system_actor, "liu.fang", NURSE_PASSWORD, fifth + later)
        assert isinstance(attempt.refusal, AccountLocked)

    attempt = _log_in(
        database, system_actor, "liu.fang", NURSE_PASSWORD, fifth + timedelta(minutes=5, seconds=1)
    )
    assert attempt.actor_or_raise().user_id == receptionist_account.id
    guard = _guard(database, system_actor, "liu.fang")
    assert (guard.failed_count, guard.locked_until) == (0, None)


def test_the_lockout_is_per_name(
    database: Database, system_actor: Actor, receptionist_account: UserRow
) -> None:
    for _ in range(auth.MAX_WRONG_PASSWORDS):
        _log_in(database, system_actor, "liu.fang", "Wrong12345", MONDAY_9AM)
    attempt = _log_in(database, system_actor, "admin", ADMIN_PASSWORD, MONDAY_9AM)
    assert attempt.actor_or_raise().role is Role.HQ_ADMIN


def test_a_right_password_resets_the_count(
    database: Database, system_actor: Actor, receptionist_account: UserRow
) -> None:
    for _ in range(auth.MAX_WRONG_PASSWORDS - 1):
        _log_in(database, system_actor, "liu.fang", "Wrong12345", MONDAY_9AM)
    _log_in(database, system_actor, "liu.fang", NURSE_PASSWORD, MONDAY_9AM).actor_or_raise()
    attempt = _log_in(database, system_actor, "liu.fang", "Wrong12345", MONDAY_9AM)
    assert isinstance(attempt.refusal, LoginFailed)
    assert attempt.refusal.params["tries_left"] == auth.MAX_WRONG_PASSWORDS - 1


def test_a_disabled_user_cannot_log_in(
    database: Database, system_actor: Actor, admin: Actor, receptionist_account: UserRow
) -> None:
    row, _changes = database.run(
        admin,
        lambda uow, _p: auth.set_active(uow, user_id=receptionist_account.id, is_active=False),
    )
    assert row.is_active is False
    attempt = _log_in(database, system_actor, "liu.fang", NURSE_PASSWORD, MONDAY_9AM)
    assert isinstance(attempt.refusal, LoginFailed)


def test_has_users_is_true_once_the_administrator_exists(
    database: Database, system_actor: Actor
) -> None:
    has_users, _changes = database.run(system_actor, lambda uow, _p: auth.has_users(uow))
    assert has_users is True


# --- user accounts ----------------------------------------------------------------------------


def test_a_new_user_gets_a_normalised_name_and_an_argon2_hash(
    database: Database, admin: Actor, receptionist_account: UserRow
) -> None:
    assert receptionist_account.username == "liu.fang"
    assert receptionist_account.role is Role.RECEPTIONIST
    assert receptionist_account.is_active
    user, _changes = database.run(
        admin, lambda uow, _p: uow.session.get(UserAccount, receptionist_account.id), read_only=True
    )
    assert user.password_hash.startswith("$argon2id$")
    assert NURSE_PASSWORD not in user.password_hash
    users, _changes = database.run(admin, lambda uow, _p: auth.list_users(uow))
    assert [row.username for row in users] == ["admin", "liu.fang"]


@pytest.mark.parametrize("role", [role for role in Role if role is not Role.HQ_ADMIN])
def test_only_headquarters_administrators_create_users(
    database: Database, actor_for: Callable[[Role], Actor], role: Role
) -> None:
    data = CreateUserInput("zhao", "赵", Role.DOCTOR, "Doctor2026")
    with pytest.raises(PermissionDenied):
        database.run(actor_for(role), lambda uow, _p: auth.create_user(uow, data))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (CreateUserInput("zhao", "赵", Role.DOCTOR, "short1"), "password"),
        (CreateUserInput("zhao", "赵", Role.DOCTOR, "onlyletters"), "password"),
        (CreateUserInput("zhao", "赵", Role.DOCTOR, "1234567890"), "password"),
        (CreateUserInput("1zhao", "赵", Role.DOCTOR, "Doctor2026"), "username"),
        (CreateUserInput("z", "赵", Role.DOCTOR, "Doctor2026"), "username"),
        (CreateUserInput("zhao wei", "赵", Role.DOCTOR, "Doctor2026"), "username"),
        (CreateUserInput("赵伟", "赵", Role.DOCTOR, "Doctor2026"), "username"),
        (CreateUserInput("zhao", "  ", Role.DOCTOR, "Doctor2026"), "display_name"),
        (CreateUserInput("ADMIN", "另一个", Role.DOCTOR, "Doctor2026"), "username"),
    ],
    ids=[
        "too-short",
        "no-digit",
        "no-letter",
        "starts-with-digit",
        "one-letter",
        "space",
        "chinese",
        "blank-display-name",
        "taken",
    ],
)
def test_a_bad_new_user_is_refused_naming_the_field(
    database: Database, admin: Actor, data: CreateUserInput, field: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        database.run(admin, lambda uow, _p: auth.create_user(uow, data))
    assert refused.value.field == field
    users, _changes = database.run(admin, lambda uow, _p: auth.list_users(uow))
    assert [row.username for row in users] == ["admin"]


def _actor_of(row: UserRow, node: NodeIdentity) -> Actor:
    return Actor(row.id, row.username, row.display_name, row.role, node.site_id, "BJ", node.node_id)


def test_users_change_their_own_password(
    database: Database, system_actor: Actor, node: NodeIdentity, receptionist_account: UserRow
) -> None:
    me = _actor_of(receptionist_account, node)
    database.run(
        me,
        lambda uow, _p: auth.set_password(uow, user_id=me.user_id, password="NewPass2026"),
    )
    old = _log_in(database, system_actor, "liu.fang", NURSE_PASSWORD, MONDAY_9AM)
    assert isinstance(old.refusal, LoginFailed)
    new = _log_in(database, system_actor, "liu.fang", "NewPass2026", MONDAY_9AM)
    assert new.actor_or_raise().user_id == me.user_id


def test_an_administrator_resets_a_password(
    database: Database, system_actor: Actor, admin: Actor, receptionist_account: UserRow
) -> None:
    database.run(
        admin,
        lambda uow, _p: auth.set_password(
            uow, user_id=receptionist_account.id, password="Reset2026x"
        ),
    )
    attempt = _log_in(database, system_actor, "liu.fang", "Reset2026x", MONDAY_9AM)
    assert attempt.actor_or_raise().user_id == receptionist_account.id


def test_nobody_else_changes_a_users_password(
    database: Database,
    system_actor: Actor,
    actor_for: Callable[[Role], Actor],
    receptionist_account: UserRow,
) -> None:
    manager = actor_for(Role.BRANCH_MANAGER)
    with pytest.raises(PermissionDenied):
        database.run(
            manager,
            lambda uow, _p: auth.set_password(
                uow, user_id=receptionist_account.id, password="Hijack2026"
            ),
        )
    attempt = _log_in(database, system_actor, "liu.fang", NURSE_PASSWORD, MONDAY_9AM)
    assert attempt.actor_or_raise().user_id == receptionist_account.id


def test_a_weak_new_password_is_refused(
    database: Database, node: NodeIdentity, receptionist_account: UserRow
) -> None:
    me = _actor_of(receptionist_account, node)
    with pytest.raises(ValidationFailed) as refused:
        database.run(me, lambda uow, _p: auth.set_password(uow, user_id=me.user_id, password="a1"))
    assert refused.value.field == "password"


def test_only_administrators_disable_users(
    database: Database, actor_for: Callable[[Role], Actor], receptionist_account: UserRow
) -> None:
    with pytest.raises(PermissionDenied):
        database.run(
            actor_for(Role.BRANCH_MANAGER),
            lambda uow, _p: auth.set_active(uow, user_id=receptionist_account.id, is_active=False),
        )


def test_an_unknown_user_id_is_not_found(database: Database, admin: Actor) -> None:
    from lorch_desk.domain.errors import NotFound

    with pytest.raises(NotFound):
        database.run(
            admin,
            lambda uow, _p: auth.set_password(uow, user_id=uuid.uuid4(), password="Valid2026x"),
        )
