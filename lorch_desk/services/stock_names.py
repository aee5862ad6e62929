"""Names warehouse documents print: who did it."""

from __future__ import annotations

import uuid

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.models.staff import UserAccount


def user_name(uow: UnitOfWork, user_id: uuid.UUID | None) -> str:
    """The display name of a user, or "" for the system or an unknown id."""
    if user_id is None:
        return ""
    user = uow.session.get(UserAccount, user_id)
    return user.display_name if user else ""
