"""Bilingual labels for data that leaves the ui: report titles, column headers in files."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True, slots=True)
class Label:
    """A text in Chinese (the default) and English."""

    zh: str
    en: str

    def text(self, language: str) -> str:
        """The text in `language` ("zh_CN" or "en"); Chinese for anything else."""
        return self.en if language == "en" else self.zh
