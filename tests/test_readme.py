"""README's test command is the one CI runs, and what README promises exists."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI_RUN = ROOT / ".ci" / "run"
MARKER = "<!-- test-command"


def _block_after_marker(text: str) -> list[str]:
    """The non-empty lines of the first fenced block after the marker."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(MARKER))
    fences = [i for i in range(start + 1, len(lines)) if lines[i].startswith("```")]
    assert len(fences) >= 2, "the marker must be followed by a fenced block"
    return [line for line in lines[fences[0] + 1 : fences[1]] if line.strip()]


def test_readme_marks_exactly_one_test_command() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.count(MARKER) == 1
    assert _block_after_marker(text) == ["python -m pytest"]


def test_the_one_time_install_comes_before_the_test_command() -> None:
    text = README.read_text(encoding="utf-8")
    install = text.index("python3 -m pip install -e '.[test]'")
    assert install < text.index(MARKER)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_ci_runs_the_readme_command() -> None:
    printed = subprocess.run(
        ["bash", str(CI_RUN), "--print-test-command"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.splitlines()
    assert printed == _block_after_marker(README.read_text(encoding="utf-8"))

    script = CI_RUN.read_text(encoding="utf-8")
    assert 'eval "$TEST_COMMAND"' in script
    assert "LORCH_REQUIRE_POSTGRES=1" in script
    # No second, hand-written copy of the command that could drift.
    assert not re.search(r"^\s*python -m pytest", script, flags=re.MULTILINE)


def test_ci_fails_when_the_readme_loses_its_command(tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    (copy / ".ci").mkdir(parents=True)
    shutil.copy(CI_RUN, copy / ".ci" / "run")
    (copy / "README.md").write_text("# Lorch Desk\n\nno marker here\n", encoding="utf-8")
    result = subprocess.run(
        ["bash", str(copy / ".ci" / "run"), "--print-test-command"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "test-command" in result.stderr


def test_ci_uses_strict_bash() -> None:
    lines = CI_RUN.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#!/usr/bin/env bash"
    assert "set -euo pipefail" in lines


@pytest.mark.parametrize(
    "path",
    ["build.spec", "pyproject.toml", "alembic.ini", "migrations/env.py", "tests/conftest.py"],
)
def test_files_the_readme_and_ci_rely_on_exist(path: str) -> None:
    assert (ROOT / path).is_file()
