"""The composition root keeps the database layer out of the way of the first window."""

from __future__ import annotations

import subprocess
import sys


def test_starting_the_program_loads_no_database_code_before_the_login_window() -> None:
    """The login window shows first; SQLAlchemy and the models load in a worker behind it."""
    probe = "import sys, lorch_desk.app; print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic', 'lorch_desk.models', 'lorch_desk.db'))))"
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "[]"
