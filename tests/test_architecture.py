"""The dependency rule of DESIGN.md, as the import-linter contracts of pyproject.toml."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Runs import-linter in a child process: its graph builder looks the package up by name, so a
# copy of the tree must not be shadowed by the lorch_desk this test process already imported.
_LINT = (
    "import sys\n"
    "from importlinter.cli import lint_imports\n"
    "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))\n"
)

CONTRACTS = (
    "Layers: app -> ui -> documents | sync -> services -> db -> models -> domain",
    "No Qt below the ui package",
    "The ui sees services and DTOs, never the ORM",
    "Documents see DTOs, never the ORM",
    "Role tabs do not import each other",
)


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    # A wide console, so no contract name or import chain is wrapped in the report.
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "250"}
    return subprocess.run(
        [sys.executable, "-c", _LINT],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _verdicts(output: str) -> dict[str, str]:
    """Contract name -> KEPT or BROKEN, read from import-linter's report."""
    found = re.findall(r"^(.+?) (KEPT|BROKEN)\b", output, flags=re.MULTILINE)
    return {name.strip(): verdict for name, verdict in found}


def test_every_import_contract_is_kept() -> None:
    result = _lint(ROOT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert _verdicts(output) == dict.fromkeys(CONTRACTS, "KEPT"), output


def _write(root: Path, module: str, source: str) -> None:
    path = root / Path(*module.split("."))
    path.mkdir(parents=True, exist_ok=True)
    init = path / "__init__.py"
    init.write_text(init.read_text() + source if init.exists() else source)


@pytest.fixture()
def broken_tree(tmp_path: Path) -> Path:
    """A copy of the package where each contract is broken once, and the registry is allowed."""
    shutil.copytree(
        ROOT / "lorch_desk",
        tmp_path / "lorch_desk",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    _write(tmp_path, "lorch_desk.domain.qt_leak", "import PySide6\n")
    _write(tmp_path, "lorch_desk.ui.orm_leak", "import sqlalchemy\n")
    _write(tmp_path, "lorch_desk.documents.orm_leak", "import lorch_desk.models.customer\n")
    _write(tmp_path, "lorch_desk.models.upward", "import lorch_desk.services.auth\n")
    _write(tmp_path, "lorch_desk.ui.roles.alpha_tab", "import lorch_desk.ui.roles.beta_tab\n")
    _write(tmp_path, "lorch_desk.ui.roles.beta_tab", "")
    _write(tmp_path, "lorch_desk.ui.roles.beta_tab.board", "")
    (tmp_path / "lorch_desk" / "ui" / "roles" / "registry.py").write_text(
        "import lorch_desk.ui.roles.alpha_tab\nimport lorch_desk.ui.roles.beta_tab.board\n"
    )
    return tmp_path


def test_each_contract_catches_a_violation(broken_tree: Path) -> None:
    result = _lint(broken_tree)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert _verdicts(output) == dict.fromkeys(CONTRACTS, "BROKEN"), output
    # The registry may list every tab: only the tab-to-tab import is reported.
    assert "lorch_desk.ui.roles.alpha_tab -> lorch_desk.ui.roles.beta_tab" in output
    assert "lorch_desk.ui.roles.registry ->" not in output
