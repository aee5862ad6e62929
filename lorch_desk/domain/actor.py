"""Who is acting, and on which node: stamped on every row and audit entry."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from lorch_desk.domain.permissions import Action, Role, is_allowed


@dataclass(frozen=True, slots=True)
class Actor:
    """A logged-in user at this node's site, or the system itself (user_id None)."""

    user_id: uuid.UUID | None
    username: str
    display_name: str
    role: Role
    site_id: uuid.UUID
    site_code: str
    node_id: uuid.UUID

    def may(self, action: Action) -> bool:
        return is_allowed(self.role, action)

    @classmethod
    def system(cls, *, site_id: uuid.UUID, site_code: str, node_id: uuid.UUID) -> Actor:
        """The actor for start-up work, migrations and imports (acts with full rights)."""
        return cls(None, "system", "system", Role.HQ_ADMIN, site_id, site_code, node_id)
