"""Member events with partner merchants: invitations to target tiers, sign-in, summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.models.base import utc_now
from lorch_desk.models.messages import OutgoingMessage
from lorch_desk.services import membership
from lorch_desk.services.membership_events import (
    MemberEventInput,
    create_member_event,
    invite_members,
    list_invitations,
    list_member_events,
    save_event_summary,
    sign_in,
)
from lorch_desk.services.membership_partners import (
    PartnerMerchantInput,
    list_partner_discounts,
    list_partner_merchants,
    save_partner_merchant,
)
from tests.services.membership_world import MembershipWorld


@pytest.fixture()
def world(database: Database, actor_for: Callable[..., Actor]) -> MembershipWorld:
    return MembershipWorld(database, actor_for)


def _soon() -> datetime:
    moment = utc_now() + timedelta(days=10)
    return moment.astimezone(clinic_time_zone()).replace(
        hour=14, minute=30, second=0, microsecond=0
    )


def _merchant(world):  # noqa: ANN001, ANN202
    return world.run(
        world.admin,
        save_partner_merchant,
        merchant_id=None,
        data=PartnerMerchantInput(
            name="悦茶轩",
            category="茶饮",
            address="朝阳区建国路88号",
            discounts={"platinum": "全单9折", "premier": "全单8折,赠茶点"},
        ),
    )


def test_partner_discounts_are_listed_per_tier_and_only_hq_edits(world) -> None:
    merchant = _merchant(world)
    with pytest.raises(PermissionDenied):
        world.run(
            world.manager, save_partner_merchant, merchant_id=None, data=PartnerMerchantInput("x")
        )
    rows = world.run(world.service, list_partner_discounts)
    assert [(r.tier_name, r.merchant_name, r.description) for r in rows] == [
        ("白金卡", "悦茶轩", "全单9折"),
        ("尊享卡", "悦茶轩", "全单8折,赠茶点"),
    ]
    world.run(
        world.admin,
        save_partner_merchant,
        merchant_id=merchant.id,
        data=PartnerMerchantInput(name="悦茶轩", discounts={"premier": "全单7.5折"}),
    )
    [row] = world.run(world.service, list_partner_merchants)
    assert row.discounts == (("premier", "全单7.5折"),)
    with pytest.raises(ValidationFailed):
        world.run(
            world.admin,
            save_partner_merchant,
            merchant_id=None,
            data=PartnerMerchantInput(name="某店", discounts={"gold": "9折"}),
        )


def test_event_invites_consenting_members_of_its_tiers_and_signs_them_in(world) -> None:
    merchant = _merchant(world)
    wang = world.register("王芳", sms_consent=True)
    li = world.register("李娜", sms_consent=False)
    silver = world.register("张三", sms_consent=True)
    for customer in (wang, li):
        world.run(
            world.manager,
            membership.change_tier,
            customer_id=customer,
            tier_code="platinum",
            note="活动测试",
        )
    event = world.run(
        world.service,
        create_member_event,
        data=MemberEventInput(
            "春季养生茶会", _soon(), "悦茶轩建国路店", merchant.id, ("platinum", "premier")
        ),
    )
    assert (event.merchant_name, event.target_tier_names) == ("悦茶轩", "白金卡、尊享卡")

    result = world.run(world.service, invite_members, event_id=event.id)

    assert (result.invited, result.without_consent) == (1, 1)
    assert world.run(world.service, invite_members, event_id=event.id).invited == 0
    [invitation] = world.run(world.service, list_invitations, event_id=event.id)
    assert invitation.customer_id == wang and invitation.signed_in_at is None
    with world.database.unit_of_work(world.admin, read_only=True) as uow:
        bodies = uow.session.scalars(
            select(OutgoingMessage.body).where(OutgoingMessage.kind == "member_event_invitation")
        ).all()
    assert len(bodies) == 1 and bodies[0].startswith("尊敬的王芳女士")
    assert "春季养生茶会" in bodies[0] and "14时30分" in bodies[0]
    assert silver not in {
        row.customer_id for row in world.run(world.service, list_invitations, event_id=event.id)
    }

    signed = world.run(world.service, sign_in, invitation_id=invitation.id)
    assert signed.signed_in_at is not None
    with pytest.raises(ValidationFailed) as twice:
        world.run(world.service, sign_in, invitation_id=invitation.id)
    assert twice.value.params["rule"] == "already_signed_in"
    world.run(world.service, save_event_summary, event_id=event.id, summary="到场1人,反馈良好。")
    [listed] = world.run(world.service, list_member_events)
    assert (listed.invited, listed.signed_in, listed.summary) == (1, 1, "到场1人,反馈良好。")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": " "}, "title"),
        ({"place": ""}, "place"),
        ({"target_tiers": ()}, "target_tiers"),
        ({"target_tiers": ("gold",)}, "target_tiers"),
        ({"starts_at": datetime(2020, 1, 1, tzinfo=clinic_time_zone())}, "starts_at"),
    ],
)
def test_a_bad_event_is_refused(world, change, field) -> None:  # noqa: ANN001
    values = {
        "title": "茶会",
        "starts_at": _soon(),
        "place": "院内",
        "merchant_id": None,
        "target_tiers": ("silver",),
    } | change
    with pytest.raises(ValidationFailed) as refused:
        world.run(world.service, create_member_event, data=MemberEventInput(**values))
    assert refused.value.field == field
    assert world.run(world.service, list_member_events) == []


def test_the_front_desk_cannot_plan_events(world) -> None:
    with pytest.raises(PermissionDenied):
        world.run(
            world.receptionist,
            create_member_event,
            data=MemberEventInput("茶会", _soon(), "院内", None, ("silver",)),
        )
