"""The list side of a list-and-form tab: picking announces a record, reloading does not."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from lorch_desk.domain.errors import PermissionDenied
from lorch_desk.ui import errors
from lorch_desk.ui.common.record_list_widget import RecordListWidget
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn


@dataclass(frozen=True, slots=True)
class _Row:
    id: uuid.UUID
    name: str


ZHANG = _Row(uuid.UUID(int=1), "张伟")
LI = _Row(uuid.UUID(int=2), "李娜")


def _list(qtbot) -> tuple[RecordListWidget, list[_Row]]:  # noqa: ANN001
    widget = RecordListWidget(DtoTableModel([TableColumn("Name", lambda row: row.name)]), "New")
    qtbot.addWidget(widget)
    widget.show()
    picked: list[_Row] = []
    widget.record_selected.connect(picked.append)
    return widget, picked


def test_picking_a_line_announces_its_record(qtbot, qtmodeltester) -> None:  # noqa: ANN001
    widget, picked = _list(qtbot)
    widget.show_records([ZHANG, LI], keep_id=None, empty_text="None yet.")

    widget.view.selectRow(1)

    assert picked == [LI]
    assert widget.selected_record() == LI
    assert not widget.empty_label.isVisible()
    qtmodeltester.check(widget.model)


def test_reloading_reselects_the_kept_record_without_announcing_it(qtbot) -> None:  # noqa: ANN001
    widget, picked = _list(qtbot)
    widget.show_records([ZHANG, LI], keep_id=None, empty_text="None yet.")

    assert widget.show_records([LI, ZHANG], keep_id=ZHANG.id, empty_text="None yet.") is True

    assert widget.selected_record() == ZHANG
    assert picked == []


def test_a_kept_record_that_has_gone_is_reported(qtbot) -> None:  # noqa: ANN001
    widget, picked = _list(qtbot)

    assert widget.show_records([LI], keep_id=ZHANG.id, empty_text="None yet.") is False
    assert widget.selected_record() is None
    assert picked == []


def test_an_empty_list_says_so_and_a_refusal_says_why(qtbot) -> None:  # noqa: ANN001
    widget, _picked = _list(qtbot)

    widget.show_records([], keep_id=None, empty_text="No staff profiles yet.")
    assert widget.empty_label.isVisible()
    assert widget.empty_label.text() == "No staff profiles yet."

    widget.show_records([ZHANG], keep_id=None, empty_text="No staff profiles yet.")
    widget.show_refusal(PermissionDenied(action="staff.view", role="pharmacist", site="BJ"))
    assert widget.model.rowCount() == 0
    assert widget.empty_label.text() == errors.message_for(
        PermissionDenied(action="staff.view", role="pharmacist", site="BJ")
    )
    assert widget.empty_label.isVisible()
