"""满意度: survey dimensions and scales, what "satisfied" means, and the consultant's verdict.

Seed 000: a survey after every visit at direct centres, summarised monthly per centre; a
quarterly survey of partner institutions on service quality, follow-up service and problem
solving. Seed 003: a consultant below 90 % satisfaction in a month is suspended for a week,
below 80 % moved off the post.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from lorch_desk.domain.errors import ValidationFailed

SCORE_MIN = 1
SCORE_MAX = 5
MAX_COMMENT_LENGTH = 2000

# A visit survey (seeds 000 and 001): the service, its effect, the products, the attitude.
VISIT_DIMENSIONS = ("service_quality", "service_effect", "products", "service_attitude")
# The quarterly survey of partner institutions (seed 000 §客户满意度收集周期 4).
INSTITUTION_DIMENSIONS = ("service_quality", "follow_up_service", "problem_solving")


class Verdict(StrEnum):
    """What a consultant's month of satisfaction means for the rotation (seed 003)."""

    KEEP = "keep"
    SUSPEND_A_WEEK = "suspend_a_week"
    OFF_THE_POST = "off_the_post"
    TOO_FEW_SURVEYS = "too_few_surveys"


@dataclass(frozen=True, slots=True)
class SatisfactionPolicy:
    """The numbers of the satisfaction rules; the seed's values by default."""

    satisfied_from: Decimal = Decimal(4)  # a survey's mean score that counts as satisfied
    suspend_below_percent: Decimal = Decimal(90)
    off_post_below_percent: Decimal = Decimal(80)
    # Fewer surveys than this in a month give no verdict: one unhappy customer is not 0 %.
    minimum_surveys: int = 5


DEFAULT_POLICY = SatisfactionPolicy()


def check_scores(scores: Mapping[str, int], dimensions: Iterable[str]) -> dict[str, int]:
    """Every dimension scored, each a whole number on the scale; refused naming the first bad one."""
    dimensions = tuple(dimensions)
    unknown = set(scores) - set(dimensions)
    if unknown:
        raise ValidationFailed(field=sorted(unknown)[0], rule="unknown_field")
    checked = {}
    for dimension in dimensions:
        value = scores.get(dimension)
        if value is None:
            raise ValidationFailed(field=dimension, rule="required")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationFailed(field=dimension, rule="integer")
        if not SCORE_MIN <= value <= SCORE_MAX:
            raise ValidationFailed(
                field=dimension, rule="range", minimum=SCORE_MIN, maximum=SCORE_MAX
            )
        checked[dimension] = value
    return checked


def mean_score(scores: Mapping[str, int]) -> Decimal:
    """The survey's overall score: the mean of its dimensions, to two places."""
    total = Decimal(sum(scores.values())) / Decimal(len(scores))
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def is_satisfied(overall: Decimal, policy: SatisfactionPolicy = DEFAULT_POLICY) -> bool:
    return overall >= policy.satisfied_from


def rate_percent(satisfied: int, surveys: int) -> Decimal | None:
    """Satisfied surveys as a percentage of all, to one place; None with no surveys."""
    if surveys == 0:
        return None
    return (Decimal(100) * satisfied / surveys).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def verdict(satisfied: int, surveys: int, policy: SatisfactionPolicy = DEFAULT_POLICY) -> Verdict:
    """The month's consequence for a consultant with `satisfied` of `surveys` satisfied."""
    if surveys < policy.minimum_surveys:
        return Verdict.TOO_FEW_SURVEYS
    rate = Decimal(100) * satisfied / surveys
    if rate < policy.off_post_below_percent:
        return Verdict.OFF_THE_POST
    if rate < policy.suspend_below_percent:
        return Verdict.SUSPEND_A_WEEK
    return Verdict.KEEP
