"""The Chinese translation covers every string of the code, keeps its placeholders, and is compiled.

When a test here fails after you added or changed a UI string: run
`python resources/translations/update_translations.py`, translate the new messages in
resources/translations/lorch_desk_zh_CN.ts (remove type="unfinished"), run the script again.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "resources" / "translations" / "update_translations.py"


def _load_script():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


update = _load_script()
TS_FILE = update.ts_path("zh_CN")
QM_FILE = update.qm_path("zh_CN")
PLURALS_TS_FILE = update.ts_path("en")

PLACEHOLDER = re.compile(r"%\d+|%n|\{\w+\}")
ACCELERATOR = re.compile(r"&(?=[^&\s])")
SHORTCUT_HINT = re.compile(r"\((?:Ctrl\+\w+|F\d+|Esc|Enter)\)")


def _tool(name: str) -> str:
    path = update.find_tool(name)
    if path is None:
        pytest.skip(f"pyside6-{name} not found: install PySide6-Essentials to check translations")
    return path


def _messages(ts_file: Path) -> list[tuple[str, str, ET.Element, list[str]]]:
    """(context, source, translation element, translated texts) of every message."""
    result = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                result.append((name, source, ET.Element("translation", type="unfinished"), []))
                continue
            forms = translation.findall("numerusform")
            texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
            result.append((name, source, translation, texts))
    return result


def test_every_string_in_the_code_is_translated(tmp_path: Path) -> None:
    lupdate = _tool("lupdate")
    fresh = tmp_path / TS_FILE.name
    shutil.copyfile(TS_FILE, fresh)
    update.run_lupdate(fresh, lupdate)

    messages = _messages(fresh)
    assert len(messages) > 100, "lupdate found suspiciously few strings"
    untranslated = [
        f"{context}: {source!r}"
        for context, source, translation, texts in messages
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not texts
        or not all(text.strip() for text in texts)
    ]
    assert not untranslated, (
        "Untranslated strings; run resources/translations/update_translations.py and translate "
        "them in lorch_desk_zh_CN.ts:\n" + "\n".join(untranslated)
    )


def test_translations_keep_placeholders_accelerators_and_shortcut_hints() -> None:
    wrong = []
    for context, source, _translation, texts in _messages(TS_FILE):
        for text in texts:
            if not text:
                continue
            if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
                wrong.append(f"{context}: {source!r} -> {text!r} (placeholders)")
            if ACCELERATOR.search(source) and not ACCELERATOR.search(text):
                wrong.append(f"{context}: {source!r} -> {text!r} (& accelerator)")
            if Counter(SHORTCUT_HINT.findall(source)) != Counter(SHORTCUT_HINT.findall(text)):
                wrong.append(f"{context}: {source!r} -> {text!r} (shortcut hint)")
    assert not wrong, "\n".join(wrong)


def test_numerus_messages_have_the_chinese_form() -> None:
    tree = ET.parse(TS_FILE)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") == "yes":
            forms = message.find("translation").findall("numerusform")
            assert len(forms) == 1, message.findtext("source")
            assert "%n" in (forms[0].text or ""), message.findtext("source")


def test_every_plural_of_the_code_has_its_english_forms(tmp_path: Path) -> None:
    lupdate = _tool("lupdate")
    fresh = tmp_path / PLURALS_TS_FILE.name
    shutil.copyfile(PLURALS_TS_FILE, fresh)
    update.run_lupdate(fresh, lupdate)

    messages = _messages(fresh)
    assert messages, "the code has plural messages (%n) that lupdate did not find"
    wrong = [
        f"{context}: {source!r} -> {texts!r}"
        for context, source, translation, texts in messages
        if translation.get("type") == "unfinished"
        or len(texts) != 2
        or not all("%n" in text for text in texts)
    ]
    assert not wrong, "English singular and plural forms missing in lorch_desk_en.ts:\n" + (
        "\n".join(wrong)
    )


@pytest.mark.parametrize("language", update.LANGUAGES)
def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path, language: str) -> None:
    lrelease = _tool("lrelease")
    qm_file = update.qm_path(language)
    compiled = tmp_path / qm_file.name
    update.run_lrelease(update.ts_path(language), compiled, lrelease)
    assert qm_file.is_file(), "the .qm is missing; run update_translations.py"
    up_to_date = compiled.read_bytes() == qm_file.read_bytes()
    assert up_to_date, f"{qm_file.name} is older than its .ts; run update_translations.py"


def test_the_chinese_translator_translates_and_english_restores(qapp, qtbot, tmp_path) -> None:  # noqa: ANN001
    from lorch_desk.ui import i18n
    from lorch_desk.ui.settings import UiSettings
    from lorch_desk.ui.settings_dialog import SettingsDialog

    def settings_title() -> str:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        dialog = SettingsDialog(UiSettings(settings))
        qtbot.addWidget(dialog)
        return dialog.windowTitle()

    previous_locale = QLocale()
    try:
        assert i18n.install_language("zh_CN") == "zh_CN"
        assert QCoreApplication.translate("tabs", "Customers") == "客户"
        assert QCoreApplication.translate("roles", "Receptionist") == "前台"
        assert QCoreApplication.translate("choices", "Walk-in") == "散客"
        assert settings_title() == "设置"
    finally:
        i18n.install_language("en")
        QLocale.setDefault(previous_locale)
    assert QCoreApplication.translate("tabs", "Customers") == "Customers"
    assert settings_title() == "Settings"


def test_english_counts_say_row_and_rows(qapp) -> None:  # noqa: ANN001
    from lorch_desk.ui import i18n

    previous_locale = QLocale()
    try:
        i18n.install_language("en")
        one = QCoreApplication.translate("ReportsTabWidget", "%n row(s)", "", 1)
        many = QCoreApplication.translate("ReportsTabWidget", "%n row(s)", "", 3)
    finally:
        QLocale.setDefault(previous_locale)
    assert (one, many) == ("1 row", "3 rows")
