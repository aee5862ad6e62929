"""Every refusal of the triage engine, the arrival and the triage services reads as a sentence."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from lorch_desk.domain import errors as domain_errors
from lorch_desk.domain import triage_refusals
from lorch_desk.domain.errors import DomainError
from lorch_desk.ui import errors

ROOT = Path(__file__).resolve().parents[2] / "lorch_desk"
SOURCES = [
    *(ROOT / "domain").glob("triage*.py"),
    ROOT / "services" / "arrivals.py",
    ROOT / "services" / "arrival_form.py",
    *(ROOT / "services").glob("triage*.py"),
    ROOT / "services" / "queue_board.py",
    ROOT / "services" / "front_desk_reports.py",
]


def test_every_triage_refusal_code_has_a_message() -> None:
    refusals = [
        cls
        for module in (triage_refusals, domain_errors)
        for _name, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, DomainError) and cls.__module__ == module.__name__
    ]
    codes = {cls.code for cls in refusals if cls.__module__.endswith("triage_refusals")}
    codes |= {domain_errors.ArrivalIsFinal.code, domain_errors.ArrivalSuperseded.code}
    assert codes - set(errors.CODE_MESSAGES) == set()


def test_every_rule_and_field_the_services_name_has_words() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    rules = set(re.findall(r'rule="([a-z_]+)"', text))
    fields = set(re.findall(r'field="([a-z_]+)"', text)) | {"form_completed_at"}
    assert rules - set(errors.RULE_MESSAGES) == set()
    assert fields - set(errors.FIELD_LABELS) == set()
