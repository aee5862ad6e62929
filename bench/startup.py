"""Cold start to the login window, beside a bare PySide6 window started the same way.

Each run is a fresh Python process (offscreen Qt); the time runs from spawning it to its
window being shown, interpreter start included; the demo database is created once beforehand so the
runs measure starting, not seeding. Run: `python bench/startup.py --runs 10`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BARE_WINDOW = """
import sys
import time
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
window = QLabel("Lorch Desk")
window.resize(420, 300)
window.show()
app.processEvents()
print(f"{time.time():.6f}")
"""

LORCH_LOGIN = """
import sys
import time
from lorch_desk import app as lorch_app
from lorch_desk import config
from lorch_desk.ui.session import DesktopSession
from lorch_desk.ui import i18n
from lorch_desk.ui.settings import UiSettings
qt_app = lorch_app.make_qt_app(sys.argv)
language = i18n.install_language("zh_CN")
session = DesktopSession(config.choose_database(demo=True), UiSettings(), language, lorch_app.LazyBootstrap())
login = session.start()
qt_app.processEvents()
print(f"{time.time():.6f}")
while not login.is_ready:
    qt_app.processEvents()
    time.sleep(0.002)
print(f"{time.time():.6f}")
session.shut_down()
"""


def time_script(script: str, env: dict[str, str]) -> list[float]:
    """Seconds from spawning a fresh process to each moment the child prints (shown, ready)."""
    spawned = time.time()
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=REPO
    )
    if result.returncode != 0:
        raise SystemExit(f"run failed:\n{result.stderr}")
    return [float(line) - spawned for line in result.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LORCH_DATA_DIR=tempfile.mkdtemp(prefix="lorch-bench-"),
    )
    # Create the demo database once, outside the measurement.
    subprocess.run(
        [sys.executable, "-c", LORCH_LOGIN], env=env, check=True, capture_output=True, cwd=REPO
    )
    bare, shown, ready = [], [], []
    for _ in range(args.runs):
        bare.append(time_script(BARE_WINDOW, env)[0])
        lorch_shown, lorch_ready = time_script(LORCH_LOGIN, env)
        shown.append(lorch_shown)
        ready.append(lorch_ready)
    print(f"runs: {args.runs}, from spawning the process (wall clock, seconds)")
    print("| start | median | min | max |")
    print("|---|---:|---:|---:|")
    for name, values in (
        ("bare PySide6 window shown", bare),
        ("Lorch Desk login window shown", shown),
        ("Lorch Desk login ready (database open, demo accounts listed)", ready),
    ):
        print(
            f"| {name} | {statistics.median(values):.3f} | {min(values):.3f} | {max(values):.3f} |"
        )
    ratio = statistics.median(shown) / statistics.median(bare)
    print(f"login window / bare window (median): {ratio:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
