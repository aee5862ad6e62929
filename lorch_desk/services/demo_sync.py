"""Demo sync data: enrolled branch nodes, one address conflict and one rejected change."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.models.base import new_id
from lorch_desk.models.customer import Customer
from lorch_desk.models.organisation import Site
from lorch_desk.models.sync import SyncConflict, SyncNode, SyncRejection
from lorch_desk.services.sync_enrolment import hash_token


def seed_demo_sync(uow: UnitOfWork, *, now: datetime) -> None:
    """What an HQ administrator finds in the Sync tab of the demo."""
    branches = uow.session.scalars(
        select(Site).where(Site.is_headquarters.is_(False)).order_by(Site.code)
    ).all()
    for site in branches:
        uow.session.add(
            SyncNode(
                site_id=site.id,
                name=f"{site.code}-前台",
                token_hash=hash_token(secrets.token_urlsafe(32)),
                enrolled_at=now - timedelta(days=30),
                last_seen_at=now - timedelta(minutes=3),
            )
        )
    customer = uow.session.scalars(select(Customer).order_by(Customer.file_number).limit(1)).first()
    if customer is None or not branches:
        return
    node_id = new_id()
    uow.session.add(
        SyncConflict(
            op_id=new_id(),
            node_id=node_id,
            table_name="customer",
            row_id=customer.id,
            field="address",
            base_value=customer.address,
            kept_value=customer.address or "北京市朝阳区建国路88号",
            other_value="上海市徐汇区漕溪北路201号",
            recorded_at=now - timedelta(hours=2),
        )
    )
    uow.session.add(
        SyncRejection(
            op_id=new_id(),
            node_id=node_id,
            table_name="institution",
            row_id=new_id(),
            reason="central_table",
            changes={"name": "徐汇社区卫生服务中心"},
            recorded_at=now - timedelta(hours=5),
        )
    )
    uow.session.flush()
