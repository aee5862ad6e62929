"""Senders of the message outbox: kept for staff (default) or an HTTP SMS gateway."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select

from lorch_desk.db.unit_of_work import Database, UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.models.base import utc_now
from lorch_desk.models.organisation import ClinicSetting
from lorch_desk.services import messages

GATEWAY_SETTING_KEY = "sms.gateway"
GATEWAY_TIMEOUT_SECONDS = 10.0


class SendFailed(Exception):
    """A sender could not deliver one message; the text is recorded on it."""


class MessageSender(Protocol):
    """Sends one text to one mobile number, or raises SendFailed."""

    name: str
    is_automatic: bool

    def send(self, mobile: str, body: str) -> None: ...


class ManualSender:
    """The default: nothing goes out by itself; staff send by hand and mark the message sent."""

    name = "manual"
    is_automatic = False

    def send(self, mobile: str, body: str) -> None:
        raise SendFailed("no automatic sender configured")


@dataclass(frozen=True, slots=True)
class HttpSmsGatewaySender:
    """POSTs {"mobile", "content"} as JSON with a bearer key; any 2xx answer means sent."""

    url: str
    api_key: str
    timeout: float = GATEWAY_TIMEOUT_SECONDS
    name: str = "sms_gateway"
    is_automatic: bool = True

    def send(self, mobile: str, body: str) -> None:
        payload = json.dumps({"mobile": mobile, "content": body}, ensure_ascii=False)
        request = urllib.request.Request(
            self.url,
            data=payload.encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Authorization": f"Bearer {self.api_key}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                status = answer.status
        except urllib.error.HTTPError as error:
            raise SendFailed(f"HTTP {error.code}: {error.reason}") from error
        except (urllib.error.URLError, OSError) as error:
            raise SendFailed(f"gateway unreachable: {error}") from error
        if not 200 <= status < 300:
            raise SendFailed(f"HTTP {status}")


def sender_from_settings(uow: UnitOfWork) -> MessageSender:
    """The gateway of clinic setting `sms.gateway` ({"url", "api_key"}), else the manual one."""
    value = uow.session.scalars(
        select(ClinicSetting.value).where(
            ClinicSetting.key == GATEWAY_SETTING_KEY, ClinicSetting.deleted_at.is_(None)
        )
    ).first()
    if isinstance(value, dict) and str(value.get("url", "")).startswith(("http://", "https://")):
        return HttpSmsGatewaySender(url=str(value["url"]), api_key=str(value.get("api_key", "")))
    return ManualSender()


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    sent: int
    failed: int


def deliver_due_messages(
    database: Database, actor: Actor, sender: MessageSender, *, now: datetime | None = None
) -> DeliveryResult:
    """Try every due message through `sender`, each attempt recorded in its own transaction.

    The network call runs outside any transaction; a crash between sending and recording
    means the message is sent again later (at least once), never lost.
    """
    if not sender.is_automatic:
        return DeliveryResult(0, 0)
    moment = now or utc_now()
    due, _ = database.run(
        actor, lambda uow, _p: messages.list_due_messages(uow, now=moment), read_only=True
    )
    sent = failed = 0
    for message in due:
        error = ""
        try:
            sender.send(message.mobile, message.body)
        except SendFailed as refusal:
            error = str(refusal) or "failed"
        database.run(
            actor,
            lambda uow, _p, m=message, e=error: messages.record_attempt(
                uow, message_id=m.id, sender=sender.name, error=e, now=moment
            ),
        )
        sent, failed = (sent + 1, failed) if not error else (sent, failed + 1)
    return DeliveryResult(sent, failed)
