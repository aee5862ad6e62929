"""Consultation records (咨询记录): the outcome of a consultation and why a deal did not close.

The clinic's conversion statistics count deals closed per consultant, so a record says either
"deal closed" or "not closed" with one of a fixed list of reasons (free text beside it).
Saved records are site documents: a correction is a new version, never an edit.
"""

from __future__ import annotations

from enum import StrEnum

from lorch_desk.domain.errors import DomainError, ValidationFailed


class ConsultationOutcome(StrEnum):
    DEAL_CLOSED = "deal_closed"  # 成交
    NOT_CLOSED = "not_closed"  # 未成交


class NotClosedReason(StrEnum):
    """Why a consultation ended without a deal (the clinic's fixed list)."""

    PRICE = "price"  # 价格原因
    THINKING_IT_OVER = "thinking_it_over"  # 考虑一下
    COMPARING_CLINICS = "comparing_clinics"  # 比较其他机构
    NEEDS_FAMILY_CONSENT = "needs_family_consent"  # 需与家人商量
    DOUBTS_RESULT = "doubts_result"  # 对效果有顾虑
    NOT_SUITABLE = "not_suitable"  # 身体条件不适合
    ONLY_ASKING = "only_asking"  # 仅了解信息
    OTHER = "other"  # 其他


class DocumentIsFinal(DomainError):
    """A saved document is never edited: a correction is a new version that supersedes it."""

    code = "document_is_final"


class DocumentSuperseded(DomainError):
    """Only the newest version of a document can be corrected."""

    code = "document_superseded"


def check_outcome(
    outcome: str, reason: str | None, note: str
) -> tuple[ConsultationOutcome, NotClosedReason | None]:
    """The outcome and reason of a record, refusing a "not closed" without its reason."""
    try:
        chosen = ConsultationOutcome(outcome)
    except ValueError:
        raise ValidationFailed(field="outcome", rule="required") from None
    if chosen is ConsultationOutcome.DEAL_CLOSED:
        return chosen, None
    if not reason:
        raise ValidationFailed(field="not_closed_reason", rule="required")
    try:
        why = NotClosedReason(reason)
    except ValueError:
        raise ValidationFailed(field="not_closed_reason", rule="invalid_choice") from None
    if why is NotClosedReason.OTHER and not note.strip():
        raise ValidationFailed(field="not_closed_note", rule="required")
    return chosen, why


def conversion_rate(deals_closed: int, consultations: int) -> float | None:
    """Deals closed per consultation recorded, None when there was no consultation."""
    return deals_closed / consultations if consultations else None
