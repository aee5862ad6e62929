"""The report registry: who sees which report, typed parameters, preview limits, documents."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

import pytest

from lorch_desk.db.unit_of_work import Database, UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action, Role
from lorch_desk.domain.progress import Progress, SilentProgress
from lorch_desk.domain.tables import YES, Column, ColumnKind
from lorch_desk.services import customer_reports, report_catalogue, reports
from lorch_desk.services.reports import (
    ParameterKind,
    ReportDefinition,
    ReportParameter,
    build_document,
    get_report,
    list_reports,
    register_report,
    run_report,
    validate_parameters,
)

ONLINE = Label("网络", "Online")
PARAMETERS = (
    ReportParameter("since", Label("开始日期", "Since"), ParameterKind.DATE, required=True),
    ReportParameter(
        "channel",
        Label("渠道", "Channel"),
        ParameterKind.CHOICE,
        choices=(("online", ONLINE), ("walk_in", Label("散客", "Walk-in"))),
    ),
    ReportParameter("top", Label("前几名", "Top"), ParameterKind.INTEGER, default=10),
    ReportParameter("members_only", Label("仅会员", "Members only"), ParameterKind.BOOLEAN),
    ReportParameter("note", Label("备注", "Note"), ParameterKind.TEXT),
)


class CountingSource:
    """A row source of `rows` numbered rows that says whether it was read and closed."""

    def __init__(self, rows: int) -> None:
        self.rows = rows
        self.read = 0
        self.closed = False
        self.seen: Mapping[str, object] | None = None

    def __call__(
        self, _uow: UnitOfWork, parameters: Mapping[str, object], _progress: Progress
    ) -> Iterator[Mapping[str, object]]:
        self.seen = parameters
        return self._rows()

    def _rows(self) -> Iterator[Mapping[str, object]]:
        try:
            for index in range(self.rows):
                self.read += 1
                yield {"number": index}
        finally:
            self.closed = True

    def count(self, _uow: UnitOfWork, _parameters: Mapping[str, object]) -> int:
        return self.rows


def definition(
    key: str = "test.numbers", *, action: Action = Action.REPORT_RUN, source: Any = None
) -> ReportDefinition:
    source = source or CountingSource(3)
    return ReportDefinition(
        key=key,
        area="test",
        title=Label("数字", "Numbers"),
        parameters=PARAMETERS,
        columns=(Column("number", Label("数", "Number"), ColumnKind.INTEGER, 8),),
        action=action,
        run=source,
        count=source.count,
    )


def actor(role: Role) -> Actor:
    return Actor(uuid.uuid4(), role.value, role.value, role, uuid.uuid4(), "BJ", uuid.uuid4())


@pytest.fixture(autouse=True)
def empty_registry(monkeypatch: pytest.MonkeyPatch) -> dict[str, ReportDefinition]:
    registry: dict[str, ReportDefinition] = {}
    monkeypatch.setattr(reports, "_REGISTRY", registry)
    return registry


@pytest.fixture()
def as_role(database: Database, actor_for: Callable[[Role], Actor]) -> Callable[..., Any]:
    """Call `operation(uow, **kwargs)` in a read-only unit of work of an actor of `role`."""

    def call(role: Role, operation: Callable[..., Any], /, **kwargs: Any) -> Any:
        with database.unit_of_work(actor_for(role), read_only=True) as uow:
            return operation(uow, **kwargs)

    return call


def test_a_key_is_registered_once() -> None:
    register_report(definition())

    with pytest.raises(ValueError, match="test.numbers"):
        register_report(definition())


def test_an_unknown_report_is_not_found() -> None:
    with pytest.raises(NotFound):
        get_report("nobody.registered_this")


def test_each_role_lists_only_the_reports_it_may_run() -> None:
    register_report(definition("test.numbers"))
    register_report(definition("test.audit", action=Action.AUDIT_VIEW))

    assert [report.key for report in list_reports(actor(Role.BRANCH_MANAGER))] == [
        "test.audit",
        "test.numbers",
    ]
    assert [report.key for report in list_reports(actor(Role.CUSTOMER_SERVICE))] == ["test.numbers"]
    assert list_reports(actor(Role.RECEPTIONIST)) == []


def test_parameters_are_typed() -> None:
    checked = validate_parameters(
        definition(),
        {"since": "2026-01-05", "channel": "online", "top": " 25 ", "members_only": "是"},
    )

    assert checked == {
        "since": date(2026, 1, 5),
        "channel": "online",
        "top": 25,
        "members_only": True,
        "note": None,
    }


def test_empty_parameters_take_their_default() -> None:
    checked = validate_parameters(
        definition(), {"since": date(2026, 1, 5), "channel": "", "top": None, "note": "  "}
    )

    assert checked == {
        "since": date(2026, 1, 5),
        "channel": None,
        "top": 10,
        "members_only": None,
        "note": None,
    }


@pytest.mark.parametrize(
    ("values", "field", "rule"),
    [
        ({}, "since", "required"),
        ({"since": "  "}, "since", "required"),
        ({"since": "2026-13-01"}, "since", "date"),
        ({"since": "next tuesday"}, "since", "date"),
        ({"since": datetime(2026, 1, 5, 8, 0)}, "since", "date"),
        ({"since": "2026-01-05", "channel": "pigeon"}, "channel", "choice"),
        ({"since": "2026-01-05", "top": "ten"}, "top", "integer"),
        ({"since": "2026-01-05", "top": True}, "top", "integer"),
        ({"since": "2026-01-05", "members_only": "maybe"}, "members_only", "boolean"),
        ({"since": "2026-01-05", "chanel": "online"}, "chanel", "unknown"),
    ],
)
def test_bad_parameters_are_refused_with_field_and_rule(
    values: dict[str, object], field: str, rule: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        validate_parameters(definition(), values)

    assert refused.value.field == field
    assert refused.value.params["rule"] == rule


def test_the_preview_stops_at_its_limit_and_releases_the_source(
    as_role: Callable[..., Any],
) -> None:
    source = CountingSource(12)
    register_report(definition(source=source))

    result = as_role(
        Role.BRANCH_MANAGER,
        run_report,
        key="test.numbers",
        values={"since": "2026-01-05"},
        progress=SilentProgress(),
        limit=5,
    )

    assert [row["number"] for row in result.rows] == [0, 1, 2, 3, 4]
    assert result.truncated
    assert result.total == 12
    assert result.parameters["since"] == date(2026, 1, 5)
    assert source.seen == result.parameters
    assert source.read == 6
    assert source.closed


def test_a_short_report_is_not_truncated(as_role: Callable[..., Any]) -> None:
    register_report(definition(source=CountingSource(3)))

    result = as_role(
        Role.CUSTOMER_SERVICE,
        run_report,
        key="test.numbers",
        values={"since": "2026-01-05"},
        progress=SilentProgress(),
    )

    assert len(result.rows) == 3
    assert not result.truncated


def test_a_role_without_the_reports_permission_is_refused(as_role: Callable[..., Any]) -> None:
    register_report(definition())

    for operation in (run_report, build_document):
        extra = {"site_name": "北京总部"} if operation is build_document else {}
        with pytest.raises(PermissionDenied):
            as_role(
                Role.RECEPTIONIST,
                operation,
                key="test.numbers",
                values={"since": "2026-01-05"},
                progress=SilentProgress(),
                **extra,
            )


def test_the_document_streams_rows_and_shows_the_parameters_that_were_set(
    as_role: Callable[..., Any],
) -> None:
    source = CountingSource(4)
    register_report(definition(source=source))

    def build_and_read(uow: UnitOfWork) -> tuple[Any, int, list[Mapping[str, object]]]:
        document = build_document(
            uow,
            key="test.numbers",
            values={"since": "2026-01-05", "channel": "online", "members_only": True},
            site_name="北京总部",
            progress=SilentProgress(),
        )
        read_before = source.read
        return document, read_before, list(document.rows)

    document, read_before, rows = as_role(Role.HQ_ADMIN, build_and_read)

    assert read_before == 0, "rows are read while the document renders, not before"
    assert len(rows) == 4
    assert document.title == Label("数字", "Numbers")
    assert document.row_count_hint == 4
    assert document.site_name == "北京总部"
    assert document.generated_at.tzinfo is not None
    assert document.parameters == (
        (Label("开始日期", "Since"), "2026-01-05"),
        (Label("渠道", "Channel"), ONLINE),
        (Label("前几名", "Top"), "10"),
        (Label("仅会员", "Members only"), YES),
    )


def test_the_catalogue_registers_every_area_once(
    empty_registry: dict[str, ReportDefinition],
) -> None:
    report_catalogue.load_all()
    report_catalogue.load_all()

    assert empty_registry[customer_reports.CUSTOMER_LIST.key] is customer_reports.CUSTOMER_LIST
    assert set(empty_registry) == {
        definition.key for reports in report_catalogue.AREA_REPORTS for definition in reports
    }
