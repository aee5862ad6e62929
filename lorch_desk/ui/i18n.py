"""Chinese by default, English complete: Qt translators for our strings and Qt's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lorch_desk.resources_path import resource_path

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []


def install_language(language: str) -> str:
    """Load the translators for `language` ("zh_CN" or "en") into the application."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    ours = QTranslator()
    # English is the source language; its file holds only the plural forms ("1 row", "2 rows").
    if ours.load(str(resource_path("translations", f"lorch_desk_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return language
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_own = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return language
