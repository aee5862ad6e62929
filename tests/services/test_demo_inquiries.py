"""The demo shows the inquiry desk and the calendar with realistic Chinese data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.inquiries import InquiryStatus
from lorch_desk.domain.permissions import Role
from lorch_desk.services import appointments, inquiries, messages
from tests.services.test_demo_data import Seeded, _open_copy, _seed


@pytest.fixture(scope="module")
def demo(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    database, system = _open_copy(template_database, tmp_path_factory.mktemp("d") / "d.sqlite3")
    summary = _seed(database, system, customers=60)
    yield Seeded(database, system, summary)
    database.dispose()


def _as(demo: Seeded, role: Role):  # noqa: ANN202
    return replace(demo.system, role=role, display_name="钱敏")


def _run(demo: Seeded, operation, **kwargs):  # noqa: ANN001, ANN202
    result, _ = demo.database.run(
        _as(demo, Role.MARKETING), lambda uow, _p: operation(uow, **kwargs), read_only=True
    )
    return result


def test_the_demo_has_leads_of_several_channels_with_contacts(demo: Seeded) -> None:
    leads = _run(demo, inquiries.list_inquiries)

    assert len({lead.channel for lead in leads}) >= 5
    assert {lead.status for lead in leads} >= {
        InquiryStatus.FOLLOWING,
        InquiryStatus.BOOKED,
        InquiryStatus.LOST,
    }
    assert sum(lead.contact_count for lead in leads) >= 5
    assert any(lead.is_consultant_pre_booking for lead in leads)


def test_the_demo_has_todays_and_tomorrows_bookings_and_messages(demo: Seeded) -> None:
    today = clinic_today()
    booked = _run(demo, appointments.list_appointments, first_day=today, days=2)
    rooms = [b for b in _run(demo, appointments.list_bookables) if b.kind == "room"]
    outbox = _run(demo, messages.list_messages)

    assert {row.day for row in booked} == {today, today + timedelta(days=1)}
    assert {row.staff_name for row in booked} >= {"张伟", "黄涛", "李娜"}
    assert [room.name for room in rooms] == ["治疗室一", "理疗室", "体检室"]
    assert any(m.body.startswith("尊敬的") and "已经取消" in m.body for m in outbox)
    assert any(m.is_sent for m in outbox) and any(not m.is_sent for m in outbox)
