"""Partner-institution surveys each quarter and third-party survey reports filed with their file."""

from __future__ import annotations

from datetime import date

import pytest

from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.models.staff import Attachment
from lorch_desk.models.surveys import InstitutionSurvey, ThirdPartySurveyReport
from lorch_desk.services.institutions import InstitutionInput, save_institution
from lorch_desk.services.surveys import (
    file_survey_report,
    get_survey_report_file,
    list_institution_surveys,
    list_survey_reports,
    quarter_start,
    record_institution_survey,
)
from tests.services.follow_up_clinic import FollowUpClinic

PDF = b"%PDF-1.4\n% third-party report\n"


@pytest.fixture()
def clinic(database, actor_for) -> FollowUpClinic:  # noqa: ANN001
    return FollowUpClinic(database, actor_for)


def _partner(clinic: FollowUpClinic) -> object:
    return clinic.run(
        clinic.admin,
        save_institution,
        institution_id=None,
        data=InstitutionInput(name="协和体检中心"),
    ).id


def test_headquarters_surveys_a_partner_institution_for_the_quarter(
    clinic: FollowUpClinic,
) -> None:
    partner = _partner(clinic)
    scores = {"service_quality": 5, "follow_up_service": 3, "problem_solving": 4}

    row = clinic.run(
        clinic.agent,
        record_institution_survey,
        institution_id=partner,
        quarter=date(2026, 11, 23),
        scores=scores,
        comment="后续跟进偏慢",
    )

    assert (row.quarter_start, str(row.overall)) == (date(2026, 10, 1), "4.00")
    [listed] = clinic.run(clinic.manager, list_institution_surveys, quarter=date(2026, 12, 31))
    assert (listed.institution_name, dict(listed.scores), listed.comment) == (
        "协和体检中心",
        scores,
        "后续跟进偏慢",
    )


def test_an_institution_score_off_the_scale_writes_nothing(
    clinic: FollowUpClinic, count_rows
) -> None:  # noqa: ANN001
    partner = _partner(clinic)
    with pytest.raises(ValidationFailed) as refused:
        clinic.run(
            clinic.agent,
            record_institution_survey,
            institution_id=partner,
            quarter=date(2026, 11, 1),
            scores={"service_quality": 5, "follow_up_service": 11, "problem_solving": 4},
        )
    assert (refused.value.field, refused.value.params["rule"]) == ("follow_up_service", "range")
    assert count_rows(InstitutionSurvey) == 0


def test_a_third_party_report_is_filed_with_its_file(clinic: FollowUpClinic, count_rows) -> None:  # noqa: ANN001
    row = clinic.run(
        clinic.agent,
        file_survey_report,
        agency="零点调查",
        month=date(2026, 10, 17),
        summary="环境满意度高,等候时间偏长",
        file_name="C:\\reports\\2026-10.pdf",
        content=PDF,
    )

    assert (row.month_start, row.file_name) == (date(2026, 10, 1), "2026-10.pdf")
    [listed] = clinic.run(clinic.manager, list_survey_reports)
    assert listed.agency == "零点调查"
    stored = clinic.run(clinic.manager, get_survey_report_file, report_id=listed.id)
    assert (stored.media_type, stored.content) == ("application/pdf", PDF)


def test_a_report_that_is_not_a_pdf_or_picture_writes_nothing(
    clinic: FollowUpClinic, count_rows
) -> None:  # noqa: ANN001
    with pytest.raises(ValidationFailed) as refused:
        clinic.run(
            clinic.agent,
            file_survey_report,
            agency="零点调查",
            month=date(2026, 10, 1),
            summary="",
            file_name="report.exe",
            content=b"MZ\x90\x00",
        )
    assert refused.value.params["rule"] == "file_type"
    assert (count_rows(ThirdPartySurveyReport), count_rows(Attachment)) == (0, 0)


def test_quarters_start_in_january_april_july_and_october() -> None:
    starts = {quarter_start(date(2026, month, 15)).month for month in range(1, 13)}
    assert starts == {1, 4, 7, 10}
