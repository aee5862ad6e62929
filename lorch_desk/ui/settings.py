"""Per-PC preferences kept in QSettings: language, database URL, idle lock, last user."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from lorch_desk.config import APP_AUTHOR, APP_NAME

DEFAULT_IDLE_LOCK_MINUTES = 10


class UiSettings:
    """Typed access to this PC's preferences."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(APP_AUTHOR, APP_NAME)

    @property
    def language(self) -> str:
        return str(self._settings.value("language", "zh_CN"))

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("language", value)

    @property
    def database_url(self) -> str:
        return str(self._settings.value("database_url", ""))

    @database_url.setter
    def database_url(self, value: str) -> None:
        self._settings.setValue("database_url", value.strip())

    @property
    def idle_lock_minutes(self) -> int:
        """Minutes without input before the screen locks; 0 turns the lock off."""
        try:
            return max(0, int(self._settings.value("idle_lock_minutes", DEFAULT_IDLE_LOCK_MINUTES)))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_LOCK_MINUTES

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        self._settings.setValue("idle_lock_minutes", int(value))

    @property
    def last_username(self) -> str:
        return str(self._settings.value("last_username", ""))

    @last_username.setter
    def last_username(self, value: str) -> None:
        self._settings.setValue("last_username", value)

    def sync(self) -> None:
        self._settings.sync()
