"""Prescription rules without a database: kinds, states, TCM totals and allergy matches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from lorch_desk.domain.errors import DomainError


class PrescriptionKind(StrEnum):
    WESTERN = "western"  # 西药 / 营养素处方
    TCM = "tcm"  # 中药饮片处方


class PrescriptionStatus(StrEnum):
    """Draft → awaiting dispensing (signed by a doctor, the pharmacy's queue) → dispensed."""

    DRAFT = "draft"
    AWAITING_DISPENSING = "awaiting_dispensing"
    DISPENSED = "dispensed"


class PrescriptionIsSigned(DomainError):
    """A signed prescription is final: it is neither corrected nor signed again."""

    code = "prescription_is_signed"


# Common doses of a TCM prescription (剂) and grams of one herb in one dose, at most.
MAX_TCM_DOSES = 60
MAX_GRAMS_PER_DOSE = Decimal("500")


@dataclass(frozen=True, slots=True)
class HerbLine:
    """One herb of a TCM prescription: grams in one dose."""

    name: str
    grams_per_dose: Decimal


@dataclass(frozen=True, slots=True)
class HerbTotal:
    name: str
    grams_per_dose: Decimal
    total_grams: Decimal


def herb_totals(lines: Sequence[HerbLine], doses: int) -> list[HerbTotal]:
    """The grams of each herb for all `doses` (剂数) of the prescription, in line order."""
    if doses < 1:
        raise ValueError("a TCM prescription has at least one dose")
    return [
        HerbTotal(line.name, line.grams_per_dose, line.grams_per_dose * doses) for line in lines
    ]


def grams_per_dose_total(lines: Iterable[HerbLine]) -> Decimal:
    """The weight of one dose (一剂) of the prescription."""
    return sum((line.grams_per_dose for line in lines), Decimal("0"))


# Allergy entries name substances separated by punctuation or words like 和/及.
_SPLIT = re.compile(r"[\s,，、;；。.:：/|()（）\[\]【】]+|和|及|与|过敏")
# Words a note puts before a substance: 对青霉素过敏, 曾对海鲜过敏, 有花粉过敏史.
_LEAD = re.compile(r"^(曾经|曾|对|有)+")


def substances(text: str) -> set[str]:
    """The substance names a free-text ingredient or allergy note mentions (lower case)."""
    parts = (_LEAD.sub("", part.strip()).lower() for part in _SPLIT.split(text or ""))
    return {part for part in parts if len(part) >= 2}


def allergy_matches(*, ingredients: str, allergens: str, allergies: Iterable[str]) -> list[str]:
    """The customer's recorded allergies that a product's ingredients or allergens mention.

    A match is a substance of an allergy entry found inside the product's text or the
    reverse (青霉素 matches 阿莫西林(青霉素类)), so a warning errs on the side of showing.
    """
    product = f"{ingredients} {allergens}".lower()
    product_words = substances(ingredients) | substances(allergens)
    found: list[str] = []
    for entry in allergies:
        for word in sorted(substances(entry)):
            mentioned = word in product or any(word in i or i in word for i in product_words)
            if mentioned and word not in found:
                found.append(word)
    return found
