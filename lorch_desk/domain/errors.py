"""Domain errors with stable codes; the ui turns a code into translated text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class DomainError(Exception):
    """A refusal by a clinic rule; `code` is stable and `params` fill the message."""

    code = "domain_error"

    def __init__(self, message: str = "", *, field: str | None = None, **params: Any) -> None:
        super().__init__(message or self.code)
        self.field = field
        self.params = params

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, field={self.field!r}, params={self.params!r})"


class ValidationFailed(DomainError):
    """A value the user typed is not allowed; `field` names it, `params['rule']` says why."""

    code = "validation_failed"


class NotFound(DomainError):
    code = "not_found"


class PermissionDenied(DomainError):
    code = "permission_denied"


class LoginFailed(DomainError):
    code = "login_failed"


class AccountLocked(DomainError):
    code = "account_locked"


class LedgerIsAppendOnly(DomainError):
    code = "ledger_append_only"


class PhysicalDeleteRefused(DomainError):
    code = "physical_delete_refused"


class BulkWriteRefused(DomainError):
    code = "bulk_write_refused"


class AlreadyInitialised(DomainError):
    code = "already_initialised"


class NotInitialised(DomainError):
    code = "not_initialised"


class MergeRefused(DomainError):
    code = "merge_refused"


class Cancelled(DomainError):
    """The user cancelled long work; nothing of it was committed."""

    code = "cancelled"


class NoCjkFont(DomainError):
    """No TrueType font with Chinese glyphs was found to embed in a PDF; `searched` lists where."""

    code = "no_cjk_font"

    def __init__(self, *, searched: list[str]) -> None:
        listing = "; ".join(searched) or "nowhere"
        super().__init__(
            "no embeddable CJK TrueType font (.ttf/.ttc) found; install fonts-wqy-microhei "
            f"or set LORCH_CJK_FONT to a font file. Searched: {listing}",
            searched=list(searched),
        )
        self.searched = list(searched)


class DuplicatesFound(DomainError):
    """A new customer looks like one already registered; `candidates` lists who and why."""

    code = "duplicates_found"

    def __init__(self, *, candidates: Sequence[Any]) -> None:
        super().__init__(count=len(candidates))
        self.candidates = list(candidates)


class StaleRecord(DomainError):
    """Someone else saved the record after it was opened; reload before saving again."""

    code = "stale_record"


class ArrivalIsFinal(DomainError):
    """A saved arrival is never edited or deleted: a correction is a new arrival."""

    code = "arrival_is_final"


class ArrivalSuperseded(ArrivalIsFinal):
    """Only the newest version of an arrival can be corrected."""

    code = "arrival_superseded"


class AppointmentConflict(DomainError):
    """The person or room is already booked at an overlapping time; params say by whom, when."""

    code = "appointment_conflict"


class AppointmentNotOpen(DomainError):
    """Only a booked appointment can be moved, cancelled or checked in."""

    code = "appointment_not_open"


class NegativeStock(DomainError):
    """A move would take more of a batch out of a location than lies there."""

    code = "negative_stock"


class UnknownBarcode(DomainError):
    """No product has the scanned or typed code."""

    code = "unknown_barcode"


class NotInCount(DomainError):
    """The product is not on this stock count's sheet."""

    code = "not_in_count"


class StockDocumentState(DomainError):
    """A warehouse document is not in the state this step needs (e.g. posting twice)."""

    code = "stock_document_state"


class RequisitionOutOfOrder(DomainError):
    """A requisition goes request -> approve -> ship -> receive, each once (`number`)."""

    code = "requisition_out_of_order"


class ShipmentAlreadyReceived(DomainError):
    """A shipment to a branch is received once (`number`)."""

    code = "shipment_already_received"


class ImportRejected(DomainError):
    """An imported sheet has bad rows; `rows` lists (row number, message); nothing was written."""

    code = "import_rejected"

    def __init__(self, *, rows: Sequence[tuple[int, str]]) -> None:
        super().__init__(count=len(rows), first=f"{rows[0][0]}: {rows[0][1]}" if rows else "")
        self.rows = list(rows)


class ComplaintStepOutOfOrder(DomainError):
    """A complaint's steps are taken in the order of the handling standard (seed 000)."""

    code = "complaint_step_out_of_order"


class PaymentMismatch(DomainError):
    """The payments of a checkout or refund do not add up to what is owed (`total`, `paid`)."""

    code = "payment_mismatch"


class RefundTooLarge(DomainError):
    """A refund would pay back more than was paid (by a method, or in all): `method`, `left`."""

    code = "refund_too_large"


class InsufficientBalance(DomainError):
    """A customer's points, stored value or deposit (`balance`) is below what is charged."""

    code = "insufficient_balance"


class InsufficientPoints(InsufficientBalance):
    code = "insufficient_points"


class InsufficientStoredValue(InsufficientBalance):
    code = "insufficient_stored_value"


class InsufficientDeposit(InsufficientBalance):
    code = "insufficient_deposit"


class CourseExhausted(DomainError):
    """Every session of the course is used, or a course with used sessions is refunded."""

    code = "course_exhausted"


class AlreadyRefunded(DomainError):
    """A sale line was refunded before; each line is refunded once."""

    code = "already_refunded"
