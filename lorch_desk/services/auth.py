"""Logging in, lockout after wrong passwords, unlocking an idle session, user accounts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import AccountLocked, LoginFailed, NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.models.base import utc_now
from lorch_desk.models.staff import LoginGuard, UserAccount
from lorch_desk.services import passwords
from lorch_desk.services.access import require

MAX_WRONG_PASSWORDS = 5
LOCKOUT_MINUTES = 5
LOCKOUT = timedelta(minutes=LOCKOUT_MINUTES)


@dataclass(frozen=True, slots=True)
class UserRow:
    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    is_active: bool


@dataclass(frozen=True, slots=True)
class CreateUserInput:
    username: str
    display_name: str
    role: Role
    password: str


@dataclass(frozen=True, slots=True)
class LoginAttempt:
    """The outcome of one try: the actor, or the refusal to show once the count is committed."""

    actor: Actor | None
    refusal: LoginFailed | AccountLocked | None

    def actor_or_raise(self) -> Actor:
        if self.refusal is not None:
            raise self.refusal
        assert self.actor is not None
        return self.actor


def attempt_log_in(
    uow: UnitOfWork, *, username: str, password: str, now: datetime | None = None
) -> LoginAttempt:
    """Check a password; wrong tries are counted and lock the name for LOCKOUT after the 5th.

    A refusal is returned, not raised, so the caller commits the count before showing it.
    """
    now = now or utc_now()
    name = username.strip().lower()
    guard = uow.session.get(LoginGuard, name) or LoginGuard(username=name, failed_count=0)
    uow.session.add(guard)
    if guard.locked_until is not None and guard.locked_until > now:
        return LoginAttempt(
            None, AccountLocked(until=guard.locked_until.isoformat(), minutes=LOCKOUT_MINUTES)
        )
    user = uow.session.scalars(select(UserAccount).where(UserAccount.username == name)).first()
    ok = (
        user is not None
        and user.is_active
        and user.deleted_at is None
        and passwords.verify_password(user.password_hash, password)
    )
    if not ok:
        guard.failed_count += 1
        if guard.failed_count >= MAX_WRONG_PASSWORDS:
            guard.failed_count = 0
            guard.locked_until = now + LOCKOUT
        uow.session.flush()
        if guard.locked_until is not None and guard.locked_until > now:
            return LoginAttempt(
                None, AccountLocked(until=guard.locked_until.isoformat(), minutes=LOCKOUT_MINUTES)
            )
        return LoginAttempt(None, LoginFailed(tries_left=MAX_WRONG_PASSWORDS - guard.failed_count))
    guard.failed_count = 0
    guard.locked_until = None
    assert user is not None
    node = uow.actor
    actor = Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        site_id=node.site_id,
        site_code=node.site_code,
        node_id=node.node_id,
    )
    return LoginAttempt(actor, None)


def has_users(uow: UnitOfWork) -> bool:
    """False on a new database, before the first administrator is made."""
    return uow.session.scalars(select(UserAccount.id).limit(1)).first() is not None


def create_user(uow: UnitOfWork, data: CreateUserInput) -> UserRow:
    """Add a login with one role (headquarters administrators only)."""
    require(uow.actor, Action.USER_ADMIN)
    username = passwords.check_username(data.username)
    if not data.display_name.strip():
        raise ValidationFailed(field="display_name", rule="required")
    passwords.check_strength(data.password)
    taken = uow.session.scalars(select(UserAccount.id).where(UserAccount.username == username))
    if taken.first() is not None:
        raise ValidationFailed(field="username", rule="taken")
    user = UserAccount(
        username=username,
        display_name=data.display_name.strip(),
        role=data.role.value,
        password_hash=passwords.hash_password(data.password),
    )
    uow.session.add(user)
    uow.session.flush()
    return _row(user)


def list_users(uow: UnitOfWork) -> list[UserRow]:
    """Every login, by username."""
    require(uow.actor, Action.STAFF_VIEW)
    users = uow.session.scalars(
        select(UserAccount).where(UserAccount.deleted_at.is_(None)).order_by(UserAccount.username)
    )
    return [_row(user) for user in users]


def list_demo_logins(uow: UnitOfWork) -> list[UserRow]:
    """The accounts the login dialog lists on the demo database, this node's site's first."""
    users = uow.session.scalars(
        select(UserAccount)
        .where(UserAccount.is_active.is_(True))
        .order_by(UserAccount.site_id != uow.actor.site_id, UserAccount.role, UserAccount.username)
    )
    return [_row(user) for user in users]


def set_password(uow: UnitOfWork, *, user_id: uuid.UUID, password: str) -> None:
    """Give a user a new password (the user themself or an administrator)."""
    if uow.actor.user_id != user_id:
        require(uow.actor, Action.USER_ADMIN)
    passwords.check_strength(password)
    user = uow.session.get(UserAccount, user_id)
    if user is None:
        raise NotFound(what="user")
    user.password_hash = passwords.hash_password(password)


def set_active(uow: UnitOfWork, *, user_id: uuid.UUID, is_active: bool) -> UserRow:
    """Disable or re-enable a login (administrators only)."""
    require(uow.actor, Action.USER_ADMIN)
    user = uow.session.get(UserAccount, user_id)
    if user is None:
        raise NotFound(what="user")
    user.is_active = is_active
    uow.session.flush()
    return _row(user)


def _row(user: UserAccount) -> UserRow:
    return UserRow(user.id, user.username, user.display_name, Role(user.role), user.is_active)
