"""Why the triage engine refuses a step: stable codes the ui translates."""

from __future__ import annotations

from lorch_desk.domain.errors import DomainError, NotFound


class UnknownConsultant(NotFound):
    code = "triage_unknown_consultant"


class UnknownArrival(NotFound):
    code = "triage_unknown_arrival"


class OfferNoLongerOpen(DomainError):
    """The offer timed out, passed on, or the customer was received by someone else."""

    code = "triage_offer_no_longer_open"


class ConsultantUnavailable(DomainError):
    """The consultant is off duty or suspended, so cannot receive a customer now."""

    code = "triage_consultant_unavailable"


class ConsultantAlreadyOnDuty(DomainError):
    code = "triage_consultant_already_on_duty"


class ArrivalAlreadyQueued(DomainError):
    code = "triage_arrival_already_queued"


class ArrivalAlreadyReceived(DomainError):
    """The customer already has a consultant; change it by a reassignment."""

    code = "triage_arrival_already_received"


class ArrivalNotWithConsultant(DomainError):
    code = "triage_arrival_not_with_consultant"


class ReassignmentNeedsSupervisor(DomainError):
    """Every reassignment is confirmed by a supervisor (7.4)."""

    code = "triage_reassignment_needs_supervisor"


class ReassignmentNeedsConsent(DomainError):
    """Without the customer's signed consent, supervisor and director check first (4.1.2)."""

    code = "triage_reassignment_needs_consent"


class EventOutOfOrder(DomainError):
    """An event dated before the day's last one: the log must be appended in time order."""

    code = "triage_event_out_of_order"


class InconsistentTriageEvent(DomainError):
    """An event the day's state makes impossible (a corrupt or hand-edited log)."""

    code = "triage_inconsistent_event"
