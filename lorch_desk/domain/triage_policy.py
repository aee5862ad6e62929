"""Triage vocabulary (seed 003): the policy's numbers, the classes, the events of a day, and
the read-only records a day is made of.

The rotation engine in `triage.py` keeps no state of its own: a day is the list of the events
below, and every decision of the engine is returned as new events for the caller to record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum

from lorch_desk.domain.visit_classes import VisitClass


@dataclass(frozen=True, slots=True)
class TriagePolicy:
    """The rotation's settings; the defaults are seed 003's numbers, an administrator may change them."""

    accept_minutes: int = 10  # 1.4: the consultant accepts within 10 minutes, else skip
    busy_skip_minutes: int = 8  # 2.2: a busy consultant's turn skips after 8 minutes
    extra_wait_minutes: int = 3  # 1.4: if the next one is busy too, at most 3 more minutes
    max_wait_minutes: int = 15  # 1.4: no customer waits more than 15 minutes in all
    unanswered_calls_to_skip: int = 2  # 2.3: private and work phone each rang once
    counted_until: time = time(18, 0)  # 1.10: arrivals after 18:00 do not count as turns
    half_day_start: time = time(13, 0)  # 1.10: half-day staff start (or stop) at 13:00
    ownership_min_follow_ups: int = 5  # 4.1.1: at least 5 effective follow-ups ...
    ownership_window_days: int = 90  # ... in 3 months keep the customer with the consultant

    def __post_init__(self) -> None:
        for name in (
            "accept_minutes",
            "busy_skip_minutes",
            "extra_wait_minutes",
            "max_wait_minutes",
            "unanswered_calls_to_skip",
            "ownership_window_days",
        ):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.ownership_min_follow_ups < 0:
            raise ValueError("ownership_min_follow_ups must not be negative")

    @property
    def accept_time(self) -> timedelta:
        return timedelta(minutes=self.accept_minutes)

    @property
    def busy_skip_time(self) -> timedelta:
        return timedelta(minutes=self.busy_skip_minutes)

    @property
    def extra_wait_time(self) -> timedelta:
        return timedelta(minutes=self.extra_wait_minutes)

    @property
    def max_wait(self) -> timedelta:
        return timedelta(minutes=self.max_wait_minutes)


DEFAULT_POLICY = TriagePolicy()


# 1.12: several customers for one consultant are received repeat purchase, revisit, first visit.
VISIT_PRIORITY: dict[VisitClass, int] = {
    VisitClass.REPEAT_PURCHASE: 0,
    VisitClass.REVISIT: 1,
    VisitClass.FIRST_VISIT: 2,
    VisitClass.OTHER: 3,
}


class Rotation(StrEnum):
    """The two orders of on-duty consultants (轮排): main, and small for "other" visits."""

    MAIN = "main"
    SMALL = "small"


def rotation_for(visit_class: VisitClass) -> Rotation:
    """The usual rotation of an arrival of this class (3.7, 3.8: "other" → small).

    Gifts are "other" too but not small-rotation cases (seed 004 §3.2 vs seed 003): the arrival
    service passes the rotation of its VisitSuggestion in ArrivalQueued.rotation instead.
    """
    return Rotation.SMALL if visit_class is VisitClass.OTHER else Rotation.MAIN


class ConsultantState(StrEnum):
    """What the queue board shows beside a consultant's name."""

    FREE = "free"
    BUSY = "busy"
    OFFERED = "offered"
    SUSPENDED = "suspended"
    OFF_DUTY = "off_duty"


class HalfDay(StrEnum):
    """A half-day shift (1.10): on duty only before, or only from, `half_day_start`."""

    MORNING = "morning"
    AFTERNOON = "afternoon"


class NotCountedReason(StrEnum):
    """Why an arrival goes to a named consultant without taking a turn (3.2-3.4, 4.1.1)."""

    REFERRAL_NAMED = "referral_named"  # brought by a customer who names the consultant
    PRE_BOOKED = "pre_booked"  # pre-booked by the consultant with the four details
    OWNING_CONSULTANT = "owning_consultant"  # returning customer of the owning consultant


class SkipCause(StrEnum):
    """Why an offer passed on without the consultant receiving the customer."""

    TIMEOUT = "timeout"  # not accepted in time
    BUSY = "busy"  # the consultant was busy and the wait ran out
    UNANSWERED = "unanswered"  # both phones rang unanswered
    DECLINED = "declined"  # the consultant said no
    WITHDRAWN = "withdrawn"  # taken back: directed elsewhere, or the consultant left


def ownership_holds(
    *,
    effective_follow_ups: int,
    customer_remembers_consultant: bool,
    policy: TriagePolicy = DEFAULT_POLICY,
) -> bool:
    """Whether a returning customer still belongs to the owning consultant (4.1.1)."""
    return customer_remembers_consultant or effective_follow_ups >= policy.ownership_min_follow_ups


def ownership_window_start(now: datetime, policy: TriagePolicy = DEFAULT_POLICY) -> datetime:
    """The start of the period whose follow-up calls keep a customer with their consultant."""
    return now - timedelta(days=policy.ownership_window_days)


def pre_booking_is_complete(
    *, surname: str | None, phone: str | None, channel: str | None, inquiry_item: str | None
) -> bool:
    """Whether a consultant's pre-booking carries the four details 3.3 requires."""
    return all(value and value.strip() for value in (surname, phone, channel, inquiry_item))


def _utc(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime")
    return value.astimezone(UTC)


# --- events: every step of a day, who took it, when and why --------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class TriageEvent:
    """One recorded step of the triage day; `at` is UTC, `by` who acted, `reason` why."""

    at: datetime
    by: str
    reason: str = ""

    def __post_init__(self) -> None:
        if not self.by:
            raise ValueError("an event must say who acted")
        object.__setattr__(self, "at", _utc(self.at, "at"))


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsultantJoined(TriageEvent):
    """A consultant comes on duty and takes their place in both rotations."""

    consultant_id: str
    rotation_order: int
    half_day: HalfDay | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsultantLeft(TriageEvent):
    consultant_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsultantBusy(TriageEvent):
    consultant_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsultantFree(TriageEvent):
    consultant_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsultantSuspended(TriageEvent):
    """停诊 / 减诊: out of the rotation until `until` (a past `until` lifts a suspension)."""

    consultant_id: str
    until: datetime

    def __post_init__(self) -> None:
        TriageEvent.__post_init__(self)
        object.__setattr__(self, "until", _utc(self.until, "until"))


@dataclass(frozen=True, slots=True, kw_only=True)
class ArrivalQueued(TriageEvent):
    """A customer filled in the consultation form and waits to be received (the clock starts)."""

    arrival_id: str
    visit_class: VisitClass
    form_completed_at: datetime
    not_counted_reason: NotCountedReason | None = None
    named_consultant_id: str | None = None
    rotation: Rotation | None = None  # None: the usual rotation of the visit class

    def __post_init__(self) -> None:
        TriageEvent.__post_init__(self)
        object.__setattr__(self, "form_completed_at", _utc(self.form_completed_at, "form"))
        if self.rotation is None:
            object.__setattr__(self, "rotation", rotation_for(self.visit_class))
        if (self.not_counted_reason is None) != (self.named_consultant_id is None):
            raise ValueError("a not-counted arrival names its consultant, and only then")


@dataclass(frozen=True, slots=True, kw_only=True)
class ArrivalCorrected(TriageEvent):
    """A still-waiting arrival was corrected (a new record `correction_id`): route it anew.

    The customer keeps their place (`arrival_id` stays the first record's id); the class,
    form time, rotation and named consultant become the correction's.
    """

    arrival_id: str
    correction_id: str
    visit_class: VisitClass
    form_completed_at: datetime
    not_counted_reason: NotCountedReason | None = None
    named_consultant_id: str | None = None
    rotation: Rotation | None = None  # None: the usual rotation of the visit class

    def __post_init__(self) -> None:
        TriageEvent.__post_init__(self)
        object.__setattr__(self, "form_completed_at", _utc(self.form_completed_at, "form"))
        if self.rotation is None:
            object.__setattr__(self, "rotation", rotation_for(self.visit_class))
        if (self.not_counted_reason is None) != (self.named_consultant_id is None):
            raise ValueError("a not-counted arrival names its consultant, and only then")


@dataclass(frozen=True, slots=True, kw_only=True)
class Offered(TriageEvent):
    """The front desk offers the arrival to a consultant, who answers by `respond_by`.

    `rotation` is None when the arrival goes straight to its named consultant; `counted` says
    whether the turn counts in the statistics (not after 18:00, not for named consultants).
    """

    arrival_id: str
    consultant_id: str
    counted: bool
    rotation: Rotation | None
    respond_by: datetime

    def __post_init__(self) -> None:
        TriageEvent.__post_init__(self)
        object.__setattr__(self, "respond_by", _utc(self.respond_by, "respond_by"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Accepted(TriageEvent):
    arrival_id: str
    consultant_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Declined(TriageEvent):
    arrival_id: str
    consultant_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CallUnanswered(TriageEvent):
    arrival_id: str
    consultant_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped(TriageEvent):
    """The offer passes on (跳诊); the consultant's turn is spent and not made up."""

    arrival_id: str
    consultant_id: str
    cause: SkipCause


@dataclass(frozen=True, slots=True, kw_only=True)
class WaitLimitReached(TriageEvent):
    """The customer waited the longest allowed: only a directed assignment receives them now."""

    arrival_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Directed(TriageEvent):
    """点诊: a supervisor gives the arrival to a consultant of their choice (no turn taken)."""

    arrival_id: str
    consultant_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Reassigned(TriageEvent):
    """改派: the received customer changes consultant, confirmed by a supervisor."""

    arrival_id: str
    from_id: str
    to_id: str
    customer_consent: bool
    supervisor_id: str
    director_checked: bool


ConsultantEvent = (
    ConsultantJoined | ConsultantLeft | ConsultantBusy | ConsultantFree | ConsultantSuspended
)


# --- the read-only records of a day (built by TriageDay.apply) ------------------------------


@dataclass(frozen=True, slots=True)
class ConsultantRecord:
    consultant_id: str
    rotation_order: int
    half_day: HalfDay | None
    on_duty: bool = True
    busy: bool = False
    suspended_until: datetime | None = None
    offer_arrival_id: str | None = None  # the one customer offered to them, if any

    @property
    def turn_key(self) -> tuple[int, str]:
        return (self.rotation_order, self.consultant_id)


@dataclass(frozen=True, slots=True)
class OfferRecord:
    consultant_id: str
    counted: bool
    rotation: Rotation | None
    offered_at: datetime
    respond_by: datetime
    consultant_was_busy: bool
    unanswered_calls: int = 0


@dataclass(frozen=True, slots=True)
class ArrivalRecord:
    arrival_id: str
    sequence: int
    visit_class: VisitClass
    form_completed_at: datetime
    not_counted_reason: NotCountedReason | None
    named_consultant_id: str | None
    rotation: Rotation
    offer: OfferRecord | None = None
    passed_by: tuple[str, ...] = ()  # consultants who let this customer pass
    consultant_id: str | None = None  # who has received the customer
    received_at: datetime | None = None
    needs_direction: bool = False  # waited the longest allowed (WaitLimitReached)

    @property
    def is_waiting(self) -> bool:
        """Waiting for an offer: not received, not offered now, not left to a supervisor."""
        return self.consultant_id is None and self.offer is None and not self.needs_direction

    @property
    def priority_key(self) -> tuple[int, datetime, int]:
        return (VISIT_PRIORITY[self.visit_class], self.form_completed_at, self.sequence)


@dataclass(frozen=True, slots=True)
class ConsultantDayStats:
    """A consultant's day for the triage report; not-counted customers count here too (1.7)."""

    first_visits_received: int = 0
    counted_turns: int = 0  # counted main-rotation customers received
    small_rotation_turns: int = 0  # counted small-rotation customers received
    not_counted_received: int = 0
    skips: int = 0
    directed: int = 0
    reassigned_in: int = 0
    reassigned_out: int = 0
    waits: tuple[timedelta, ...] = ()  # form completed → received, per customer received

    @property
    def longest_wait(self) -> timedelta | None:
        return max(self.waits, default=None)

    @property
    def average_wait(self) -> timedelta | None:
        return sum(self.waits, timedelta()) / len(self.waits) if self.waits else None


@dataclass(frozen=True, slots=True)
class TriageSnapshot:
    """Everything a day knows, as plain values: two days are equal when their snapshots are."""

    consultants: tuple[ConsultantRecord, ...]
    arrivals: tuple[ArrivalRecord, ...]
    last_turns: tuple[tuple[Rotation, tuple[int, str] | None], ...]
    statistics: tuple[tuple[str, ConsultantDayStats], ...]
    last_event_at: datetime | None
