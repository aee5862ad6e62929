"""The CJK TrueType font every PDF embeds, found on this machine and registered once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from lorch_desk.domain.errors import NoCjkFont

FONT_ENV_VAR = "LORCH_CJK_FONT"
CJK_FONT_NAME = "LorchCJK"
# reportlab embeds TrueType outlines only: OpenType-CFF (.otf, Noto Sans CJK) cannot be embedded.
EMBEDDABLE_SUFFIXES = frozenset({".ttf", ".ttc"})
# A font is Chinese enough if it draws these (fontconfig may answer DejaVu for :lang=zh).
_PROBE_CHARACTERS = "中文页"

WINDOWS_FONT_FILES = ("msyh.ttc", "simsun.ttc", "simhei.ttf")
LINUX_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
)

_lock = threading.Lock()
_registered: str | None = None


def register_cjk_font() -> str:
    """Register the machine's CJK font with reportlab (once) and return its font name."""
    global _registered
    with _lock:
        if _registered is None:
            font = _search(os.environ, sys.platform)[1]
            pdfmetrics.registerFont(font)
            _registered = font.fontName
        return _registered


def find_cjk_font(*, environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The first embeddable font file with Chinese glyphs; raises NoCjkFont listing the search.

    LORCH_CJK_FONT, when set, is the only candidate: an administrator who names a font means it.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    return _search(environ, platform)[0]


def _search(environ: Mapping[str, str], platform: str) -> tuple[Path, TTFont]:
    searched: list[str] = []
    override = environ.get(FONT_ENV_VAR, "").strip()
    candidates = [Path(override)] if override else _candidates(environ, platform)
    for path in candidates:
        font, reason = _probe(path)
        if font is not None:
            return path, font
        searched.append(f"{path} ({reason})")
    if not override and not platform.startswith("win") and shutil.which("fc-match") is None:
        searched.append("fc-match (not installed)")
    raise NoCjkFont(searched=searched)


def _candidates(environ: Mapping[str, str], platform: str) -> list[Path]:
    if platform.startswith("win"):
        windir = environ.get("WINDIR") or environ.get("SystemRoot") or r"C:\Windows"
        return [Path(windir) / "Fonts" / name for name in WINDOWS_FONT_FILES]
    paths = [Path(name) for name in LINUX_FONT_FILES]
    matched = _fontconfig_match()
    if matched is not None and matched not in paths:
        paths.append(matched)
    return paths


def _fontconfig_match() -> Path | None:
    """fontconfig's best font for Chinese, when fc-match exists."""
    executable = shutil.which("fc-match")
    if executable is None:
        return None
    try:
        completed = subprocess.run(
            [executable, "-f", "%{file}", ":lang=zh"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = completed.stdout.strip()
    return Path(found) if completed.returncode == 0 and found else None


def _probe(path: Path) -> tuple[TTFont | None, str]:
    """The loaded font if `path` can be our embedded CJK font, else None and why not."""
    if path.suffix.lower() not in EMBEDDABLE_SUFFIXES:
        return None, "not a TrueType .ttf/.ttc file"
    if not path.is_file():
        return None, "missing"
    try:
        font = TTFont(CJK_FONT_NAME, str(path), subfontIndex=0)
    except (TTFError, OSError) as error:
        return None, f"cannot be embedded: {error}"
    glyphs = font.face.charToGlyph
    if not all(ord(character) in glyphs for character in _PROBE_CHARACTERS):
        return None, "has no Chinese glyphs"
    return font, ""
