"""客户投诉处理单 as PDF: every step and the customer's signature, read back with pdftotext."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from lorch_desk.documents.pdf.complaint_form import render_complaint_pdf
from lorch_desk.services import complaints
from lorch_desk.services.complaints import ComplaintInput
from tests.conftest import actors_at
from tests.documents.samples import embedded_fonts, flat, pdf_text
from tests.services.service_clinic import DAY, ServiceClinic, at


def signature_png() -> bytes:
    image = Image.new("RGBA", (400, 150), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(20, 120), (120, 30), (220, 110), (380, 40)], fill="black", width=5)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture()
def clinic(database, node) -> ServiceClinic:  # noqa: ANN001
    return ServiceClinic(database, actors_at(node))


def _handled(clinic: ServiceClinic, sign_off: str, png: bytes | None = None):  # noqa: ANN202
    run, agent = clinic.run, clinic.agent
    cid = run(
        agent,
        complaints.receive_complaint,
        data=ComplaintInput(
            matter="护理后皮肤泛红，无人解释",
            channel="phone",
            customer_id=clinic.customer_id,
            about_staff_id=clinic.id_of(clinic.consultant),
        ),
        now=at(9),
    ).row.id
    steps = [
        (
            complaints.route_complaint,
            {"handling": "escalated", "escalated_to_id": clinic.id_of(clinic.supervisor)},
        ),
        (complaints.add_investigation_note, {"notes": "核对护理记录，产品批次正常"}),
        (
            complaints.plan_complaint,
            {
                "measures": "皮肤科医生复诊",
                "department": "医疗部",
                "responsible_person": "张医生",
                "deadline": DAY,
            },
        ),
        (complaints.report_progress, {"text": "已约好周三复诊"}),
        (
            complaints.record_result,
            {"result": "复诊无碍，客户满意", "sign_off": sign_off, "signature_png": png},
        ),
        (complaints.record_cause, {"cause": "communication", "analysis": "术后告知不足"}),
        (complaints.summarise_complaint, {"summary": "完善术后告知单"}),
    ]
    for minute, (operation, values) in enumerate(steps, start=1):
        detail = run(agent, operation, complaint_id=cid, now=at(10, minute), **values)
    return detail


def test_the_form_prints_every_step_and_a_signature_line(
    clinic: ServiceClinic, tmp_path: Path
) -> None:
    detail = _handled(clinic, "paper")
    pdf = render_complaint_pdf(detail, tmp_path / "complaint.pdf")
    text = flat(pdf_text(pdf))
    for expected in (
        "客户投诉处理单",
        detail.row.number,
        "赵敏",
        "李娜",
        "护理后皮肤泛红，无人解释",
        "上报客服主管",
        "刘主管",
        "核对护理记录，产品批次正常",
        "皮肤科医生复诊",
        "责任部门：医疗部",
        "责任人：张医生",
        "已约好周三复诊",
        "复诊无碍，客户满意",
        "客户确认：纸质签字",
        "原因：沟通",
        "完善术后告知单",
        "客户签字：",
        "处理人签字：",
    ):
        assert flat(expected) in text, expected
    assert all(emb == "yes" for _name, emb in embedded_fonts(pdf))


def test_a_drawn_signature_is_printed_in_place_of_the_line(
    clinic: ServiceClinic, tmp_path: Path
) -> None:
    detail = _handled(clinic, "drawn", signature_png())
    pdf = render_complaint_pdf(detail, tmp_path / "signed.pdf")
    text = flat(pdf_text(pdf))
    assert "客户签字（屏幕签名）" in text and "客户确认：屏幕签名" in text
    assert "客户签字：____" not in text
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert " image " in listing  # the drawn signature (the paper form has no image)
