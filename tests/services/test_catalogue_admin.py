"""Headquarters keeps the service items and the rooms of every site: add, change, retire."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.organisation import Site
from lorch_desk.services import appointments, rooms, service_items
from lorch_desk.services.service_items import ServiceItemInput


def _item(code: str = "PH-01", name: str = "光子嫩肤", price: str = "680") -> ServiceItemInput:
    return ServiceItemInput(code=code, name=name, category="皮肤", unit_price=Decimal(price))


def test_a_service_item_is_changed_and_retired_and_leaves_the_offered_list(run, actor_for) -> None:  # noqa: ANN001
    admin = actor_for(Role.HQ_ADMIN)
    added = run(admin, service_items.add_service_item, data=_item())
    other = run(admin, service_items.add_service_item, data=_item("PH-02", "水光针", "1280"))
    changed = run(
        admin,
        service_items.update_service_item,
        item_id=added.id,
        data=ServiceItemInput(
            code="PH-01",
            name="光子嫩肤(疗程)",
            category="皮肤",
            unit_price=Decimal("3000.5"),
            sessions_per_course=5,
        ),
        is_active=False,
    )
    assert (changed.name, changed.unit_price, changed.sessions_per_course) == (
        "光子嫩肤(疗程)",
        Decimal("3000.50"),
        5,
    )
    assert not changed.is_active
    offered = run(admin, service_items.list_service_items)
    assert [row.code for row in offered] == ["PH-02"]
    every = run(admin, service_items.list_service_items, include_inactive=True)
    assert [(row.code, row.is_active) for row in every] == [("PH-01", False), ("PH-02", True)]
    with pytest.raises(ValidationFailed) as taken:
        run(admin, service_items.update_service_item, item_id=other.id, data=_item("PH-01"))
    assert taken.value.field == "code"
    with pytest.raises(PermissionDenied):
        run(
            actor_for(Role.BRANCH_MANAGER),
            service_items.update_service_item,
            item_id=other.id,
            data=_item("PH-02"),
        )


def test_headquarters_adds_renames_and_retires_rooms_of_a_branch(
    run, actor_for, system_actor
) -> None:  # noqa: ANN001
    admin = actor_for(Role.HQ_ADMIN)
    branch = Site(code="SH", name="上海分院", city="上海", is_headquarters=False)
    run(system_actor, lambda uow: (uow.session.add(branch), uow.session.flush()))
    sites = run(admin, rooms.list_sites)
    assert [site.code for site in sites] == ["BJ", "SH"]
    room = run(admin, rooms.add_room, site_id=branch.id, code="R1", name="治疗室一")
    run(admin, rooms.add_room, site_id=sites[0].id, code="R1", name="北京一号")
    assert (room.site_name, room.code, room.is_active) == ("上海分院", "R1", True)
    with pytest.raises(ValidationFailed) as taken:
        run(admin, rooms.add_room, site_id=branch.id, code="R1", name="又一间")
    assert taken.value.field == "code"

    renamed = run(admin, rooms.update_room, room_id=room.id, name="激光室", is_active=False)
    assert (renamed.name, renamed.is_active) == ("激光室", False)
    listed = run(admin, rooms.list_rooms)
    assert [(row.site_name, row.name, row.is_active) for row in listed] == [
        ("北京总部", "北京一号", True),
        ("上海分院", "激光室", False),
    ]
    # A retired room is no longer offered for booking.
    assert [b.name for b in run(admin, appointments.list_bookables) if b.kind == "room"] == [
        "北京一号"
    ]
    with pytest.raises(ValidationFailed):
        run(admin, rooms.update_room, room_id=room.id, name=" ", is_active=True)
    with pytest.raises(PermissionDenied):
        run(actor_for(Role.BRANCH_MANAGER), rooms.list_rooms)
