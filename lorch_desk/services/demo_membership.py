"""The demo's membership: card holders' tiers, partner merchants with tier discounts, and an
upcoming member event with its invitations."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time, clinic_time_zone
from lorch_desk.domain.customers import MemberType
from lorch_desk.domain.membership import MANUAL
from lorch_desk.models.customer import Customer
from lorch_desk.models.membership import TierChange
from lorch_desk.services.membership_events import (
    MemberEventInput,
    create_member_event,
    invite_members,
)
from lorch_desk.services.membership_partners import PartnerMerchantInput, save_partner_merchant
from lorch_desk.services.membership_tiers import seed_default_tiers

BATCH_SIZE = 500
# Customers registered with a card keep that card's tier until the first re-evaluation.
_CARD_TIERS = {MemberType.PLATINUM: "platinum", MemberType.PREMIER: "premier"}

_MERCHANTS = (
    ("悦茶轩", "茶饮", "朝阳区建国路88号", "010-65881122",
     {"silver": "茶饮95折", "platinum": "全单9折", "premier": "全单8折,赠茶点"}),
    ("力美健身", "健身", "海淀区中关村大街27号", "010-62553344",
     {"platinum": "年卡9折", "premier": "年卡8折,私教体验课两节"}),
    ("素食记", "餐饮", "东城区东四北大街120号", "010-64017788",
     {"silver": "满200减20", "platinum": "全单9折", "premier": "全单85折"}),
)  # fmt: skip


def seed_demo_membership(uow: UnitOfWork, *, now: datetime) -> int:
    """Tiers of the card holders, partner merchants and a member event; tier changes written."""
    seed_default_tiers(uow)
    changes = _card_tiers(uow)
    merchants = [
        save_partner_merchant(
            uow,
            merchant_id=None,
            data=PartnerMerchantInput(name, category, address, phone, discounts),
        )
        for name, category, address, phone, discounts in _MERCHANTS
    ]
    day = clinic_time(now).date() + timedelta(days=10)
    event = create_member_event(
        uow,
        data=MemberEventInput(
            title="尊享会员秋季养生茶会",
            starts_at=datetime.combine(day, time(14, 30), tzinfo=clinic_time_zone()),
            place="悦茶轩建国路店",
            merchant_id=merchants[0].id,
            target_tiers=("premier",),
        ),
        now=now,
    )
    invite_members(uow, event_id=event.id)
    return changes


def _card_tiers(uow: UnitOfWork) -> int:
    holders = uow.session.execute(
        select(Customer.id, Customer.member_type, Customer.created_at, Customer.site_id).where(
            Customer.member_type.in_(list(_CARD_TIERS)), Customer.deleted_at.is_(None)
        )
    ).all()
    for number, (customer_id, member_type, registered_at, site_id) in enumerate(holders, 1):
        uow.session.add(
            TierChange(
                customer_id=customer_id,
                site_id=site_id,
                from_tier_code="silver",
                to_tier_code=_CARD_TIERS[MemberType(member_type)],
                cumulative_spend=Decimal("0.00"),
                changed_at=registered_at,
                reason=MANUAL,
                note="开卡等级",
            )
        )
        if number % BATCH_SIZE == 0:
            uow.session.flush()
    uow.session.flush()
    return len(holders)
