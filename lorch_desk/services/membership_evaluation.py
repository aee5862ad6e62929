"""The quarterly (or half-yearly) tier re-evaluation of a site's customers (seed 002).

One aggregate query sums every customer's spend up to the period's last day, decides the tier
the rules give (a CASE over the thresholds) and returns only the customers whose tier changes;
their changes and notices are then written in batches.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    case,
    func,
    literal,
    select,
    type_coerce,
    union_all,
)

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.membership import (
    QUARTERLY,
    EvaluationPeriod,
    TierRule,
    evaluation_period,
    last_completed_period,
)
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress, SilentProgress
from lorch_desk.models.base import Money, new_id, utc_now
from lorch_desk.models.cashier import Sale
from lorch_desk.models.customer import Customer
from lorch_desk.models.membership import TierChange, TierEvaluation
from lorch_desk.models.messages import OutgoingMessage
from lorch_desk.models.organisation import Site
from lorch_desk.services.access import require
from lorch_desk.services.membership import (
    held_tier,
    lowest_tier_code,
    spend_statement,
    tier_names,
    tier_rules,
)
from lorch_desk.services.membership_bulk import insert_rows
from lorch_desk.services.membership_messages import tier_notice_row
from lorch_desk.services.membership_tiers import evaluation_months

BATCH_SIZE = 2000


@dataclass(frozen=True, slots=True)
class EvaluationPreview:
    """What re-evaluating a period would do, before anything is written."""

    period_label: str
    last_day: date
    customers: int
    upgrades: int
    downgrades: int


@dataclass(frozen=True, slots=True)
class EvaluationRow:
    """One re-evaluation that was run."""

    id: uuid.UUID
    period_label: str
    period_last_day: date
    evaluated_at: datetime
    evaluated_by_name: str
    customers: int
    upgrades: int
    downgrades: int


def preview_evaluation(
    uow: UnitOfWork, *, year: int, number: int, now: datetime | None = None
) -> EvaluationPreview:
    """How many of the site's customers the period's re-evaluation would move up and down."""
    require(uow.actor, Action.TIER_EVALUATE)
    period, rules = _checked(uow, year, number, now or utc_now())
    statement = _changes_statement(uow, rules, period.last_day).subquery()
    counts = uow.session.execute(
        select(statement.c.held, statement.c.new_tier, func.count()).group_by(
            statement.c.held, statement.c.new_tier
        )
    ).all()
    ranks = {rule.code: rule.rank for rule in rules}
    upgrades = sum(n for held, new, n in counts if ranks[new] > ranks.get(held, 0))
    return EvaluationPreview(
        period.label,
        period.last_day,
        _count_customers(uow),
        upgrades,
        sum(n for _held, _new, n in counts) - upgrades,
    )


def run_evaluation(
    uow: UnitOfWork,
    *,
    year: int,
    number: int,
    now: datetime | None = None,
    progress: Progress | None = None,
    expected_changes: int = 0,
) -> EvaluationRow:
    """Re-evaluate the site's customers for a period: a tier change and a notice for each move."""
    require(uow.actor, Action.TIER_EVALUATE)
    now = now or utc_now()
    progress = progress or SilentProgress()
    # One run at a time per site: on a shared PostgreSQL a second run waits, then sees the first's.
    uow.session.execute(select(Site.id).where(Site.id == uow.actor.site_id).with_for_update())
    period, rules = _checked(uow, year, number, now)
    ranks = {rule.code: rule.rank for rule in rules}
    names = tier_names(uow)
    evaluation_id = new_id()
    upgrades = downgrades = 0
    progress.report(0, expected_changes)
    result = uow.session.execute(
        _changes_statement(uow, rules, period.last_day).execution_options(yield_per=BATCH_SIZE)
    )
    for batch in result.partitions():
        changes: list[dict[str, object]] = []
        notices: list[dict[str, object]] = []
        for customer_id, name, gender, mobile, spend, held, new_tier in batch:
            spend = Decimal(spend).quantize(Decimal("0.01"))
            changes.append(
                {
                    "customer_id": customer_id,
                    "from_tier_code": held,
                    "to_tier_code": new_tier,
                    "cumulative_spend": spend,
                    "changed_at": now,
                    "reason": QUARTERLY,
                    "evaluation_id": evaluation_id,
                    "note": "",
                }
            )
            notices.append(
                tier_notice_row(
                    customer_id=customer_id,
                    name=name,
                    gender=gender,
                    mobile=mobile,
                    last_day=period.last_day,
                    spend=spend,
                    from_tier=names.get(held, held),
                    to_tier=names[new_tier],
                )
            )
            if ranks[new_tier] > ranks.get(held, 0):
                upgrades += 1
            else:
                downgrades += 1
        insert_rows(uow, TierChange.__table__, changes)
        insert_rows(uow, OutgoingMessage.__table__, notices)
        done = upgrades + downgrades
        progress.report(done, max(done, expected_changes))
    evaluation = TierEvaluation(
        id=evaluation_id,
        period_label=period.label,
        period_last_day=period.last_day,
        evaluated_at=now,
        evaluated_by_name=uow.actor.display_name,
        customers=_count_customers(uow),
        upgrades=upgrades,
        downgrades=downgrades,
    )
    uow.session.add(evaluation)
    uow.session.flush()
    return _row(evaluation)


def list_evaluations(uow: UnitOfWork, *, limit: int = 40) -> list[EvaluationRow]:
    """The site's re-evaluations, newest first."""
    require(uow.actor, Action.MEMBERSHIP_VIEW)
    statement = (
        select(TierEvaluation)
        .where(TierEvaluation.site_id == uow.actor.site_id, TierEvaluation.deleted_at.is_(None))
        .order_by(TierEvaluation.evaluated_at.desc())
        .limit(limit)
    )
    return [_row(evaluation) for evaluation in uow.session.scalars(statement)]


@dataclass(frozen=True, slots=True)
class EvaluationChoice:
    """What the re-evaluation page offers first: the newest period that has ended."""

    months: int
    year: int
    number: int


def evaluation_choice(uow: UnitOfWork, *, now: datetime | None = None) -> EvaluationChoice:
    """The review period HQ chose and the newest quarter or half-year that has ended."""
    require(uow.actor, Action.TIER_EVALUATE)
    months = evaluation_months(uow)
    period = last_completed_period(clinic_time(now or utc_now()).date(), months)
    return EvaluationChoice(
        months, period.first_day.year, (period.first_day.month - 1) // months + 1
    )


def period_for(uow: UnitOfWork, *, year: int, number: int) -> EvaluationPeriod:
    """The quarter or half-year `number` of `year`, as HQ's review period says."""
    return evaluation_period(year, number, evaluation_months(uow))


def _checked(
    uow: UnitOfWork, year: int, number: int, now: datetime
) -> tuple[EvaluationPeriod, list[TierRule]]:
    period = period_for(uow, year=year, number=number)
    if period.last_day >= clinic_time(now).date():
        raise ValidationFailed(field="period", rule="period_not_over", period=period.label)
    newest = uow.session.scalar(
        select(func.max(TierEvaluation.period_last_day)).where(
            TierEvaluation.site_id == uow.actor.site_id, TierEvaluation.deleted_at.is_(None)
        )
    )
    if newest is not None and period.last_day < newest:
        raise ValidationFailed(field="period", rule="period_before_last", period=period.label)
    rules = tier_rules(uow)
    if not rules:
        raise ValidationFailed(field="tiers", rule="no_tiers")
    return period, rules


def _changes_statement(
    uow: UnitOfWork, rules: Sequence[TierRule], last_day: date
) -> CompoundSelect:
    """The site's customers whose tier by spend up to `last_day` differs from the one they hold.

    Driven by the spend aggregate itself (one pass over the sales, a key lookup per customer
    who bought); customers without a purchase only matter if they hold more than the lowest.
    """
    spend = spend_statement(up_to=last_day).subquery()
    lowest = lowest_tier_code(list(rules)) or ""
    spend_value = type_coerce(spend.c.spend, Money)
    new_tier = _tier_case(rules, spend_value, lowest)
    held = func.coalesce(held_tier(spend.c.customer_id), lowest)
    buyers = (
        select(
            Customer.id,
            Customer.name,
            Customer.gender,
            Customer.mobile,
            spend_value.label("spend"),
            held.label("held"),
            new_tier.label("new_tier"),
        )
        .select_from(spend)
        .join(Customer, Customer.id == spend.c.customer_id)
        .where(*_of_site(uow), held != new_tier)
    )
    bought = (
        spend_statement(up_to=last_day)
        .with_only_columns(Sale.id)
        .group_by(None)
        .where(Sale.customer_id == Customer.id)
        .exists()
    )
    changed = (
        select(TierChange.customer_id).where(TierChange.deleted_at.is_(None)).distinct().subquery()
    )
    others_held = held_tier(changed.c.customer_id)
    others = (
        select(
            Customer.id,
            Customer.name,
            Customer.gender,
            Customer.mobile,
            type_coerce(literal(0), Money).label("spend"),
            others_held.label("held"),
            literal(lowest).label("new_tier"),
        )
        .select_from(changed)
        .join(Customer, Customer.id == changed.c.customer_id)
        .where(*_of_site(uow), others_held != lowest, ~bought)
    )
    return union_all(buyers, others)


def _of_site(uow: UnitOfWork) -> tuple[ColumnElement[bool], ...]:
    return (
        Customer.site_id == uow.actor.site_id,
        Customer.deleted_at.is_(None),
        Customer.merged_into_id.is_(None),
    )


def _tier_case(
    rules: Sequence[TierRule], spend: ColumnElement[Decimal], lowest: str
) -> ColumnElement[str]:
    by_rank = sorted(rules, key=lambda rule: rule.rank, reverse=True)
    return case(*((spend >= rule.min_spend, rule.code) for rule in by_rank), else_=lowest)


def _count_customers(uow: UnitOfWork) -> int:
    statement = select(func.count()).select_from(Customer).where(*_of_site(uow))
    return uow.session.scalar(statement) or 0


def _row(evaluation: TierEvaluation) -> EvaluationRow:
    return EvaluationRow(
        id=evaluation.id,
        period_label=evaluation.period_label,
        period_last_day=evaluation.period_last_day,
        evaluated_at=evaluation.evaluated_at,
        evaluated_by_name=evaluation.evaluated_by_name,
        customers=evaluation.customers,
        upgrades=evaluation.upgrades,
        downgrades=evaluation.downgrades,
    )
