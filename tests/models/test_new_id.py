"""new_id: valid, unique, time-ordered UUIDv7 keys."""

from __future__ import annotations

import time
import uuid

import time_machine

from lorch_desk.models.base import new_id


def test_ids_are_uuid7_with_the_rfc_variant_and_always_increase() -> None:
    ids = [new_id() for _ in range(20_000)]
    assert all(type(i) is uuid.UUID and i.version == 7 for i in ids)
    assert all(i.variant == uuid.RFC_4122 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_the_timestamp_is_the_unix_millisecond_of_creation() -> None:
    # The system's own clock: ids come from it even when a test moves Python's clock.
    hatch = time_machine.escape_hatch
    real_time_ns = hatch.time.time_ns if hatch.is_travelling() else time.time_ns
    before = real_time_ns() // 1_000_000
    made = new_id()
    after = real_time_ns() // 1_000_000
    assert before <= made.int >> 80 <= after + 1
