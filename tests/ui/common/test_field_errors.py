"""Refusals in place: under the field they name, else on the form's general line."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.ui.common.field_errors import FieldErrors


def _error_lines(form: QWidget) -> list[QLabel]:
    return [label for label in form.findChildren(QLabel) if label.objectName().endswith("_error")]


def _form(qtbot) -> tuple[QWidget, FieldErrors]:  # noqa: ANN001
    form = QWidget()
    qtbot.addWidget(form)
    errors = FieldErrors()
    layout = QFormLayout(form)
    for name in ("name", "phone"):
        layout.addRow(name, errors.cell(QLineEdit(objectName=name), name))
    layout.addRow(errors.general)
    form.show()
    return form, errors


def test_a_refusal_appears_under_the_field_it_names(qtbot) -> None:  # noqa: ANN001
    form, errors = _form(qtbot)
    assert len(_error_lines(form)) == 3
    assert not any(label.isVisible() for label in _error_lines(form))

    errors.show_refusal(ValidationFailed(field="phone", rule="required"))

    phone_error = form.findChild(QLabel, "phone_error")
    assert phone_error.isVisible()
    assert "required" in phone_error.text()
    assert not form.findChild(QLabel, "name_error").isVisible()
    assert not errors.general.isVisible()


def test_a_refusal_of_no_field_of_the_form_goes_to_the_general_line(qtbot) -> None:  # noqa: ANN001
    form, errors = _form(qtbot)

    errors.show("user_id", "That login belongs to another profile.")
    errors.show(None, "Something else.")

    assert errors.general.objectName() == "general_error"
    assert errors.general.isVisible()
    assert errors.general.text() == "Something else."


def test_clearing_hides_and_empties_every_line(qtbot) -> None:  # noqa: ANN001
    form, errors = _form(qtbot)
    errors.show("name", "Too long.")
    errors.show(None, "Refused.")

    errors.clear()

    for label in _error_lines(form):
        assert not label.isVisible()
        assert label.text() == ""
