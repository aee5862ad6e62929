"""The CJK font: found on the machine, refused when it cannot be embedded, embedded in PDFs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from lorch_desk.documents.fonts import (
    FONT_ENV_VAR,
    WINDOWS_FONT_FILES,
    find_cjk_font,
    register_cjk_font,
)
from lorch_desk.domain.errors import DomainError, NoCjkFont
from tests.documents.samples import embedded_fonts

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_the_machine_font_is_registered_once_under_one_name() -> None:
    name = register_cjk_font()

    assert register_cjk_font() == name
    font = pdfmetrics.getFont(name)
    assert ord("页") in font.face.charToGlyph


def test_chinese_text_is_drawn_with_the_font_embedded(tmp_path: Path) -> None:
    pdf = tmp_path / "hello.pdf"
    canvas = Canvas(str(pdf), initialFontName=register_cjk_font())
    canvas.setFont(register_cjk_font(), 14)
    canvas.drawString(72, 720, "北京总部 处方笺")
    canvas.save()

    fonts = embedded_fonts(pdf)
    assert fonts, "the PDF names no font"
    assert all(emb == "yes" for _name, emb in fonts), fonts
    assert (
        "北京总部"
        in subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )


def test_an_administrators_font_file_is_used(tmp_path: Path) -> None:
    found = find_cjk_font(environ={})
    chosen = tmp_path / "clinic-font.ttc"
    chosen.symlink_to(found)

    assert find_cjk_font(environ={FONT_ENV_VAR: str(chosen)}) == chosen


def test_a_missing_override_is_refused_and_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ttf"

    with pytest.raises(NoCjkFont) as refused:
        find_cjk_font(environ={FONT_ENV_VAR: str(missing)})

    assert isinstance(refused.value, DomainError)
    assert refused.value.code == "no_cjk_font"
    assert refused.value.searched == [f"{missing} (missing)"]
    assert str(missing) in str(refused.value)


def test_opentype_cff_fonts_are_refused_because_reportlab_cannot_embed_them(
    tmp_path: Path,
) -> None:
    noto = tmp_path / "NotoSansCJK-Regular.otf"
    noto.write_bytes(b"OTTO")

    with pytest.raises(NoCjkFont) as refused:
        find_cjk_font(environ={FONT_ENV_VAR: str(noto)})

    assert "not a TrueType" in refused.value.searched[0]


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed")
def test_a_font_without_chinese_glyphs_is_refused() -> None:
    # fontconfig answers DejaVu Sans to ':lang=zh' on a machine without any Chinese font.
    with pytest.raises(NoCjkFont) as refused:
        find_cjk_font(environ={FONT_ENV_VAR: str(DEJAVU)})

    assert refused.value.searched == [f"{DEJAVU} (has no Chinese glyphs)"]


def test_windows_fonts_are_searched_in_the_windows_font_folder(tmp_path: Path) -> None:
    fonts = tmp_path / "Fonts"
    fonts.mkdir()

    with pytest.raises(NoCjkFont) as refused:
        find_cjk_font(environ={"WINDIR": str(tmp_path)}, platform="win32")

    assert [entry.split(" (")[0] for entry in refused.value.searched] == [
        str(fonts / name) for name in WINDOWS_FONT_FILES
    ]

    (fonts / "simsun.ttc").symlink_to(find_cjk_font(environ={}))
    assert find_cjk_font(environ={"WINDIR": str(tmp_path)}, platform="win32") == (
        fonts / "simsun.ttc"
    )
