"""Password hashing (argon2id) and the rules a new password or username must meet."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from lorch_desk.domain.errors import ValidationFailed

MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,39}$")
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True if `password` matches the stored hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_strength(password: str) -> None:
    """Refuse passwords shorter than MIN_PASSWORD_LENGTH or without both letters and digits."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            field="password", rule="password_length", minimum=MIN_PASSWORD_LENGTH
        )
    if not (re.search(r"[A-Za-z]", password) and re.search(r"\d", password)):
        raise ValidationFailed(field="password", rule="password_mix")


def check_username(username: str) -> str:
    """The normalised username, or a refusal naming what is allowed."""
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise ValidationFailed(field="username", rule="username")
    return name
