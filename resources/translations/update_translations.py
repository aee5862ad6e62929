"""Refresh the Chinese translation: lupdate every source file into the .ts, lrelease it into the .qm.

Run from anywhere (paths are resolved from this file):

    python resources/translations/update_translations.py

lupdate only picks up tr() / QCoreApplication.translate() / QT_TRANSLATE_NOOP() calls, so it is
fed every .py file under lorch_desk/. Source locations are not stored (-locations none) so that
moving a line does not change the .ts, and strings no longer in the code are dropped
(-no-obsolete). New strings arrive as type="unfinished": translate them in the .ts, then run
this script again to compile the .qm (tests/ui/test_translations.py fails until both are done).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TRANSLATIONS_DIR.parent.parent
SOURCE_DIR = REPO_ROOT / "lorch_desk"
LANGUAGES = ("zh_CN", "en")
LUPDATE_OPTIONS = ("-no-obsolete", "-locations", "none")
# English is the source language: its file holds only the plural forms ("1 row", "2 rows").
PLURALS_ONLY = "en"


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"lorch_desk_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"lorch_desk_{language}.qm"


def find_tool(name: str) -> str | None:
    """Path of pyside6-<name> (or PySide6's bundled <name>), or None if it is not installed."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    # A venv whose bin/ (Scripts\ on Windows) is not on PATH: next to the interpreter.
    exe_dir = Path(sys.executable).parent
    for candidate in (exe_dir / f"pyside6-{name}", exe_dir / f"pyside6-{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    # The binaries PySide6 ships inside its own package.
    try:
        import PySide6
    except ImportError:
        return None
    package_dir = Path(PySide6.__file__).resolve().parent
    for candidate in (
        package_dir / name,
        package_dir / f"{name}.exe",
        package_dir / "Qt" / "bin" / name,
        package_dir / "Qt" / "libexec" / name,
    ):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def source_files() -> list[Path]:
    """Every .py file under lorch_desk/, sorted so that runs are reproducible."""
    return sorted(path for path in SOURCE_DIR.rglob("*.py") if "__pycache__" not in path.parts)


def run_lupdate(ts_file: Path, lupdate: str | None = None) -> None:
    lupdate = lupdate or find_tool("lupdate")
    if lupdate is None:
        raise FileNotFoundError("pyside6-lupdate not found (install PySide6-Essentials)")
    files = [str(path.relative_to(REPO_ROOT)) for path in source_files()]
    # A list file keeps the command line short on Windows.
    with tempfile.TemporaryDirectory() as scratch:
        list_file = Path(scratch) / "sources.lst"
        list_file.write_text("\n".join(files) + "\n", encoding="utf-8")
        subprocess.run(
            [lupdate, *LUPDATE_OPTIONS, *_language_options(ts_file), f"@{list_file}"]
            + ["-ts", str(ts_file)],
            cwd=REPO_ROOT,
            check=True,
        )


def _language_options(ts_file: Path) -> tuple[str, ...]:
    if ts_file.name == ts_path(PLURALS_ONLY).name:
        return ("-pluralonly", "-target-language", PLURALS_ONLY)
    return ()


def run_lrelease(ts_file: Path, qm_file: Path, lrelease: str | None = None) -> None:
    lrelease = lrelease or find_tool("lrelease")
    if lrelease is None:
        raise FileNotFoundError("pyside6-lrelease not found (install PySide6-Essentials)")
    subprocess.run(
        [lrelease, "-silent", str(ts_file), "-qm", str(qm_file)],
        cwd=REPO_ROOT,
        check=True,
    )


def unfinished_count(ts_file: Path) -> int:
    import xml.etree.ElementTree as ET

    count = 0
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform") if translation is not None else []
        texts = (
            [form.text for form in forms]
            if forms
            else [translation.text if translation is not None else None]
        )
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(text and text.strip() for text in texts)
        ):
            count += 1
    return count


def main() -> int:
    for language in LANGUAGES:
        ts_file = ts_path(language)
        run_lupdate(ts_file)
        run_lrelease(ts_file, qm_path(language))
        missing = unfinished_count(ts_file)
        print(f"{ts_file.relative_to(REPO_ROOT)}: {missing} message(s) still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
