"""Greetings page: HQ words a template, the desk greets this week's birthdays and markets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.greeting_templates import GreetingPurpose
from lorch_desk.domain.lunar_birthdays import birthday_between
from lorch_desk.domain.permissions import Role
from lorch_desk.services import customers, messages
from lorch_desk.services.customers import CustomerInput
from lorch_desk.services.greeting_birthdays import get_birthday_calendar, set_lunar_birthday
from lorch_desk.services.message_templates import SaveTemplateInput, list_templates, save_template
from lorch_desk.ui.roles.customer_service.customer_service_tab import CustomerServiceTabWidget
from lorch_desk.ui.roles.customer_service.greetings_page import GreetingsPageWidget
from lorch_desk.ui.roles.customer_service.lunar_birthday_box import LunarBirthdayBoxWidget
from tests.ui.conftest import open_tab, type_text, wait_idle


def _solar_birthday_today() -> date:
    today = clinic_today()
    return date(1984, today.month, today.day)  # 1984 is a leap year: 29 February exists


def _lunar_birthday_this_week() -> date:
    """A birth date whose lunar birthday falls in the coming week (and its solar one does not)."""
    today = clinic_today()
    for offset in range(366 * 10):
        born = date(1980, 1, 1) + timedelta(days=offset)
        on = birthday_between(born, today, today + timedelta(days=6), lunar=True)
        solar = birthday_between(born, today, today + timedelta(days=6), lunar=False)
        if on is not None and solar is None:
            return born
    raise AssertionError("no lunar birthday found")


def _register(run, actor, name: str, gender: str, birthday: date, mobile: str, consent: bool):  # noqa: ANN001, ANN202, PLR0913
    data = CustomerInput(
        name=name,
        gender=gender,
        birthday=birthday,
        mobile=mobile,
        sms_consent=consent,
        channel="walk_in",
    )
    return run(actor, customers.register_customer, data=data)


@pytest.fixture()
def desk(run, actor_for):  # noqa: ANN001, ANN201
    """Two birthdays this week (one lunar), one consented customer, and HQ's templates."""
    hq, service = actor_for(Role.HQ_ADMIN), actor_for(Role.CUSTOMER_SERVICE)
    _register(run, service, "王芳", "female", _solar_birthday_today(), "13800138001", True)
    lunar = _register(
        run, service, "李强", "male", _lunar_birthday_this_week(), "13800138002", False
    )
    run(service, set_lunar_birthday, customer_id=lunar.id, celebrates=True)
    for purpose, title, body in (
        (GreetingPurpose.BIRTHDAY, "生日祝福", "尊敬的{name}{title},{centre}祝您生日快乐!"),
        (GreetingPurpose.MARKETING, "冬季活动", "{name}{title}:{date}起{item}八折。"),
        (GreetingPurpose.HOLIDAY, "节日问候", "{name}{title}:{centre}祝您{holiday}快乐!"),
    ):
        run(hq, save_template, data=SaveTemplateInput(purpose=purpose, title=title, body=body))
    return service


def _counted(source: str, count: int) -> str:
    """The composer's text for `count`, as whichever translator is installed words it."""
    return QCoreApplication.translate("GreetingComposerWidget", source, "", count)


def _answer_yes(monkeypatch) -> list[str]:  # noqa: ANN001
    questions: list[str] = []

    def answer(_parent, _title, text, *_rest):  # noqa: ANN001, ANN202
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return questions


def test_the_desk_greets_this_weeks_birthdays_solar_and_lunar(
    qtbot, ui_context, run, desk, monkeypatch
) -> None:  # noqa: ANN001
    context = ui_context(Role.CUSTOMER_SERVICE)
    tab = open_tab(qtbot, CustomerServiceTabWidget, context)
    [page] = tab.findChildren(GreetingsPageWidget)
    tab.pages.setCurrentWidget(page)
    assert not hasattr(page, "template_editor")  # wording templates is headquarters' work
    shown = {
        page.birthday_model.row_at(n).name: page.birthday_model.data(
            page.birthday_model.index(n, 2)
        )
        for n in range(page.birthday_model.rowCount())
    }
    assert shown["王芳"] == "Solar"
    assert shown["李强"].startswith("Lunar ") and "月" in shown["李强"]

    qtbot.mouseClick(page.birthday_composer.preview_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert (
        "尊敬的王芳女士,北京总部祝您生日快乐!" in page.birthday_composer.preview_text.toPlainText()
    )
    assert "尊敬的李强先生" in page.birthday_composer.preview_text.toPlainText()
    assert page.birthday_composer.status_label.text() == _counted("%n message(s) to queue.", 2)

    questions = _answer_yes(monkeypatch)
    qtbot.mouseClick(page.birthday_composer.queue_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)
    assert questions == [_counted("Queue %n message(s) to the outbox?", 2)]
    assert page.birthday_composer.status_label.text() == _counted(
        "%n message(s) queued to the outbox.", 2
    )
    outbox = run(desk, messages.list_messages)
    assert sorted(m.recipient_name for m in outbox) == ["李强", "王芳"]
    assert {m.kind.value for m in outbox} == {"birthday_greeting"}
    greeted = page.birthday_model.columnCount() - 1
    assert all(
        page.birthday_model.data(page.birthday_model.index(n, greeted)) == "Yes"
        for n in range(page.birthday_model.rowCount())
    )


def test_marketing_reaches_only_the_consented_customer(
    qtbot, ui_context, run, desk, monkeypatch
) -> None:  # noqa: ANN001
    context = ui_context(Role.CUSTOMER_SERVICE)
    page = open_tab(qtbot, GreetingsPageWidget, context)
    page.setCurrentIndex(2)
    composer = page.marketing_composer
    qtbot.mouseClick(composer.preview_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert composer.status_label.text() == "Item is required."
    page.item_edit.setFocus()
    type_text(page.item_edit, "冬季养生套餐")
    qtbot.mouseClick(composer.preview_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert composer.status_label.text() == (
        _counted("%n message(s) to queue.", 1)
        + " "
        + _counted("%n left out: no consent to marketing messages.", 1)
    )
    _answer_yes(monkeypatch)
    qtbot.mouseClick(composer.queue_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    [message] = run(desk, messages.list_messages)
    assert message.recipient_name == "王芳" and "冬季养生套餐八折" in message.body


def test_the_desk_greets_everyone_for_the_next_holiday(
    qtbot, ui_context, run, desk, monkeypatch
) -> None:  # noqa: ANN001
    context = ui_context(Role.CUSTOMER_SERVICE)
    page = open_tab(qtbot, GreetingsPageWidget, context)
    page.setCurrentIndex(1)
    holiday = page.holiday_view.selected_row()
    assert holiday is not None and holiday.on >= clinic_today()
    composer = page.holiday_composer
    qtbot.mouseClick(composer.preview_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert composer.status_label.text() == _counted("%n message(s) to queue.", 2)
    assert f"王芳女士:北京总部祝您{holiday.name}快乐!" in composer.preview_text.toPlainText()
    _answer_yes(monkeypatch)
    qtbot.mouseClick(composer.queue_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    outbox = run(desk, messages.list_messages)
    assert sorted(m.recipient_name for m in outbox) == ["李强", "王芳"]
    assert {m.kind.value for m in outbox} == {"holiday_greeting"}


def test_headquarters_words_a_template_and_is_told_of_unknown_placeholders(
    qtbot, ui_context, run, desk
) -> None:  # noqa: ANN001
    context = ui_context(Role.HQ_ADMIN)
    page = open_tab(qtbot, GreetingsPageWidget, context)
    editor = page.template_editor
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.purpose_combo.setCurrentIndex(editor.purpose_combo.findData(GreetingPurpose.HOLIDAY))
    assert editor.placeholders_label.text() == (
        "Placeholders: {name}, {title}, {date}, {centre}, {holiday}"
    )
    type_text(editor.title_edit, "春节问候")
    editor.body_edit.setFocus()
    type_text(editor.body_edit, "{name}{title}, {greeting}")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert "{greeting}" in editor.preview_label.text()
    assert "{holiday}" in editor.preview_label.text()
    holiday_titles = [t.title for t in run(desk, list_templates, purpose=GreetingPurpose.HOLIDAY)]
    assert holiday_titles == ["节日问候"]  # nothing saved

    editor.body_edit.clear()
    type_text(editor.body_edit, "{name}{title}:{centre}祝您{holiday}快乐!")
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert editor.preview_label.text() == "王芳女士:北京总部祝您春节快乐!"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)
    stored = {t.title: t.body for t in run(desk, list_templates, purpose=GreetingPurpose.HOLIDAY)}
    assert stored["春节问候"] == "{name}{title}:{centre}祝您{holiday}快乐!"
    assert "春节问候" in [editor.model.row_at(n).title for n in range(editor.model.rowCount())]


def test_the_desk_marks_a_lunar_birthday(qtbot, ui_context, run, desk) -> None:  # noqa: ANN001
    context = ui_context(Role.CUSTOMER_SERVICE)
    page = open_tab(qtbot, GreetingsPageWidget, context)
    [box] = page.findChildren(LunarBirthdayBoxWidget)
    type_text(box.picker.query, "13800138001")
    box.picker.search_now()
    wait_idle(qtbot, context.tasks)
    [row] = [box.picker.results.item(n).data(Qt.ItemDataRole.UserRole) for n in range(1)]
    box.picker.query.setFocus()
    qtbot.keyClick(box.picker.query, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    assert box.customer_label.text().startswith("王芳, born ")
    assert not box.lunar_box.isChecked()
    box.lunar_box.setChecked(True)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert run(desk, get_birthday_calendar, customer_id=row.id).celebrates_lunar_birthday
