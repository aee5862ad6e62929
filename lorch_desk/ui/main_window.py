"""The main window: the role's tabs, menus, status bar and the global shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from lorch_desk.domain.permissions import Action
from lorch_desk.ui.common.role_names import role_label
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.registry import tabs_for
from lorch_desk.ui.sync_status_widget import SyncStatusWidget


class MainWindow(QMainWindow):
    """Knows no workflow: it shows the registry's tabs and forwards menu requests to the app."""

    backup_requested = Signal()
    restore_requested = Signal()
    settings_requested = Signal()
    lock_requested = Signal()
    log_out_requested = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(f"Lorch Desk — {context.site_name}")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("role_tabs")
        self.tab_keys: list[str] = []
        for tab in tabs_for(context.actor):
            self.tabs.addTab(tab.create(context), QCoreApplication.translate("tabs", tab.title))
            self.tab_keys.append(tab.key)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._build_status_bar()
        for sequence, slot in (
            (QKeySequence(QKeySequence.StandardKey.Find), self.focus_search),
            (QKeySequence("F2"), self.focus_search),
            (QKeySequence(QKeySequence.StandardKey.New), self.new_customer),
            (QKeySequence("Esc"), self.go_back),
        ):
            QShortcut(sequence, self, activated=slot)
        self.resize(1280, 800)

    # Global shortcuts: F2 search, Ctrl+N new customer, Esc back
    def focus_search(self) -> None:
        widget = self._tab("customers")
        if widget is not None:
            self.tabs.setCurrentWidget(widget)
            widget.focus_search()  # type: ignore[attr-defined]

    def new_customer(self) -> None:
        widget = self._tab("customers")
        if widget is not None and self.context.actor.may(Action.CUSTOMER_CREATE):
            self.tabs.setCurrentWidget(widget)
            widget.new_customer()  # type: ignore[attr-defined]

    def go_back(self) -> None:
        current = self.tabs.currentWidget()
        if hasattr(current, "go_back"):
            current.go_back()

    def show_tab(self, key: str) -> QWidget | None:
        """Bring the tab `key` to the front (screenshots and tests)."""
        widget = self._tab(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)
        return widget

    def _tab(self, key: str) -> QWidget | None:
        if key not in self.tab_keys:
            return None
        return self.tabs.widget(self.tab_keys.index(key))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        actor = self.context.actor
        if actor.may(Action.BACKUP_RUN):
            self._add_action(file_menu, self.tr("&Back up now…"), self.backup_requested)
            self._add_action(file_menu, self.tr("&Restore from a backup…"), self.restore_requested)
            file_menu.addSeparator()
        self._add_action(file_menu, self.tr("&Settings…"), self.settings_requested)
        file_menu.addSeparator()
        self._add_action(file_menu, self.tr("&Lock screen"), self.lock_requested, "Ctrl+L")
        self._add_action(file_menu, self.tr("Log &out"), self.log_out_requested)
        quit_action = self._add_action(file_menu, self.tr("&Quit"), None, "Ctrl+Q")
        quit_action.triggered.connect(self.close)

    def _add_action(self, menu, text: str, signal, shortcut: str = "") -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if signal is not None:
            action.triggered.connect(signal)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        actor = self.context.actor
        user = QLabel(f"{actor.display_name} · {role_label(actor.role)}", self)
        user.setObjectName("status_user")
        site = QLabel(self.context.site_name, self)
        site.setObjectName("status_site")
        database = QLabel(self.context.database_label, self)
        database.setObjectName("status_database")
        self.busy = QLabel(self)
        self.busy.setObjectName("status_busy")
        bar = self.statusBar()
        bar.addWidget(user)
        bar.addWidget(site)
        self.sync_status = SyncStatusWidget(self.context, self)
        bar.addPermanentWidget(self.sync_status)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(database)
        self.context.tasks.busy_changed.connect(self._on_tasks_busy_changed)

    def _on_tasks_busy_changed(self, busy: bool) -> None:
        self.busy.setText(self.tr("Working…") if busy else "")
