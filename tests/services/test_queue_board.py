"""The queue board: what the front desk sees, the change counter, the site's policy applied."""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

from lorch_desk.domain.triage_policy import ConsultantState, Rotation
from lorch_desk.services import triage, triage_settings
from tests.services import test_triage_service as story
from tests.services.test_triage_service import DAY, FrontDesk, at

staffed_template = story.staffed_template
database_path = story.database_path
desk = story.desk


def test_the_board_shows_timers_turns_received_and_who_may_join(desk: FrontDesk) -> None:
    for order, name in enumerate(("王", "李"), start=1):
        desk.run(
            desk.receptionist,
            triage.join_rotation,
            consultant_id=desk.id_of(name),
            rotation_order=order,
            now=at(8, 30),
        )
    fang = desk.arrive(desk.register("王芳"), at(9, 0))
    desk.offer(at(9, 0))
    desk.run(desk.consultants["王"], triage.accept_offer, arrival_id=fang, now=at(9, 1))
    na = desk.arrive(desk.register("李娜"), at(9, 2))
    desk.arrive(desk.register("赵敏"), at(9, 3))
    desk.offer(at(9, 3))

    board = desk.board(at(9, 12))

    assert [(w.customer_name, w.minutes_waited, w.wait_level) for w in board.waiting] == [
        ("李娜", 10, triage.WaitLevel.LATE),
        ("赵敏", 9, triage.WaitLevel.WARNING),
    ]
    assert board.waiting[0].offered_to_id == desk.id_of("李")
    assert board.waiting[0].form_completed_at == at(9, 2)
    assert [(c.name, c.state, c.received_today) for c in board.consultants] == [
        ("王", ConsultantState.OFFERED, 1),
        ("李", ConsultantState.OFFERED, 0),
    ]
    assert [(r.customer_name, r.consultant_id) for r in board.received] == [
        ("王芳", desk.id_of("王"))
    ]
    assert [c.name for c in board.off_roster] == ["张"]
    assert dict(board.whose_turn)[Rotation.MAIN] == desk.id_of("李")
    assert board.next_deadline == at(9, 13)  # both offers' ten minutes run out then
    assert board.waiting[0].arrival_id == na
    assert board.last_sequence == desk.run(desk.receptionist, triage.last_sequence, day=DAY)


def test_the_change_counter_moves_with_every_step(desk: FrontDesk) -> None:
    def counter() -> int:
        return desk.run(desk.receptionist, triage.last_sequence, day=DAY)

    assert counter() == 0
    desk.open_rotation(at(8, 30))
    assert counter() == 3
    assert desk.board(at(8, 31)).last_sequence == 3


def test_the_sites_policy_sets_the_answer_time(desk: FrontDesk) -> None:
    desk.run(desk.manager, triage_settings.set_triage_policy, values={"accept_minutes": 4})
    desk.open_rotation(at(8, 30))
    fang = desk.arrive(desk.register("王芳"), at(9, 0))

    desk.offer(at(9, 0))
    assert desk.board(at(9, 1)).waiting[0].respond_by == at(9, 0) + timedelta(minutes=4)

    result = desk.run(desk.receptionist, triage.apply_time_outs, now=at(9, 4))
    assert result.kinds == ("Skipped",)
    again = desk.run(desk.receptionist, triage.apply_time_outs, now=at(9, 4))
    assert again.kinds == ()  # applied exactly once
    assert desk.offer(at(9, 4)) == [(fang, "李")]


def test_the_board_never_carries_the_inquiry_item() -> None:
    for row in (triage.WaitingCustomerRow, triage.ConsultantOnBoardRow, triage.QueueBoard):
        assert not any("inquiry" in item.name for item in fields(row))
