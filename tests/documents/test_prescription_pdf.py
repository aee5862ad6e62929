"""The printed prescription reads back in Chinese: customer, herbs, 剂数, doctor's signature."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from lorch_desk.documents.pdf.prescription import render_prescription_pdf
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.prescriptions import PrescriptionKind
from lorch_desk.services.prescriptions import (
    PrescriptionInput,
    PrescriptionLineInput,
    save_prescription,
    sign_prescription,
)
from tests.services.consultant_clinic import ConsultantClinic


def _text_of(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def _page_size(path: Path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return next(line for line in info.stdout.splitlines() if line.startswith("Page size"))


@pytest.fixture()
def clinic(database, actor_for) -> ConsultantClinic:  # noqa: ANN001
    clinic = ConsultantClinic(database, actor_for)
    clinic.hire("王芳")
    clinic.hire("李明华", Role.DOCTOR)
    clinic.stock_catalogue()
    return clinic


@pytest.mark.parametrize(
    ("size", "points"), [("A4", "595.276 x 841.89"), ("A5", "419.528 x 595.276")]
)
def test_a_signed_tcm_prescription_prints_in_chinese(clinic, tmp_path, size, points) -> None:  # noqa: ANN001
    doctor = clinic.staff["李明华"]
    customer = clinic.register("欧阳静怡")
    data = PrescriptionInput(
        PrescriptionKind.TCM,
        [
            PrescriptionLineInput(clinic.products["黄芪"], grams_per_dose=Decimal("30")),
            PrescriptionLineInput(clinic.products["当归"], grams_per_dose=Decimal("12")),
        ],
        diagnosis="气血两虚",
        doses=7,
        decoction="水煎两次",
        usage_instructions="每日一剂, 早晚分服",
    )
    draft = clinic.run(doctor, save_prescription, customer_id=customer, arrival_id=None, data=data)
    signed = clinic.run(doctor, sign_prescription, prescription_id=draft.id)
    path = render_prescription_pdf(signed, tmp_path / "rx.pdf", page_size=size)
    text = _text_of(path)
    for expected in (
        "处方笺",
        "中药饮片处方",
        "欧阳静怡",
        "黄芪",
        "当归",
        "210",
        "84",
        "剂数",
        "共 7 剂",
        "水煎两次",
        "医师签名",
        "李明华",
        signed.number,
    ):
        assert expected in text, expected
    assert "草稿" not in text
    assert points in _page_size(path)


def test_a_western_draft_prints_its_lines_and_the_draft_mark(clinic, tmp_path) -> None:  # noqa: ANN001
    customer = clinic.register("陈静", allergy="青霉素过敏")
    data = PrescriptionInput(
        PrescriptionKind.WESTERN,
        [
            PrescriptionLineInput(
                clinic.products["阿莫西林胶囊"], "0.5g", "每日3次", Decimal("2"), 7
            )
        ],
    )
    draft = clinic.run(
        clinic.staff["王芳"], save_prescription, customer_id=customer, arrival_id=None, data=data
    )
    text = _text_of(render_prescription_pdf(draft, tmp_path / "w.pdf", page_size="A4"))
    for expected in ("阿莫西林胶囊", "每日3次", "2盒", "草稿", "过敏提示", "青霉素"):
        assert expected in text.replace(" ", ""), expected
