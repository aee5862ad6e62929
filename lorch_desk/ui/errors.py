"""DomainError code -> translated text, shown in place; unexpected errors -> log + apology."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from lorch_desk.domain.errors import DomainError, ValidationFailed

log = logging.getLogger(__name__)
_CONTEXT = "errors"

# Labels of the fields a ValidationFailed can name.
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("errors", "Name"),
    "gender": QT_TRANSLATE_NOOP("errors", "Gender"),
    "birthday": QT_TRANSLATE_NOOP("errors", "Birthday"),
    "mobile": QT_TRANSLATE_NOOP("errors", "Mobile"),
    "phone": QT_TRANSLATE_NOOP("errors", "Phone"),
    "email": QT_TRANSLATE_NOOP("errors", "E-mail"),
    "wechat": QT_TRANSLATE_NOOP("errors", "WeChat"),
    "address": QT_TRANSLATE_NOOP("errors", "Address"),
    "region": QT_TRANSLATE_NOOP("errors", "Region"),
    "id_number": QT_TRANSLATE_NOOP("errors", "ID number"),
    "occupation": QT_TRANSLATE_NOOP("errors", "Occupation"),
    "income_level": QT_TRANSLATE_NOOP("errors", "Income level"),
    "member_type": QT_TRANSLATE_NOOP("errors", "Member type"),
    "channel": QT_TRANSLATE_NOOP("errors", "Channel"),
    "developer_name": QT_TRANSLATE_NOOP("errors", "Developer"),
    "referrer_name": QT_TRANSLATE_NOOP("errors", "Referrer"),
    "sms_consent": QT_TRANSLATE_NOOP("errors", "SMS consent"),
    "notes": QT_TRANSLATE_NOOP("errors", "Notes"),
    "card_number": QT_TRANSLATE_NOOP("errors", "Card number"),
    "content": QT_TRANSLATE_NOOP("errors", "Content"),
    "username": QT_TRANSLATE_NOOP("errors", "User name"),
    "display_name": QT_TRANSLATE_NOOP("errors", "Display name"),
    "password": QT_TRANSLATE_NOOP("errors", "Password"),
    "site_code": QT_TRANSLATE_NOOP("errors", "Site code"),
    "site_name": QT_TRANSLATE_NOOP("errors", "Site name"),
    "position": QT_TRANSLATE_NOOP("errors", "Position"),
    "years_of_practice": QT_TRANSLATE_NOOP("errors", "Years of practice"),
    "file": QT_TRANSLATE_NOOP("errors", "File"),
    "head": QT_TRANSLATE_NOOP("errors", "Head"),
    "signed_on": QT_TRANSLATE_NOOP("errors", "Signing date"),
    "fields": QT_TRANSLATE_NOOP("errors", "Required fields"),
    "date_from": QT_TRANSLATE_NOOP("errors", "From"),
    "date_to": QT_TRANSLATE_NOOP("errors", "To"),
    "service_area": QT_TRANSLATE_NOOP("errors", "Service area"),
    "specialities": QT_TRANSLATE_NOOP("errors", "Specialities"),
    "user_id": QT_TRANSLATE_NOOP("errors", "Login"),
    "introduction": QT_TRANSLATE_NOOP("errors", "Introduction"),
    "training_history": QT_TRANSLATE_NOOP("errors", "Training history"),
    "success_cases": QT_TRANSLATE_NOOP("errors", "Success cases"),
    "cooperation_mode": QT_TRANSLATE_NOOP("errors", "Cooperation mode"),
    "cooperation_project": QT_TRANSLATE_NOOP("errors", "Cooperation project"),
    "department": QT_TRANSLATE_NOOP("errors", "Department"),
    "city": QT_TRANSLATE_NOOP("errors", "City"),
}

# What a validation rule says; {field} is the field's label, other names come from params.
RULE_MESSAGES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("errors", "{field} is required."),
    "mobile": QT_TRANSLATE_NOOP(
        "errors",
        "{field} must be a Chinese mobile number: 11 digits starting with 1, e.g. 13800138000.",
    ),
    "id_number": QT_TRANSLATE_NOOP(
        "errors", "{field} must be an 18-character resident ID number with a valid check digit."
    ),
    "id_birthday_mismatch": QT_TRANSLATE_NOOP(
        "errors", "The birthday does not match the birthday in the ID number."
    ),
    "email": QT_TRANSLATE_NOOP(
        "errors", "{field} must be an e-mail address such as name@example.com."
    ),
    "too_long": QT_TRANSLATE_NOOP("errors", "{field} may have at most {maximum} characters."),
    "birthday_future": QT_TRANSLATE_NOOP("errors", "{field} must lie between 1900 and today."),
    "card_taken": QT_TRANSLATE_NOOP(
        "errors", "This card number already belongs to another customer."
    ),
    "invalid_characters": QT_TRANSLATE_NOOP(
        "errors", "{field} contains characters that are not allowed."
    ),
    "choice": QT_TRANSLATE_NOOP("errors", "{field} must be one of the listed values."),
    "password_length": QT_TRANSLATE_NOOP(
        "errors", "The password must have at least {minimum} characters."
    ),
    "password_mix": QT_TRANSLATE_NOOP(
        "errors", "The password must contain both letters and digits."
    ),
    "username": QT_TRANSLATE_NOOP(
        "errors",
        "The user name must be 2 to 40 lowercase letters, digits, dots, dashes or underscores, "
        "starting with a letter.",
    ),
    "taken": QT_TRANSLATE_NOOP("errors", "{field} is already taken."),
    "site_code": QT_TRANSLATE_NOOP(
        "errors", "The site code must be 2 to 6 capital letters, e.g. BJ."
    ),
    "date": QT_TRANSLATE_NOOP("errors", "{field} must be a date such as 2026-11-23."),
    "integer": QT_TRANSLATE_NOOP("errors", "{field} must be a whole number."),
    "range": QT_TRANSLATE_NOOP("errors", "{field} must be between {minimum} and {maximum}."),
    "file_type": QT_TRANSLATE_NOOP("errors", "This kind of file is not accepted here."),
    "file_too_large": QT_TRANSLATE_NOOP(
        "errors", "The file is too large (at most {maximum_mb} MB)."
    ),
    "unknown_field": QT_TRANSLATE_NOOP("errors", "{field} names a field that does not exist."),
    "date_range": QT_TRANSLATE_NOOP("errors", "{field} must not lie before the start date."),
    "boolean": QT_TRANSLATE_NOOP("errors", "{field} must be yes or no."),
    "invalid_choice": QT_TRANSLATE_NOOP("errors", "{field} must be one of the listed values."),
    "unknown": QT_TRANSLATE_NOOP("errors", "{field} is not a filter of this report."),
}

# What every other domain error says.
CODE_MESSAGES: dict[str, str] = {
    "permission_denied": QT_TRANSLATE_NOOP("errors", "Your role is not allowed to do this."),
    "not_found": QT_TRANSLATE_NOOP("errors", "The record no longer exists."),
    "login_failed": QT_TRANSLATE_NOOP(
        "errors",
        "Wrong user name or password. {tries_left} tries left before the account is locked.",
    ),
    "account_locked": QT_TRANSLATE_NOOP(
        "errors", "Too many wrong passwords: this account is locked for {minutes} minutes."
    ),
    "ledger_append_only": QT_TRANSLATE_NOOP(
        "errors", "Saved history cannot be changed; add a correcting entry instead."
    ),
    "physical_delete_refused": QT_TRANSLATE_NOOP("errors", "Saved records cannot be deleted."),
    "bulk_write_refused": QT_TRANSLATE_NOOP("errors", "This change is not allowed."),
    "already_initialised": QT_TRANSLATE_NOOP("errors", "This database has already been set up."),
    "not_initialised": QT_TRANSLATE_NOOP("errors", "This database has not been set up yet."),
    "merge_refused": QT_TRANSLATE_NOOP("errors", "These two customers cannot be merged."),
    "duplicates_found": QT_TRANSLATE_NOOP(
        "errors", "A customer with the same details already exists."
    ),
    "stale_record": QT_TRANSLATE_NOOP(
        "errors", "Someone else changed this record meanwhile. Reopen it and try again."
    ),
    "no_cjk_font": QT_TRANSLATE_NOOP(
        "errors",
        "No Chinese font was found for printing. Install Microsoft YaHei (Windows) or "
        "fonts-wqy-microhei (Linux).",
    ),
    "backup_not_possible": QT_TRANSLATE_NOOP("errors", "The backup could not be made: {path}"),
    "cancelled": QT_TRANSLATE_NOOP("errors", "Cancelled."),
}


UNKNOWN_RULE = QT_TRANSLATE_NOOP("errors", "{field}: this value is not allowed.")
UNKNOWN_CODE = QT_TRANSLATE_NOOP("errors", "The action was refused ({code}).")
NOT_POSSIBLE = QT_TRANSLATE_NOOP("errors", "Not possible")
ERROR_TITLE = QT_TRANSLATE_NOOP("errors", "Error")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def field_label(field: str | None) -> str:
    """The translated label of a field name, or the name itself."""
    if not field:
        return ""
    return _tr(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def message_for(error: DomainError) -> str:
    """The translated sentence that tells the user what is wrong and what is allowed."""
    params = {key: value for key, value in error.params.items()}
    params["field"] = field_label(error.field)
    if isinstance(error, ValidationFailed):
        rule = str(error.params.get("rule", "required"))
        template = RULE_MESSAGES.get(rule)
        if template is None:
            return _tr(UNKNOWN_RULE).format(field=params["field"])
    else:
        template = CODE_MESSAGES.get(error.code)
        if template is None:
            return _tr(UNKNOWN_CODE).format(code=error.code)
    try:
        return _tr(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return _tr(template)


UNEXPECTED = QT_TRANSLATE_NOOP(
    "errors",
    "Something went wrong and nothing was saved. The details were written to the log file: {path}",
)


def show_error(parent: QWidget | None, error: Exception) -> QMessageBox:
    """A message box for a refusal or an unexpected failure (never a traceback); never blocks."""
    if isinstance(error, DomainError):
        box = QMessageBox(
            QMessageBox.Icon.Warning, _tr(NOT_POSSIBLE), message_for(error), parent=parent
        )
    else:
        from lorch_desk.config import log_file

        log.error("unexpected error shown to the user: %r", error)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            _tr(ERROR_TITLE),
            _tr(UNEXPECTED).format(path=log_file()),
            parent=parent,
        )
    box.setObjectName("error_message")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
