"""Search keys derived from a customer's name and mobile: pinyin, initials, tokens, tail."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, pinyin

# Polyphonic characters read differently as a surname (单 is shan, not dan). Only the first
# character of a name is read this way; two-character surnames are listed whole.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "朴": ("piao",),
    "查": ("zha",),
    "盖": ("ge",),
    "乐": ("yue",),
    "召": ("shao",),
    "缪": ("miao",),
    "覃": ("qin",),
    "种": ("chong",),
    "翟": ("zhai",),
    "尉": ("yu",),
    "繁": ("po",),
    "员": ("yun",),
    "长孙": ("zhang", "sun"),
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "单于": ("chan", "yu"),
}


@dataclass(frozen=True, slots=True)
class NameKeys:
    pinyin: str
    initials: str
    tokens: str


@lru_cache(maxsize=65536)
def _reading(char: str) -> str:
    """Pinyin of one character without tone; characters with no reading stand for themselves."""
    if char.isascii():
        return char.lower()
    return pinyin(char, style=Style.NORMAL, errors=lambda text: text)[0][0].lower()


def name_keys(name: str) -> NameKeys:
    """Full pinyin, initials and the per-character token string of a customer's name."""
    name = "".join(name.split())
    readings: list[str] = []
    rest = name
    for surname in sorted(SURNAME_READINGS, key=len, reverse=True):
        if name.startswith(surname):
            readings.extend(SURNAME_READINGS[surname])
            rest = name[len(surname) :]
            break
    readings.extend(_reading(char) for char in rest)
    return NameKeys(
        pinyin="".join(readings),
        initials="".join(reading[0] for reading in readings if reading),
        tokens=" ".join(name.lower()),
    )


def reversed_digits(number: str | None) -> str | None:
    """The number backwards, so a tail search is an indexed prefix range."""
    return number[::-1] if number else None


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string above every string starting with `prefix` (for `>= p AND < bound`)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
