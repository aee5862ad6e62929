"""Visit classes of an arrival (初诊 / 复诊复查 / 再消费 / 其他) and the small-rotation cases.

Seed 004 §3.2 defines the classes the front desk tells apart; seed 003 §3.7–3.8 lists the
customers registered as "other" and sent to the small rotation. The result is a suggestion:
the receptionist can always choose another class.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class VisitClass(StrEnum):
    """The class of one arrival (seed 004 §3.2 分诊接待)."""

    FIRST_VISIT = "first_visit"  # 初诊
    REVISIT = "revisit"  # 复诊 / 复查
    REPEAT_PURCHASE = "repeat_purchase"  # 再消费
    OTHER = "other"  # 其他


class VisitPurpose(StrEnum):
    """What the customer says they came for, as the receptionist ticks it."""

    CONSULTATION = "consultation"  # 咨询
    TREATMENT_SESSION = "treatment_session"  # 治疗 (a session of a course, or a new treatment)
    RECHECK = "recheck"  # 术后复查
    STITCH_REMOVAL = "stitch_removal"  # 拆线
    PURCHASE = "purchase"  # 购买
    CLINIC_GIFT = "clinic_gift"  # 医院特殊赠送
    EVENT_GIFT = "event_gift"  # 活动赠送


class VisitReason(StrEnum):
    """Why a class was suggested; stable codes the ui translates."""

    FIRST_TIME_AT_CLINIC = "first_time_at_clinic"
    CONSULTED_BEFORE_NEVER_BOUGHT = "consulted_before_never_bought"
    BOUGHT_BEFORE = "bought_before"
    COURSE_SESSION = "course_session"
    POST_OP_RECHECK = "post_op_recheck"
    CLINIC_GIFT = "clinic_gift"
    EVENT_GIFT = "event_gift"
    # The small-rotation cases of seed 003 §3.7–3.8, in the seed's order.
    MINOR_WITHOUT_PARENT = "minor_without_parent"
    REFUSED_DETAILS = "refused_details"
    TRANSFERRED_FROM_DEPARTMENT = "transferred_from_department"
    STITCH_REMOVAL = "stitch_removal"
    OVER_AGE_LIMIT = "over_age_limit"
    KNOWN_MENTAL_ILLNESS = "known_mental_illness"


SMALL_ROTATION_REASONS = frozenset(
    {
        VisitReason.MINOR_WITHOUT_PARENT,
        VisitReason.REFUSED_DETAILS,
        VisitReason.TRANSFERRED_FROM_DEPARTMENT,
        VisitReason.STITCH_REMOVAL,
        VisitReason.OVER_AGE_LIMIT,
        VisitReason.KNOWN_MENTAL_ILLNESS,
    }
)


@dataclass(frozen=True, slots=True)
class VisitClassSettings:
    """The numbers and departments of seed 003's small-rotation rule; an administrator's setting."""

    # 10岁以上18岁以下: in Chinese legal usage 以上/以下 include the number itself.
    minor_from_age: int = 10
    minor_to_age: int = 18
    # 年龄超过70岁: 超过 excludes the number, so 70 is not yet "over 70".
    over_age_limit: int = 70
    # 口腔科和毛发科转诊的客户.
    small_rotation_departments: frozenset[str] = frozenset({"dental", "hair"})


DEFAULT_VISIT_CLASS_SETTINGS = VisitClassSettings()


@dataclass(frozen=True, slots=True, kw_only=True)
class ArrivalFacts:
    """What the front desk knows of one arrival and of the customer's history."""

    purpose: VisitPurpose
    age: int | None = None
    accompanied_by_parent: bool = False
    refused_details: bool = False
    # The department that sent the customer ("dental", "hair", ...); None when not a transfer.
    transferred_from: str | None = None
    has_open_course: bool = False
    has_purchased_before: bool = False
    # Arrived (and consulted) before, whether or not they bought then.
    has_arrived_before: bool = False
    known_mental_illness: bool = False

    def __post_init__(self) -> None:
        # Accept the plain strings a form or a test passes; an unknown purpose is a bug.
        object.__setattr__(self, "purpose", VisitPurpose(self.purpose))
        department = (self.transferred_from or "").strip().lower() or None
        object.__setattr__(self, "transferred_from", department)
        if self.age is not None and self.age < 0:
            raise ValueError(f"age cannot be negative: {self.age}")


@dataclass(frozen=True, slots=True)
class VisitSuggestion:
    """The class the front desk proposes for an arrival and the reasons, most telling first."""

    visit_class: VisitClass
    reasons: tuple[VisitReason, ...] = field(default=())

    @property
    def goes_to_small_rotation(self) -> bool:
        """Seed 003 §3.7–3.8: this arrival is one of the cases the small rotation receives."""
        return any(reason in SMALL_ROTATION_REASONS for reason in self.reasons)


def small_rotation_reasons(
    facts: ArrivalFacts, settings: VisitClassSettings = DEFAULT_VISIT_CLASS_SETTINGS
) -> tuple[VisitReason, ...]:
    """The small-rotation cases of seed 003 this arrival meets, in the seed's order."""
    reasons: list[VisitReason] = []
    age = facts.age
    if (
        age is not None
        and settings.minor_from_age <= age <= settings.minor_to_age
        and not facts.accompanied_by_parent
    ):
        reasons.append(VisitReason.MINOR_WITHOUT_PARENT)
    if facts.refused_details:
        reasons.append(VisitReason.REFUSED_DETAILS)
    if facts.transferred_from in settings.small_rotation_departments:
        reasons.append(VisitReason.TRANSFERRED_FROM_DEPARTMENT)
    if facts.purpose is VisitPurpose.STITCH_REMOVAL:
        reasons.append(VisitReason.STITCH_REMOVAL)
    if age is not None and age > settings.over_age_limit:
        reasons.append(VisitReason.OVER_AGE_LIMIT)
    if facts.known_mental_illness:
        reasons.append(VisitReason.KNOWN_MENTAL_ILLNESS)
    return tuple(reasons)


_GIFT_REASONS = {
    VisitPurpose.CLINIC_GIFT: VisitReason.CLINIC_GIFT,
    VisitPurpose.EVENT_GIFT: VisitReason.EVENT_GIFT,
}


def suggest_visit_class(
    facts: ArrivalFacts, settings: VisitClassSettings = DEFAULT_VISIT_CLASS_SETTINGS
) -> VisitSuggestion:
    """Propose the visit class of an arrival by seed 004 §3.2 and seed 003's small rotation."""
    # 其它: the small-rotation cases (003 §3.7–3.8) and the clinic's or an event's gifts (004).
    other_reasons = small_rotation_reasons(facts, settings)
    gift_reason = _GIFT_REASONS.get(facts.purpose)
    if gift_reason is not None:
        other_reasons += (gift_reason,)
    if other_reasons:
        return VisitSuggestion(VisitClass.OTHER, other_reasons)
    # 复诊/复查: 同一项目分次治疗者, and the check after an operation.
    if facts.purpose is VisitPurpose.RECHECK:
        return VisitSuggestion(VisitClass.REVISIT, (VisitReason.POST_OP_RECHECK,))
    if facts.purpose is VisitPurpose.TREATMENT_SESSION and facts.has_open_course:
        return VisitSuggestion(VisitClass.REVISIT, (VisitReason.COURSE_SESSION,))
    # 再消费: 到院消费一次以上者 — whatever they come to buy or consult about now (003 §4.2).
    if facts.has_purchased_before:
        return VisitSuggestion(VisitClass.REPEAT_PURCHASE, (VisitReason.BOUGHT_BEFORE,))
    # 初诊: 第一次到院客户 (成交/未成交), and 到院咨询多次仍未消费者.
    if facts.has_arrived_before:
        return VisitSuggestion(VisitClass.FIRST_VISIT, (VisitReason.CONSULTED_BEFORE_NEVER_BOUGHT,))
    return VisitSuggestion(VisitClass.FIRST_VISIT, (VisitReason.FIRST_TIME_AT_CLINIC,))
