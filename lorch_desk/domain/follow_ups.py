"""回访: which events plan follow-up calls, when, and for whom; what a call's outcome means.

A rule says: after an event of one kind (a sale line, a treatment plan, a consultation that
did not close, a visit), of one service-item category or of any, call the customer on these
days after the event. A rule for a category replaces the rule for "any category" of the same
event, so a post-operation schedule can differ from the ordinary one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from lorch_desk.domain.errors import ValidationFailed

ANY_CATEGORY = ""
# Longest offset a rule may have: a follow-up a year after the event.
MAX_OFFSET_DAYS = 365
MAX_OFFSETS_PER_RULE = 10
# How far back the sweep looks for events that have no tasks yet (beyond the longest offset).
SWEEP_MARGIN_DAYS = 7


class FollowUpSource(StrEnum):
    """The event a follow-up task comes from."""

    SALE = "sale"  # a service, course or product sold at the till
    TREATMENT_PLAN = "treatment_plan"  # a treatment plan agreed with the consultant
    CONSULTATION_NOT_CLOSED = "consultation_not_closed"  # consulted, did not buy
    ARRIVAL = "arrival"  # any visit to the centre
    CALL = "call"  # the next step a previous call planned
    TOP_SPENDER = "top_spender"  # headquarters' monthly call to a centre's top customers


# Sources a rule can be written for (the others are planned by people).
RULE_SOURCES = (
    FollowUpSource.SALE,
    FollowUpSource.TREATMENT_PLAN,
    FollowUpSource.CONSULTATION_NOT_CLOSED,
    FollowUpSource.ARRIVAL,
)


class Assignee(StrEnum):
    """Who makes the call: the customer's consultant, or the customer-service desk's pool."""

    CONSULTANT = "consultant"
    CUSTOMER_SERVICE = "customer_service"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class CallOutcome(StrEnum):
    """How a follow-up call went; only a reached customer can make it effective."""

    REACHED = "reached"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    WRONG_NUMBER = "wrong_number"
    DECLINED = "declined"  # reached, but the customer did not want to talk

    @property
    def closes_task(self) -> bool:
        """No answer or busy: the task stays on the list to try again."""
        return self not in {CallOutcome.NO_ANSWER, CallOutcome.BUSY}


@dataclass(frozen=True, slots=True)
class FollowUpRule:
    """After `source` events of `category` (or any), call on each of `offsets` days after."""

    source: FollowUpSource
    category: str
    offsets: tuple[int, ...]
    assignee: Assignee = Assignee.CONSULTANT


# Seed 000/001: call the day after a treatment, after a week and after a month; operations
# (medical aesthetics) are checked at the same points; a customer who consulted without
# buying is called after three days.
DEFAULT_RULES: tuple[FollowUpRule, ...] = (
    FollowUpRule(FollowUpSource.SALE, ANY_CATEGORY, (1, 7)),
    FollowUpRule(FollowUpSource.SALE, "医学美容", (1, 7, 30)),
    FollowUpRule(FollowUpSource.TREATMENT_PLAN, ANY_CATEGORY, (1,)),
    FollowUpRule(FollowUpSource.CONSULTATION_NOT_CLOSED, ANY_CATEGORY, (3,)),
    FollowUpRule(FollowUpSource.ARRIVAL, ANY_CATEGORY, (), Assignee.CUSTOMER_SERVICE),
)


def parse_offsets(text: str) -> tuple[int, ...]:
    """'1, 7, 30' -> (1, 7, 30); refused unless whole days from 1 to a year, at most ten."""
    parts = [part for part in text.replace("，", ",").replace(" ", ",").split(",") if part]
    try:
        offsets = sorted({int(part) for part in parts})
    except ValueError:
        raise ValidationFailed(field="offsets", rule="offsets") from None
    if len(offsets) > MAX_OFFSETS_PER_RULE or any(
        not 1 <= day <= MAX_OFFSET_DAYS for day in offsets
    ):
        raise ValidationFailed(field="offsets", rule="offsets")
    return tuple(offsets)


def check_rules(rules: Sequence[FollowUpRule]) -> tuple[FollowUpRule, ...]:
    """The rules as saved: one per source and category, each offset within range."""
    seen: set[tuple[FollowUpSource, str]] = set()
    checked = []
    for rule in rules:
        key = (FollowUpSource(rule.source), rule.category.strip())
        if key[0] not in RULE_SOURCES:
            raise ValidationFailed(field="source", rule="choice")
        if key in seen:
            raise ValidationFailed(field="category", rule="duplicate_rule")
        seen.add(key)
        offsets = parse_offsets(",".join(str(day) for day in rule.offsets))
        checked.append(FollowUpRule(key[0], key[1], offsets, Assignee(rule.assignee)))
    return tuple(checked)


def rule_for(
    rules: Iterable[FollowUpRule], source: FollowUpSource, category: str
) -> FollowUpRule | None:
    """The rule of `category` for this event, else the event's rule for any category."""
    fallback = None
    for rule in rules:
        if rule.source is not source:
            continue
        if rule.category == category:
            return rule
        if rule.category == ANY_CATEGORY:
            fallback = rule
    return fallback


@dataclass(frozen=True, slots=True)
class PlannedCall:
    """A call the rules ask for: on `due_on`, `offset_days` after the event."""

    due_on: date
    offset_days: int
    assignee: Assignee
    reason: str


def plan_calls(
    rules: Iterable[FollowUpRule],
    source: FollowUpSource,
    event_day: date,
    categories: Iterable[str],
    *,
    reason: str,
) -> list[PlannedCall]:
    """The calls an event asks for: each offset once, however many of its lines ask for it."""
    rules = tuple(rules)
    planned: dict[int, PlannedCall] = {}
    for category in list(dict.fromkeys(categories)) or [ANY_CATEGORY]:
        rule = rule_for(rules, source, category)
        if rule is None:
            continue
        for offset in rule.offsets:
            planned.setdefault(
                offset,
                PlannedCall(event_day + timedelta(days=offset), offset, rule.assignee, reason),
            )
    return [planned[offset] for offset in sorted(planned)]


def longest_offset(rules: Iterable[FollowUpRule]) -> int:
    """The furthest day any rule plans a call for (0 with no offsets at all)."""
    return max((max(rule.offsets) for rule in rules if rule.offsets), default=0)


def check_call(outcome: CallOutcome | str, is_effective: bool) -> CallOutcome:
    """The outcome of a call; only a call that reached the customer can count as effective."""
    try:
        checked = CallOutcome(outcome)
    except ValueError:
        raise ValidationFailed(field="outcome", rule="choice") from None
    if is_effective and checked is not CallOutcome.REACHED:
        raise ValidationFailed(field="is_effective", rule="effective_needs_reached")
    return checked
