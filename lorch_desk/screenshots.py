"""Renders every tab of every role's demo account to PNG (the `screenshots` command)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from lorch_desk.domain.permissions import Role
from lorch_desk.services import auth, customer_search, demo_data, node_setup


def _save(
    widget: QWidget, path: Path, app: QApplication, on_saved: Callable[[Path], None] | None
) -> Path:
    app.processEvents()
    widget.grab().save(str(path))
    if on_saved is not None:
        on_saved(path)
    return path


def capture_all(
    desktop: Any,
    directory: Path,
    app: QApplication,
    *,
    on_saved: Callable[[Path], None] | None = None,
) -> list[Path]:
    """One PNG per (role, tab), plus the login dialog and a customer page with its health file."""
    from lorch_desk.app import DEMO_ADMIN_PASSWORD, wait_for
    from lorch_desk.ui.login_dialog import LoginDialog

    node = node_setup.node_actor(desktop.identity)
    with desktop.database.unit_of_work(node, read_only=True) as uow:
        accounts = auth.list_demo_logins(uow)
    saved: list[Path] = []
    login = LoginDialog(
        desktop.tasks,
        node,
        site_name=desktop.identity.site_name,
        demo_accounts=accounts,
        demo_password=demo_data.DEMO_PASSWORD,
    )
    login.show()
    saved.append(_save(login, directory / "login.png", app, on_saved))
    login.close()
    seen_roles: set[Role] = set()
    for account in accounts:
        if account.role in seen_roles:
            continue
        seen_roles.add(account.role)
        password = DEMO_ADMIN_PASSWORD if account.username == "admin" else demo_data.DEMO_PASSWORD
        with desktop.database.unit_of_work(node) as uow:
            actor = auth.attempt_log_in(
                uow, username=account.username, password=password
            ).actor_or_raise()
            uow.session.commit()
        window = desktop.show_main_window(actor)
        wait_for(desktop.tasks)
        for key in window.tab_keys:
            window.show_tab(key)
            wait_for(desktop.tasks)
            saved.append(
                _save(window, directory / f"{account.role.value}_{key}.png", app, on_saved)
            )
        customers_tab = window.show_tab("customers")
        if customers_tab is not None:
            with desktop.database.unit_of_work(actor, read_only=True) as uow:
                rows = customer_search.search_customers(uow, query="", limit=1)
            if rows:
                customers_tab.open_customer(rows[0].id)  # type: ignore[attr-defined]
                wait_for(desktop.tasks)
                saved.append(
                    _save(
                        window, directory / f"{account.role.value}_customer_page.png", app, on_saved
                    )
                )
                page = customers_tab.page  # type: ignore[attr-defined]
                if page.health is not None:
                    page.tabs.setCurrentIndex(1)
                    wait_for(desktop.tasks)
                    saved.append(
                        _save(
                            window,
                            directory / f"{account.role.value}_health_file.png",
                            app,
                            on_saved,
                        )
                    )
        desktop.close_window()
    return saved
