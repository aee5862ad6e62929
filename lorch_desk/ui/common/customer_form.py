"""The customer's basic data as a keyboard-first form; errors appear next to the field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from lorch_desk.domain.customers import Gender, MemberType
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.services.customers import CustomerDetail, CustomerInput
from lorch_desk.ui import errors
from lorch_desk.ui.common.choice_labels import (
    CHANNELS,
    GENDERS,
    INCOME_LEVELS,
    MEMBER_TYPES,
    choice_label,
)

_ERROR_STYLE = "border: 2px solid #d9363e; border-radius: 3px;"
_TEXT_FIELDS = (
    "name",
    "mobile",
    "id_number",
    "card_number",
    "phone",
    "email",
    "wechat",
    "region",
    "address",
    "occupation",
    "developer_name",
    "referrer_name",
)


class CustomerFormWidget(QWidget):
    """Every field of a customer; `data()` gathers them, `show_error()` marks the culprit."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inputs: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._label_texts: dict[str, str] = {}
        self._build()

    def _build(self) -> None:
        texts = {
            "name": self.tr("Name"),
            "gender": self.tr("Gender"),
            "mobile": self.tr("Mobile"),
            "id_number": self.tr("ID number"),
            "birthday": self.tr("Birthday"),
            "card_number": self.tr("Card number"),
            "member_type": self.tr("Member type"),
            "channel": self.tr("Channel"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "wechat": self.tr("WeChat"),
            "region": self.tr("Region"),
            "address": self.tr("Address"),
            "occupation": self.tr("Occupation"),
            "income_level": self.tr("Income level"),
            "developer_name": self.tr("Developer"),
            "referrer_name": self.tr("Referrer"),
            "sms_consent": self.tr("SMS consent"),
            "notes": self.tr("Notes"),
        }
        self._label_texts = texts
        for field in _TEXT_FIELDS:
            line = QLineEdit(self)
            line.setObjectName(f"field_{field}")
            line.textEdited.connect(self.edited)
            self._inputs[field] = line
        birthday = QLineEdit(self)
        birthday.setObjectName("field_birthday")
        birthday.setPlaceholderText(self.tr("YYYY-MM-DD"))
        birthday.textEdited.connect(self.edited)
        self._inputs["birthday"] = birthday
        self._name().setPlaceholderText(self.tr("Surname and given name"))
        self._line("mobile").setPlaceholderText("13800138000")
        self._line("id_number").setPlaceholderText(
            self.tr("18 characters; fills birthday and gender")
        )
        self._inputs["gender"] = self._combo("gender", GENDERS, with_empty=False)
        self._inputs["member_type"] = self._combo("member_type", MEMBER_TYPES, with_empty=False)
        self._inputs["channel"] = self._combo("channel", CHANNELS, with_empty=True)
        self._inputs["income_level"] = self._combo("income_level", INCOME_LEVELS, with_empty=True)
        consent = QCheckBox(self.tr("Agrees to receive SMS"), self)
        consent.setObjectName("field_sms_consent")
        consent.toggled.connect(self.edited)
        self._inputs["sms_consent"] = consent
        notes = QPlainTextEdit(self)
        notes.setObjectName("field_notes")
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(70)
        notes.textChanged.connect(self.edited)
        self._inputs["notes"] = notes

        grid = QGridLayout(self)
        left, right = QFormLayout(), QFormLayout()
        left_fields = (
            "name",
            "gender",
            "mobile",
            "id_number",
            "birthday",
            "card_number",
            "member_type",
            "channel",
        )
        right_fields = (
            "phone",
            "email",
            "wechat",
            "region",
            "address",
            "occupation",
            "income_level",
            "developer_name",
            "referrer_name",
        )
        for layout, fields in ((left, left_fields), (right, right_fields)):
            for field in fields:
                label = QLabel(texts[field], self)
                label.setBuddy(self._inputs[field])
                self._labels[field] = label
                layout.addRow(label, self._inputs[field])
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        bottom = QFormLayout()
        for field in ("sms_consent", "notes"):
            label = QLabel(texts[field], self)
            self._labels[field] = label
            bottom.addRow(label, self._inputs[field])
        grid.addLayout(bottom, 1, 0, 1, 2)
        self._error = QLabel(self)
        self._error.setObjectName("form_error")
        self._error.setStyleSheet("color: #d9363e; font-weight: bold;")
        self._error.setWordWrap(True)
        self._error.hide()
        grid.addWidget(self._error, 2, 0, 1, 2)
        grid.setRowStretch(3, 1)  # spare height goes below the form, not between its rows
        order = [*left_fields, *right_fields, "sms_consent", "notes"]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(self._inputs[first], self._inputs[second])

    def _combo(self, field: str, table: dict, *, with_empty: bool) -> QComboBox:  # type: ignore[type-arg]
        combo = QComboBox(self)
        combo.setObjectName(f"field_{field}")
        if with_empty:
            combo.addItem("", "")
        for value in table:
            combo.addItem(choice_label(table, value), str(value))
        combo.currentIndexChanged.connect(self.edited)
        return combo

    def _line(self, field: str) -> QLineEdit:
        widget = self._inputs[field]
        assert isinstance(widget, QLineEdit)
        return widget

    def _name(self) -> QLineEdit:
        return self._line("name")

    def field_widget(self, field: str) -> QWidget:
        """The input of a field (tests and focus handling)."""
        return self._inputs[field]

    # Filling and reading
    def mark_required(self, fields: frozenset[str]) -> None:
        """Put a star on the labels of the fields this department must fill."""
        for field, label in self._labels.items():
            text = self._label_texts[field]
            label.setText(f"{text} *" if field in fields else text)

    def clear(self) -> None:
        for field in _TEXT_FIELDS + ("birthday",):
            self._line(field).clear()
        self._set_combo("gender", Gender.FEMALE)
        self._set_combo("member_type", MemberType.ORDINARY)
        self._set_combo("channel", "")
        self._set_combo("income_level", "")
        self._checkbox().setChecked(False)
        self._notes().setPlainText("")
        self.clear_error()

    def load(self, detail: CustomerDetail) -> None:
        """Show a saved customer; masked numbers stay masked and are sent back unchanged."""
        self.clear()
        for field in _TEXT_FIELDS:
            self._line(field).setText(str(getattr(detail, field) or ""))
        self._line("birthday").setText(detail.birthday.isoformat() if detail.birthday else "")
        self._set_combo("gender", detail.gender)
        self._set_combo("member_type", detail.member_type)
        self._set_combo("channel", detail.channel)
        self._set_combo("income_level", detail.income_level)
        self._checkbox().setChecked(detail.sms_consent)
        self._notes().setPlainText(detail.notes)
        for field in ("mobile", "id_number"):
            self._line(field).setReadOnly(detail.contact_masked)

    def show_contact(self, mobile: str, id_number: str) -> None:
        """Replace masked numbers by the revealed ones."""
        self._line("mobile").setText(mobile)
        self._line("id_number").setText(id_number)

    def data(self) -> CustomerInput:
        """What the user typed, as the service's input; a malformed date is refused here."""
        birthday_text = self._line("birthday").text().strip()
        birthday = None
        if birthday_text:
            try:
                birthday = date.fromisoformat(birthday_text)
            except ValueError:
                raise ValidationFailed(field="birthday", rule="date") from None
        return CustomerInput(
            name=self._name().text().strip(),
            gender=self._combo_value("gender"),
            birthday=birthday,
            mobile=self._line("mobile").text().strip(),
            phone=self._line("phone").text().strip(),
            email=self._line("email").text().strip(),
            wechat=self._line("wechat").text().strip(),
            address=self._line("address").text().strip(),
            region=self._line("region").text().strip(),
            id_number=self._line("id_number").text().strip(),
            occupation=self._line("occupation").text().strip(),
            income_level=self._combo_value("income_level"),
            member_type=self._combo_value("member_type"),
            channel=self._combo_value("channel"),
            developer_name=self._line("developer_name").text().strip(),
            referrer_name=self._line("referrer_name").text().strip(),
            sms_consent=self._checkbox().isChecked(),
            notes=self._notes().toPlainText().strip(),
            card_number=self._line("card_number").text().strip(),
        )

    # Errors in place
    def show_error(self, error: ValidationFailed) -> None:
        """Mark the field the service refused and say what is allowed; keep what was typed."""
        self.clear_error()
        self._error.setText("⚠ " + errors.message_for(error))
        self._error.show()
        widget = self._inputs.get(error.field or "")
        if widget is not None:
            widget.setStyleSheet(_ERROR_STYLE)
            widget.setFocus()

    def error_text(self) -> str:
        return self._error.text()

    def clear_error(self) -> None:
        self._error.clear()
        self._error.hide()
        for widget in self._inputs.values():
            widget.setStyleSheet("")

    def focus_first(self) -> None:
        self._name().setFocus()

    # Small accessors
    def _set_combo(self, field: str, value: str) -> None:
        combo = self._inputs[field]
        assert isinstance(combo, QComboBox)
        index = combo.findData(str(value))
        combo.setCurrentIndex(max(index, 0))

    def _combo_value(self, field: str) -> str:
        combo = self._inputs[field]
        assert isinstance(combo, QComboBox)
        return str(combo.currentData() or "")

    def _checkbox(self) -> QCheckBox:
        widget = self._inputs["sms_consent"]
        assert isinstance(widget, QCheckBox)
        return widget

    def _notes(self) -> QPlainTextEdit:
        widget = self._inputs["notes"]
        assert isinstance(widget, QPlainTextEdit)
        return widget
