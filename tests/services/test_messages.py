"""The message outbox: kept for staff by default, sent through an HTTP gateway when set up."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.messages import MessageAttempt
from lorch_desk.models.organisation import ClinicSetting
from lorch_desk.services.appointments import AppointmentInput, book_appointment
from lorch_desk.services.message_senders import (
    HttpSmsGatewaySender,
    ManualSender,
    deliver_due_messages,
    sender_from_settings,
)
from lorch_desk.services.messages import list_messages, mark_sent
from tests.services.scheduling_desk import (  # noqa: F401 - fixtures
    DAY,
    SchedulingDesk,
    at,
    database_path,
    desk_at,
    scheduling_template,
)


@pytest.fixture()
def desk(database, node) -> SchedulingDesk:  # noqa: ANN001
    return desk_at(database, node)


NOW = at(9, 0)


class _Gateway(BaseHTTPRequestHandler):
    """A tiny SMS gateway: answers with the status the test sets, records what it received."""

    received: list[tuple[str, dict]] = []
    answer = 200

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers["Content-Length"])
        body = json.loads(self.rfile.read(length).decode("utf-8"))
        type(self).received.append((self.headers["Authorization"], body))
        self.send_response(type(self).answer)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture()
def gateway() -> Iterator[tuple[str, type[_Gateway]]]:
    handler = type("Gateway", (_Gateway,), {"received": [], "answer": 200})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sms", handler
    server.shutdown()
    server.server_close()


def _book_two(desk: SchedulingDesk) -> None:
    for hour, name in ((10, "王芳"), (11, "李强")):
        desk.run(
            desk.receptionist,
            book_appointment,
            data=AppointmentInput(
                customer_name=name,
                gender="female" if name == "王芳" else "male",
                mobile=f"139111100{hour}",
                item="体检解读",
                staff_id=desk.id_of("张伟"),
                starts_at=at(hour, 0, DAY + timedelta(days=1)),
                ends_at=at(hour, 30, DAY + timedelta(days=1)),
            ),
            now=NOW,
        )


def test_by_default_messages_wait_for_staff_who_mark_them_sent(desk: SchedulingDesk) -> None:
    _book_two(desk)
    with desk.database.unit_of_work(desk.receptionist) as uow:
        assert isinstance(sender_from_settings(uow), ManualSender)
    assert deliver_due_messages(desk.database, desk.receptionist, ManualSender(), now=NOW).sent == 0

    first, second = desk.run(desk.receptionist, list_messages, unsent_only=True)
    sent = desk.run(desk.receptionist, mark_sent, message_id=first.id, now=at(9, 5))

    assert (sent.is_sent, sent.sent_via) == (True, "manual")
    assert [m.id for m in desk.run(desk.receptionist, list_messages, unsent_only=True)] == [
        second.id
    ]
    with pytest.raises(ValidationFailed):
        desk.run(desk.receptionist, mark_sent, message_id=first.id)
    with pytest.raises(PermissionDenied):
        desk.run(desk.staff["张伟"], mark_sent, message_id=second.id)


def test_the_http_gateway_sends_every_due_message_with_the_key(
    desk: SchedulingDesk, gateway
) -> None:
    url, handler = gateway
    _book_two(desk)
    with desk.database.unit_of_work(desk.admin) as uow:
        uow.session.add(ClinicSetting(key="sms.gateway", value={"url": url, "api_key": "k-123"}))
        uow.session.commit()
    with desk.database.unit_of_work(desk.receptionist) as uow:
        sender = sender_from_settings(uow)
    assert isinstance(sender, HttpSmsGatewaySender)

    result = deliver_due_messages(desk.database, desk.receptionist, sender, now=NOW)

    assert (result.sent, result.failed) == (2, 0)
    assert {auth for auth, _ in handler.received} == {"Bearer k-123"}
    assert sorted(body["mobile"] for _, body in handler.received) == ["13911110010", "13911110011"]
    assert any(body["content"].startswith("尊敬的王芳女士") for _, body in handler.received)
    assert all(
        m.is_sent and m.sent_via == "sms_gateway"
        for m in desk.run(desk.receptionist, list_messages)
    )


def test_a_failing_gateway_records_the_failure_and_retries_later_never_losing_it(
    desk: SchedulingDesk, gateway, count_rows
) -> None:
    url, handler = gateway
    _book_two(desk)
    sender = HttpSmsGatewaySender(url=url, api_key="k")
    handler.answer = 503

    failed = deliver_due_messages(desk.database, desk.receptionist, sender, now=NOW)
    too_soon = deliver_due_messages(
        desk.database, desk.receptionist, sender, now=NOW + timedelta(seconds=30)
    )
    handler.answer = 200
    retried = deliver_due_messages(
        desk.database, desk.receptionist, sender, now=NOW + timedelta(minutes=2)
    )

    assert (failed.sent, failed.failed) == (0, 2)
    assert (too_soon.sent, too_soon.failed) == (0, 0)
    assert (retried.sent, retried.failed) == (2, 0)
    messages = desk.run(desk.receptionist, list_messages)
    assert all(
        m.is_sent and m.attempts == 2 and m.last_error.startswith("HTTP 503") for m in messages
    )
    assert count_rows(MessageAttempt) == 4


def test_an_unreachable_gateway_is_a_recorded_failure(desk: SchedulingDesk) -> None:
    _book_two(desk)
    sender = HttpSmsGatewaySender(url="http://127.0.0.1:9/none", api_key="k", timeout=2)

    result = deliver_due_messages(desk.database, desk.receptionist, sender, now=NOW)

    assert result.failed == 2
    assert all("unreachable" in m.last_error for m in desk.run(desk.receptionist, list_messages))


def test_a_marketing_clerk_sees_the_full_number_a_consultant_a_masked_one(
    desk: SchedulingDesk, actor_for
) -> None:
    _book_two(desk)
    assert desk.run(actor_for(Role.MARKETING), list_messages)[0].mobile_display.isdigit()
    assert "*" in desk.run(actor_for(Role.CONSULTANT), list_messages)[0].mobile_display


def test_the_send_messages_command_delivers_through_the_configured_gateway(
    desk: SchedulingDesk, gateway, monkeypatch, capsys
) -> None:  # noqa: ANN001
    from lorch_desk import cli, config

    url, handler = gateway
    _book_two(desk)
    monkeypatch.setenv(config.DATABASE_URL_ENV, str(desk.database.engine.url))
    assert cli.main(["send-messages"]) == 0
    assert "no SMS gateway configured" in capsys.readouterr().out
    assert handler.received == []

    with desk.database.unit_of_work(desk.admin) as uow:
        uow.session.add(ClinicSetting(key="sms.gateway", value={"url": url, "api_key": "k-9"}))
        uow.session.commit()
    assert cli.main(["send-messages"]) == 0

    assert "sent 2, failed 0" in capsys.readouterr().out
    assert sorted(body["mobile"] for _, body in handler.received) == ["13911110010", "13911110011"]
    assert all(m.is_sent for m in desk.run(desk.receptionist, list_messages))
