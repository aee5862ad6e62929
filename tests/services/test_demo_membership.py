"""The demo's membership: card holders' tiers, partner merchants and an invited event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.customers import MemberType
from lorch_desk.domain.permissions import Role
from lorch_desk.services import membership
from lorch_desk.services.customers import CustomerInput, register_customer
from lorch_desk.services.demo_membership import seed_demo_membership
from lorch_desk.services.membership_events import list_member_events
from lorch_desk.services.membership_partners import list_partner_discounts

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def test_demo_membership(
    database: Database, system_actor: Actor, actor_for: Callable[..., Actor]
) -> None:
    desk = actor_for(Role.RECEPTIONIST)
    ids = {}
    for index, (name, card, consent) in enumerate(
        (
            ("王芳", MemberType.PREMIER, True),
            ("李强", MemberType.PLATINUM, True),
            ("赵敏", MemberType.ORDINARY, True),
        )
    ):
        data = CustomerInput(
            name=name,
            gender="female",
            mobile=f"1380000{index:04d}",
            channel="walk_in",
            member_type=card,
            sms_consent=consent,
        )
        ids[name], _ = database.run(
            desk, lambda uow, _p, data=data: register_customer(uow, data=data).id
        )

    changes, _ = database.run(system_actor, lambda uow, _p: seed_demo_membership(uow, now=NOW))

    assert changes == 2
    service = actor_for(Role.CUSTOMER_SERVICE)

    def tier(name: str) -> str:
        terms, _ = database.run(
            service, lambda uow, _p: membership.checkout_terms(uow, customer_id=ids[name])
        )
        return terms.tier_code

    assert [tier(name) for name in ("王芳", "李强", "赵敏")] == ["premier", "platinum", "silver"]
    [event], _ = database.run(service, lambda uow, _p: list_member_events(uow))
    assert (event.invited, event.merchant_name) == (1, "悦茶轩")
    discounts, _ = database.run(service, lambda uow, _p: list_partner_discounts(uow))
    assert len(discounts) == 8
