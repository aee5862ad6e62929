"""Quarterly tier re-evaluation: upgrades, downgrades, refunds, notices, refusals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.membership import MemberTier, TierChange, TierEvaluation
from lorch_desk.models.messages import OutgoingMessage
from lorch_desk.services import membership
from lorch_desk.services.membership_evaluation import (
    list_evaluations,
    preview_evaluation,
    run_evaluation,
)
from tests.services.membership_world import AFTER_Q3, AFTER_Q4, MembershipWorld

IN_Q3 = date(2026, 8, 15)
IN_Q4 = date(2026, 11, 2)


@pytest.fixture()
def world(database: Database, actor_for: Callable[..., Actor]) -> MembershipWorld:
    return MembershipWorld(database, actor_for)


def _changes(world, customer_id):  # noqa: ANN001
    with world.database.unit_of_work(world.admin, read_only=True) as uow:
        return uow.session.execute(
            select(
                TierChange.from_tier_code,
                TierChange.to_tier_code,
                TierChange.reason,
                TierChange.cumulative_spend,
                TierChange.evaluation_id,
            )
            .where(TierChange.customer_id == customer_id)
            .order_by(TierChange.changed_at)
        ).all()


def _messages(world, customer_id):  # noqa: ANN001
    with world.database.unit_of_work(world.admin, read_only=True) as uow:
        return list(
            uow.session.scalars(
                select(OutgoingMessage.body).where(OutgoingMessage.customer_id == customer_id)
            )
        )


def _tier(world, customer_id) -> str:  # noqa: ANN001
    return world.run(world.manager, membership.checkout_terms, customer_id=customer_id).tier_code


def test_spend_over_thresholds_upgrades_and_tells_the_customer(world) -> None:
    wang = world.register("王芳")
    li = world.register("李强", gender="male")
    zhao = world.register("赵敏")
    world.sell(wang, "12000.00", on=IN_Q3)
    world.sell(wang, "9000.00", on=IN_Q3)  # 21,000: platinum
    world.sell(li, "50000.00", on=IN_Q3)  # exactly 50,000: premier
    world.sell(zhao, "19999.99", on=IN_Q3)  # a fen short: stays silver
    world.sell(zhao, "5000.00", on=IN_Q4)  # after the quarter: not counted yet

    preview = world.run(world.manager, preview_evaluation, year=2026, number=3, now=AFTER_Q3)
    assert (preview.period_label, preview.upgrades, preview.downgrades) == ("2026Q3", 2, 0)
    assert preview.customers == 3

    result = world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    assert (result.upgrades, result.downgrades, result.customers) == (2, 0, 3)
    assert _tier(world, wang) == "platinum"
    assert _tier(world, li) == "premier"
    assert _tier(world, zhao) == "silver"
    [change] = _changes(world, wang)
    assert (change.from_tier_code, change.to_tier_code, change.reason) == (
        "silver",
        "platinum",
        "quarterly",
    )
    assert change.cumulative_spend == Decimal("21000.00")
    assert change.evaluation_id == result.id
    assert _changes(world, zhao) == []
    [notice] = _messages(world, wang)
    assert notice.startswith("尊敬的王芳女士")
    assert "白金卡" in notice and "21,000.00" in notice and "2026年9月30日" in notice
    assert _messages(world, li)[0].startswith("尊敬的李强先生")
    assert [row.period_label for row in world.run(world.manager, list_evaluations)] == ["2026Q3"]


def test_refund_lowers_spend_and_downgrades_next_quarter(world) -> None:
    chen = world.register("陈静")
    sale = world.sell(chen, "30000.00", on=IN_Q3)
    assert sale
    world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)
    assert _tier(world, chen) == "platinum"
    world.sell(chen, "-15000.00", on=IN_Q4, kind="refund")

    result = world.run(world.manager, run_evaluation, year=2026, number=4, now=AFTER_Q4)

    assert (result.upgrades, result.downgrades) == (0, 1)
    assert _tier(world, chen) == "silver"
    assert [c.to_tier_code for c in _changes(world, chen)] == ["platinum", "silver"]
    assert _changes(world, chen)[1].cumulative_spend == Decimal("15000.00")
    assert sum("由白金卡调整为银卡" in body for body in _messages(world, chen)) == 1


def test_unchanged_tiers_write_nothing_and_running_again_is_harmless(world) -> None:
    sun = world.register("孙丽")
    world.sell(sun, "25000.00", on=IN_Q3)
    world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    again = world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    assert (again.upgrades, again.downgrades) == (0, 0)
    assert len(_changes(world, sun)) == 1
    assert len(_messages(world, sun)) == 1


def test_manual_change_is_kept_until_the_next_evaluation(world) -> None:
    zhou = world.register("周婷")
    row = world.run(
        world.manager,
        membership.change_tier,
        customer_id=zhou,
        tier_code="premier",
        note="院长特批",
        now=AFTER_Q3 - timedelta(days=3),
    )
    assert (row.to_tier_name, row.reason, row.note) == ("尊享卡", "manual", "院长特批")
    assert _tier(world, zhou) == "premier"

    result = world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    assert result.downgrades == 1
    assert _tier(world, zhou) == "silver"
    detail = world.run(world.service, membership.get_member, customer_id=zhou)
    assert [h.reason for h in detail.history] == ["quarterly", "manual"]


def test_no_tiers_configured_is_refused_and_writes_nothing(world, count_rows) -> None:
    world.register("吴静")
    with world.database.unit_of_work(world.admin) as uow:
        for tier in uow.session.scalars(select(MemberTier)):
            tier.deleted_at = AFTER_Q3
        uow.session.commit()

    with pytest.raises(ValidationFailed) as refused:
        world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    assert refused.value.params["rule"] == "no_tiers"
    assert count_rows(TierEvaluation) == 0
    assert count_rows(TierChange) == 0


def test_period_not_over_and_earlier_period_are_refused(world) -> None:
    with pytest.raises(ValidationFailed) as running:
        world.run(world.manager, run_evaluation, year=2026, number=4, now=AFTER_Q3)
    assert running.value.params["rule"] == "period_not_over"
    world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)
    with pytest.raises(ValidationFailed) as earlier:
        world.run(world.manager, preview_evaluation, year=2026, number=2, now=AFTER_Q3)
    assert earlier.value.params["rule"] == "period_before_last"


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.CUSTOMER_SERVICE, Role.CONSULTANT])
def test_only_managers_re_evaluate(world, actor_for, role) -> None:  # noqa: ANN001
    with pytest.raises(PermissionDenied):
        world.run(actor_for(role), run_evaluation, year=2026, number=3, now=AFTER_Q3)


def test_re_evaluation_on_postgresql(pg_database, pg_actor_for) -> None:  # noqa: ANN001
    from tests.services.membership_world import MembershipWorld

    pg_world = MembershipWorld(pg_database, pg_actor_for)
    ma = pg_world.register("马丽")
    pg_world.sell(ma, "20000.10", on=IN_Q3)
    pg_world.sell(ma, "-0.20", on=IN_Q3, kind="refund")  # 19,999.90: silver

    result = pg_world.run(pg_world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    assert (result.upgrades, result.downgrades) == (0, 0)
    pg_world.sell(ma, "0.10", on=IN_Q4)
    result = pg_world.run(pg_world.manager, run_evaluation, year=2026, number=4, now=AFTER_Q4)
    assert result.upgrades == 1
    assert _tier(pg_world, ma) == "platinum"


def test_changes_and_notices_reach_the_sync_outbox_in_full(world: MembershipWorld) -> None:
    from lorch_desk.models.sync import OutboxEntry

    customer = world.register("何静")
    world.sell(customer, "60000.00", on=IN_Q3)
    world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    with world.database.unit_of_work(world.admin, read_only=True) as uow:
        ops = uow.session.execute(
            select(OutboxEntry.table_name, OutboxEntry.changes).where(
                OutboxEntry.table_name.in_(("tier_change", "outgoing_message"))
            )
        ).all()
    by_table = {table: changes for table, changes in ops}
    assert by_table["tier_change"]["to_tier_code"] == "premier"
    assert by_table["tier_change"]["note"] == ""
    assert by_table["outgoing_message"]["status"] == "pending"
    assert by_table["outgoing_message"]["attempts"] == 0


def test_tier_notices_are_listed_in_the_site_outbox(world: MembershipWorld) -> None:
    from lorch_desk.domain.appointment_messages import MessageKind
    from lorch_desk.services.messages import list_messages

    customer = world.register("邓洁")
    world.sell(customer, "20000.00", on=IN_Q3)
    world.run(world.manager, run_evaluation, year=2026, number=3, now=AFTER_Q3)

    [row] = world.run(world.manager, list_messages)
    assert (row.kind, row.recipient_name, row.is_sent) == (MessageKind.TIER_CHANGED, "邓洁", False)
