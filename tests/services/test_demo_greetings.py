"""The demo shows templates and this week's lunar birthdays, whatever the hour it was made."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from lorch_desk.domain.greeting_templates import GreetingPurpose
from lorch_desk.domain.permissions import Role
from lorch_desk.services import greeting_birthdays, greetings, message_templates
from lorch_desk.services.greetings import ComposeGreetingInput
from tests.services.test_demo_data import Seeded, _open_copy, _seed


@pytest.fixture(scope="module")
def demo(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    database, system = _open_copy(template_database, tmp_path_factory.mktemp("g") / "g.sqlite3")
    summary = _seed(database, system, customers=40)
    yield Seeded(database, system, summary)
    database.dispose()


def _run(demo: Seeded, operation, **kwargs):  # noqa: ANN001, ANN202
    desk = replace(demo.system, role=Role.CUSTOMER_SERVICE, display_name="周静")
    result, _ = demo.database.run(desk, lambda uow, _p: operation(uow, **kwargs), read_only=True)
    return result


def test_the_demo_has_a_template_per_purpose_and_lunar_birthdays_this_week(demo: Seeded) -> None:
    templates = _run(demo, message_templates.list_templates)
    assert {t.purpose for t in templates} == set(GreetingPurpose)
    birthdays = _run(demo, greeting_birthdays.list_birthdays)
    lunar = [row for row in birthdays if row.is_lunar]
    assert len(lunar) == 3
    assert all(row.lunar_text and row.mobile_display for row in lunar)
    [birthday] = [t for t in templates if t.purpose is GreetingPurpose.BIRTHDAY]
    preview = _run(
        demo,
        greetings.preview_greetings,
        data=ComposeGreetingInput(
            template_id=birthday.id, customer_ids=tuple(row.customer_id for row in lunar)
        ),
    )
    assert preview.count == 3
    assert all("生日快乐" in line.body for line in preview.lines)
