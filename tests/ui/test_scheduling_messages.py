"""Every refusal of the inquiry, appointment and message services reads as a sentence."""

from __future__ import annotations

import re
from pathlib import Path

from lorch_desk.domain.errors import AppointmentConflict, AppointmentNotOpen
from lorch_desk.ui import errors

ROOT = Path(__file__).resolve().parents[2] / "lorch_desk" / "services"
SOURCES = [
    ROOT / name
    for name in (
        "inquiries.py",
        "inquiry_validation.py",
        "inquiry_settings.py",
        "inquiry_arrivals.py",
        "appointments.py",
        "messages.py",
    )
]


def test_every_rule_field_and_code_of_the_scheduling_services_has_words() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    rules = set(re.findall(r'rule="([a-z_]+)"', text))
    fields = set(re.findall(r'field="([a-z_]+)"', text))

    assert rules - set(errors.RULE_MESSAGES) == set()
    assert fields - set(errors.FIELD_LABELS) == set()
    assert {AppointmentConflict.code, AppointmentNotOpen.code} <= set(errors.CODE_MESSAGES)


def test_a_double_booking_names_the_person_the_time_and_the_other_customer(qapp) -> None:  # noqa: ANN001
    refusal = AppointmentConflict(
        field="room_id", customer_name="王芳", starts="10:00", ends="11:00"
    )
    assert errors.message_for(refusal) == "Room is already booked from 10:00 to 11:00 (王芳)."
