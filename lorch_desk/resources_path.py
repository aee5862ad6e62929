"""Where the files under resources/ are: the repository, or the PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_REPOSITORY_ROOT = Path(__file__).resolve().parents[1]


def resource_path(*parts: str) -> Path:
    """The path of resources/<parts...> (build.spec must copy resources/ into the bundle)."""
    root = Path(getattr(sys, "_MEIPASS", _REPOSITORY_ROOT))
    return root.joinpath("resources", *parts)
