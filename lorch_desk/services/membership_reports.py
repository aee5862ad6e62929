"""Membership reports: members per tier and site, and tier movements per review period."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.labels import Label
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.progress import Progress
from lorch_desk.domain.tables import Column, ColumnKind
from lorch_desk.models.customer import Customer
from lorch_desk.models.membership import MemberTier, TierEvaluation
from lorch_desk.models.organisation import Site
from lorch_desk.services.membership import current_tier_statement, lowest_tier_code, tier_rules
from lorch_desk.services.reports import ReportDefinition

AREA = "membership"

_DISTRIBUTION_COLUMNS = (
    Column("site", Label("所属中心", "Site"), ColumnKind.TEXT, 14),
    Column("tier", Label("会员等级", "Tier"), ColumnKind.TEXT, 10),
    Column("members", Label("人数", "Members"), ColumnKind.INTEGER, 10),
    Column("share", Label("占本中心%", "Share of site %"), ColumnKind.DECIMAL, 10),
)


def distribution_rows(
    uow: UnitOfWork, _parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per site and tier: how many customers hold it now (none changed yet: the lowest tier)."""
    current = current_tier_statement().subquery()
    held = func.coalesce(current.c.tier_code, lowest_tier_code(tier_rules(uow))).label("held")
    statement = (
        select(Site.name, held, func.count())
        .select_from(Customer)
        .join(Site, Site.id == Customer.site_id)
        .outerjoin(current, current.c.customer_id == Customer.id)
        .where(Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None))
        .group_by(Site.name, held)
    )
    tiers = {tier.code: (tier.rank, tier.name) for tier in uow.session.scalars(select(MemberTier))}
    rows = sorted(
        uow.session.execute(statement).all(),
        key=lambda row: (row[0], tiers.get(row[1], (0, ""))[0]),
    )
    per_site: dict[str, int] = {}
    for site, _tier, count in rows:
        per_site[site] = per_site.get(site, 0) + count
    for site, tier, count in rows:
        yield {
            "site": site,
            "tier": tiers.get(tier, (0, tier or ""))[1],
            "members": int(count),
            "share": (Decimal(100) * count / per_site[site]).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            ),
        }


DISTRIBUTION = ReportDefinition(
    key="membership.distribution",
    area=AREA,
    title=Label("会员等级分布", "Membership distribution by tier"),
    parameters=(),
    columns=_DISTRIBUTION_COLUMNS,
    action=Action.REPORT_RUN,
    run=distribution_rows,
)

_MOVEMENT_COLUMNS = (
    Column("period", Label("考核期", "Period"), ColumnKind.TEXT, 10),
    Column("site", Label("所属中心", "Site"), ColumnKind.TEXT, 14),
    Column("customers", Label("参评人数", "Customers evaluated"), ColumnKind.INTEGER, 10),
    Column("upgrades", Label("升级", "Upgrades"), ColumnKind.INTEGER, 8),
    Column("downgrades", Label("降级", "Downgrades"), ColumnKind.INTEGER, 8),
)


def movement_rows(
    uow: UnitOfWork, _parameters: Mapping[str, object], _progress: Progress
) -> Iterator[dict[str, object]]:
    """Per review period and site: upgrades and downgrades of the re-evaluations run."""
    statement = (
        select(
            TierEvaluation.period_label,
            Site.name,
            func.max(TierEvaluation.customers),
            func.sum(TierEvaluation.upgrades),
            func.sum(TierEvaluation.downgrades),
        )
        .join(Site, Site.id == TierEvaluation.site_id)
        .where(TierEvaluation.deleted_at.is_(None))
        .group_by(TierEvaluation.period_label, Site.name)
        .order_by(TierEvaluation.period_label.desc(), Site.name)
    )
    for period, site, customers, upgrades, downgrades in uow.session.execute(statement):
        yield {
            "period": period,
            "site": site,
            "customers": int(customers or 0),
            "upgrades": int(upgrades or 0),
            "downgrades": int(downgrades or 0),
        }


MOVEMENTS = ReportDefinition(
    key="membership.movements",
    area=AREA,
    title=Label("会员升降级统计", "Tier upgrades and downgrades per period"),
    parameters=(),
    columns=_MOVEMENT_COLUMNS,
    action=Action.REPORT_RUN,
    run=movement_rows,
)

REPORTS = (DISTRIBUTION, MOVEMENTS)
