"""Renders every tab of every role's demo account to PNG (the `screenshots` command)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from lorch_desk import bootstrap, config
from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.permissions import Role
from lorch_desk.models.customer import HealthRecordEntry
from lorch_desk.services import node_setup
from lorch_desk.session import DesktopSession
from lorch_desk.ui.login_dialog import LoginDialog


def _save(
    widget: QWidget, path: Path, app: QApplication, on_saved: Callable[[Path], None] | None
) -> Path:
    app.processEvents()
    widget.grab().save(str(path))
    if on_saved is not None:
        on_saved(path)
    return path


def _customer_with_health_file(database: Database, actor: Actor) -> uuid.UUID | None:
    """A demo customer whose health file has entries, so the picture shows what a file holds."""
    with database.unit_of_work(actor, read_only=True) as uow:
        return uow.session.scalars(
            select(HealthRecordEntry.customer_id).order_by(HealthRecordEntry.created_at).limit(1)
        ).first()


def capture_all(
    session: DesktopSession,
    directory: Path,
    app: QApplication,
    *,
    on_saved: Callable[[Path], None] | None = None,
) -> list[Path]:
    """One PNG per (role, tab), plus the login dialog and a customer page with its health file."""
    assert session.database is not None and session.identity is not None
    database, identity, tasks = session.database, session.identity, session.tasks
    accounts = bootstrap.demo_accounts(database, identity)
    saved: list[Path] = []
    login = LoginDialog(tasks)
    login.set_node(
        node_setup.node_actor(identity),
        site_name=identity.site_name,
        demo_accounts=accounts,
        demo_password=config.DEMO_PASSWORD,
    )
    login.show()
    saved.append(_save(login, directory / "login.png", app, on_saved))
    login.close()
    seen_roles: set[Role] = set()
    for account in accounts:
        if account.role in seen_roles:
            continue
        seen_roles.add(account.role)
        actor = bootstrap.log_in_directly(
            database, identity, account.username, config.DEMO_PASSWORD
        )
        window = session.show_main_window(actor)
        tasks.process_until_idle()
        prefix = account.role.value
        for key in window.tab_keys:
            window.show_tab(key)
            tasks.process_until_idle()
            saved.append(_save(window, directory / f"{prefix}_{key}.png", app, on_saved))
        customers_tab = window.show_tab("customers")
        customer_id = _customer_with_health_file(database, actor)
        if customers_tab is not None and customer_id is not None:
            customers_tab.open_customer(customer_id)  # type: ignore[attr-defined]
            tasks.process_until_idle()
            saved.append(_save(window, directory / f"{prefix}_customer_page.png", app, on_saved))
            page = customers_tab.page  # type: ignore[attr-defined]
            if page.health is not None:
                page.tabs.setCurrentIndex(1)
                tasks.process_until_idle()
                saved.append(_save(window, directory / f"{prefix}_health_file.png", app, on_saved))
        session.close_window()
    return saved
