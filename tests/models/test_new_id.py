"""new_id: valid, unique, time-ordered UUIDv7 keys."""

from __future__ import annotations

import time
import uuid

from lorch_desk.models.base import new_id


def test_ids_are_uuid7_with_the_rfc_variant_and_always_increase() -> None:
    ids = [new_id() for _ in range(20_000)]
    assert all(type(i) is uuid.UUID and i.version == 7 for i in ids)
    assert all(i.variant == uuid.RFC_4122 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_the_timestamp_is_the_unix_millisecond_of_creation() -> None:
    before = time.time_ns() // 1_000_000
    made = new_id()
    after = time.time_ns() // 1_000_000
    assert before <= made.int >> 80 <= after + 1
