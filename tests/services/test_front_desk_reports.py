"""Arrivals by class and channel: corrections count once, the period filter, the catalogue."""

from __future__ import annotations

from datetime import date

import pytest

from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.labels import Label
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.domain.visit_classes import VisitClass
from lorch_desk.services import arrival_form, report_catalogue
from lorch_desk.services.arrivals import ArrivalInput
from lorch_desk.services.front_desk_reports import ARRIVALS_BY_CLASS
from lorch_desk.services.reports import list_reports, run_report
from tests.services import test_triage_service as story
from tests.services.test_triage_service import FrontDesk, at

staffed_template = story.staffed_template
database_path = story.database_path
desk = story.desk


def _report(desk: FrontDesk, **values: object) -> list[tuple[str, str, int, int, int]]:
    result = desk.run(
        desk.manager,
        lambda uow: run_report(
            uow, key=ARRIVALS_BY_CLASS.key, values=values, progress=SilentProgress()
        ),
    )
    return [
        (
            row["visit_class"].zh if isinstance(row["visit_class"], Label) else row["visit_class"],
            row["channel"].zh if isinstance(row["channel"], Label) else row["channel"],
            row["arrivals"],
            row["small_rotation"],
            row["not_counted"],
        )
        for row in result.rows
    ]


def test_arrivals_are_counted_by_class_and_channel_once_per_corrected_arrival(
    desk: FrontDesk,
) -> None:
    report_catalogue.load_all()
    assert ARRIVALS_BY_CLASS in list_reports(desk.manager)
    desk.arrive(desk.register("王芳"), at(9, 0), channel="walk_in")
    desk.arrive(desk.register("李娜"), at(9, 5), channel="walk_in")
    desk.arrive(desk.register("刘阿姨"), at(9, 6), age=75, channel="hotline")
    first = desk.arrive(desk.register("赵敏"), at(9, 7), channel="online")
    desk.run(
        desk.receptionist,
        arrival_form.correct_and_requeue,
        arrival_id=first,
        data=ArrivalInput(
            form_completed_at=at(9, 7), channel="online", visit_class=VisitClass.REVISIT
        ),
        now=at(9, 8),
    )
    desk.arrive(desk.register("孙丽"), at(9, 0, day=date(2026, 11, 24)), channel="walk_in")

    rows = _report(desk, arrived_from=date(2026, 11, 23), arrived_to=date(2026, 11, 23))

    assert sorted(rows) == sorted(
        [
            ("初诊", "散客", 2, 0, 0),
            ("其他", "400热线", 1, 1, 0),
            ("复诊/复查", "网络", 1, 0, 0),
        ]
    )
    assert sum(r[2] for r in _report(desk)) == 5


def test_a_period_ending_before_it_starts_is_refused(desk: FrontDesk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        _report(desk, arrived_from=date(2026, 11, 24), arrived_to=date(2026, 11, 23))
    assert refused.value.field == "arrived_to"
