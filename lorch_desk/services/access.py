"""Permission checks every service makes before it acts."""

from __future__ import annotations

from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import PermissionDenied
from lorch_desk.domain.permissions import Action


def require(actor: Actor, action: Action) -> None:
    """Refuse unless the actor's role may perform `action`."""
    if not actor.may(action):
        raise PermissionDenied(action=action.value, role=actor.role.value)
