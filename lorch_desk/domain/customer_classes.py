"""Customer classes of seed 004 §2: new, returning and potential customers from plain history.

The rule counts *purchase occasions* (消费次数). An occasion is one checkout (a cashier
session): everything bought in it — several items, several body areas, several courses — is one
occasion. A first deposit and the later payment for what it reserved are one occasion too.
No purchase occasion: potential; one: new; two or more: returning. Arrivals (revisits, post-op
rechecks, consultations) and inquiries never count as occasions, so they can only tell a
potential customer apart from no contact at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from lorch_desk.domain.visit_classes import VisitClass


class CustomerClass(StrEnum):
    """The three classes of customer resources (seed 004 §2)."""

    NEW = "new"  # 新客户: 初次消费客户
    RETURNING = "returning"  # 老客户: 再次消费客户
    POTENTIAL = "potential"  # 潜在客户: 咨询未消费客户


class CustomerClassReason(StrEnum):
    """Which definition of seed 004 §2 decided the class; stable codes the ui translates."""

    # 新客户
    ONE_PURCHASE = "one_purchase"  # 一次性消费一个或多个项目 / 多个部位 / 多个疗程
    DEPOSIT_THEN_PAYMENT = "deposit_then_payment"  # 初次消费先交定金后续来院交费治疗
    DEPOSIT_ONLY = "deposit_only"  # 已交定金, 尚未来院交费
    # 老客户 (the reason is the one that made the customer returning: their second occasion)
    COURSE_PAID_PER_SESSION = "course_paid_per_session"  # 消费疗程内分次来院交费治疗
    SEPARATE_PURCHASES_ON_ONE_DATE = "separate_purchases_on_one_date"  # 同一日期不同时间消费
    SAME_ITEM_ON_DIFFERENT_DATES = "same_item_on_different_dates"  # 不同日期消费同一个项目两次以上
    PURCHASES_ON_DIFFERENT_DATES = "purchases_on_different_dates"  # 不同日期消费两个项目以上
    # 潜在客户
    ARRIVED_WITHOUT_PURCHASE = "arrived_without_purchase"  # 客户到院咨询未消费
    INQUIRY_WITHOUT_ARRIVAL = "inquiry_without_arrival"  # 客户咨询后未到院
    NO_CONTACT_RECORDED = "no_contact_recorded"  # 有档案, 无咨询、到院、消费记录


@dataclass(frozen=True, slots=True, kw_only=True)
class Purchase:
    """One line the customer paid for.

    `session_id` names the checkout (收银单) the line belongs to: lines paid together share it,
    and two checkouts on one date are two purchases (同一日期不同时间). `amount` is the value of the
    line whatever paid it (cash, card, stored value or the deposit); lines of zero or less (gifts,
    refunds) are not consumption. A deposit line names the item (and course) it reserves, so the
    later payment for that item is recognised as the rest of the same first purchase.
    `is_course_session` marks a payment for one session of a course (疗程内分次交费).
    """

    paid_on: date
    session_id: str
    item: str
    amount: Decimal
    is_deposit: bool = False
    course_id: str | None = None
    is_course_session: bool = False


@dataclass(frozen=True, slots=True)
class Visit:
    """One arrival at the clinic as the front desk registered it."""

    on: date
    visit_class: VisitClass


@dataclass(frozen=True, slots=True)
class CustomerClassification:
    """The class of a customer, the definition that decided it, and the dates it turned on."""

    customer_class: CustomerClass
    reason: CustomerClassReason
    first_purchase_on: date | None = None
    became_returning_on: date | None = None


@dataclass(slots=True, eq=False)  # compared by identity while deposits join occasions
class _Occasion:
    """One purchase occasion: one checkout, or a deposit's checkout joined with its payment."""

    lines: list[Purchase]

    @property
    def on(self) -> date:
        return min(line.paid_on for line in self.lines)

    @property
    def items(self) -> set[str]:
        return {line.item for line in self.lines}

    @property
    def courses(self) -> set[str]:
        return {line.course_id for line in self.lines if line.course_id is not None}

    @property
    def session_count(self) -> int:
        return len({line.session_id for line in self.lines})


def _settles(payment: Purchase, deposit: Purchase) -> bool:
    """A payment that is for what the deposit reserved: the same course, else the same item."""
    if payment.course_id is not None and deposit.course_id is not None:
        return payment.course_id == deposit.course_id
    return payment.item == deposit.item


def _settling_order(line: Purchase) -> tuple[bool, str, str, bool, bool, Decimal]:
    """Lines of a course first (a course id is a surer match than an item's name), then a
    fixed order so the order the history arrives in never changes the result."""
    return (
        line.course_id is None,
        line.course_id or "",
        line.item,
        line.is_deposit,
        line.is_course_session,
        line.amount,
    )


def _purchase_occasions(purchases: Sequence[Purchase]) -> list[_Occasion]:
    """The customer's purchase occasions (消费次数) in the order they happened."""
    checkouts: dict[str, list[Purchase]] = {}
    for line in purchases:
        checkouts.setdefault(line.session_id, []).append(line)
    # A checkout worth nothing (a gift, a refund) is not consumption.
    paid = [lines for lines in checkouts.values() if sum((p.amount for p in lines), Decimal(0)) > 0]
    # By date; on one date a deposit-only checkout first, so a same-day payment can settle it;
    # then by checkout id (time-ordered UUIDv7 keys) so the input's order never matters.
    paid.sort(
        key=lambda lines: (
            min(p.paid_on for p in lines),
            not all(p.is_deposit for p in lines),
            lines[0].session_id,
        )
    )

    occasions: list[_Occasion] = []
    # Deposits whose payment has not come yet, with the occasion that holds them.
    open_deposits: list[tuple[Purchase, _Occasion]] = []
    for lines in paid:
        settled: list[_Occasion] = []
        lines = sorted(lines, key=_settling_order)
        for line in lines:
            if line.is_deposit or line.amount <= 0:
                continue
            for entry in open_deposits:
                deposit, occasion = entry
                if deposit.paid_on <= line.paid_on and _settles(line, deposit):
                    open_deposits.remove(entry)
                    if occasion not in settled:
                        settled.append(occasion)
                    break
        if settled:
            # The rest of a purchase begun with a deposit: the same occasion, not a second one.
            target = settled[0]
            for other in settled[1:]:
                target.lines.extend(other.lines)
                occasions.remove(other)
                open_deposits = [(d, target if o is other else o) for d, o in open_deposits]
            target.lines.extend(lines)
        else:
            target = _Occasion(list(lines))
            occasions.append(target)
        open_deposits.extend(
            (line, target) for line in lines if line.is_deposit and line.amount > 0
        )
    occasions.sort(key=lambda occasion: occasion.on)
    return occasions


def _continues_a_course(later: _Occasion, earlier: _Occasion) -> bool:
    """The later occasion pays a session of a course the earlier one already paid into."""
    return any(
        line.is_course_session
        and (
            line.course_id in earlier.courses
            if line.course_id is not None
            else line.item in earlier.items
        )
        for line in later.lines
    )


def _returning_reason(first: _Occasion, second: _Occasion) -> CustomerClassReason:
    if _continues_a_course(second, first):
        return CustomerClassReason.COURSE_PAID_PER_SESSION
    if second.on == first.on:
        return CustomerClassReason.SEPARATE_PURCHASES_ON_ONE_DATE
    if second.items & first.items:
        return CustomerClassReason.SAME_ITEM_ON_DIFFERENT_DATES
    return CustomerClassReason.PURCHASES_ON_DIFFERENT_DATES


def _new_reason(occasion: _Occasion) -> CustomerClassReason:
    if occasion.session_count > 1:
        return CustomerClassReason.DEPOSIT_THEN_PAYMENT
    if all(line.is_deposit for line in occasion.lines if line.amount > 0):
        return CustomerClassReason.DEPOSIT_ONLY
    return CustomerClassReason.ONE_PURCHASE


def classify_customer(
    purchases: Sequence[Purchase], visits: Sequence[Visit], inquiries_count: int
) -> CustomerClassification:
    """The customer's class by seed 004 §2 from their purchases, arrivals and inquiries."""
    if inquiries_count < 0:
        raise ValueError(f"inquiries_count cannot be negative: {inquiries_count}")
    occasions = _purchase_occasions(purchases)
    if len(occasions) >= 2:
        first, second = occasions[0], occasions[1]
        return CustomerClassification(
            CustomerClass.RETURNING,
            _returning_reason(first, second),
            first_purchase_on=first.on,
            became_returning_on=second.on,
        )
    if occasions:
        only = occasions[0]
        return CustomerClassification(
            CustomerClass.NEW, _new_reason(only), first_purchase_on=only.on
        )
    # 潜在客户; a visit of any class without a purchase is 到院咨询未消费.
    if visits:
        return CustomerClassification(
            CustomerClass.POTENTIAL, CustomerClassReason.ARRIVED_WITHOUT_PURCHASE
        )
    if inquiries_count:
        return CustomerClassification(
            CustomerClass.POTENTIAL, CustomerClassReason.INQUIRY_WITHOUT_ARRIVAL
        )
    # A customer file exists only because someone contacted us or was registered as a lead:
    # the seed's three classes have no fourth place, and "never bought" is potential.
    return CustomerClassification(CustomerClass.POTENTIAL, CustomerClassReason.NO_CONTACT_RECORDED)
