"""Documents addressed to another site than their owner's: which other node pulls a row.

A row travels to the nodes of its own site; a document one site writes for another travels
to that site too (SYNC.md: "documents addressed to it"). One rule per table, a correlated
expression from the row to the site it is addressed to:

- stock_move: the site holding its to-location, else the one holding its from-location
  (HQ's move from its store into a branch's transit location reaches the branch);
- requisition, requisition_line: the site of the supplying warehouse;
- requisition_decision: the site that made the requisition;
- shipment, shipment_line: the site of the receiving warehouse, else the requisition's site;
- shipment_receipt, shipment_receipt_line: the site that sent the shipment.

An answer equal to the row's own site means nobody else (hq_feed stores None then).
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import ColumnElement, func, select

from lorch_desk.models.catalogue import Location, Warehouse
from lorch_desk.models.shipments import (
    Requisition,
    RequisitionDecision,
    RequisitionLine,
    Shipment,
    ShipmentLine,
    ShipmentReceipt,
    ShipmentReceiptLine,
)
from lorch_desk.models.stock import StockMove


def _warehouse_site(warehouse_id: Any) -> ColumnElement[Any]:
    return select(Warehouse.branch_site_id).where(Warehouse.id == warehouse_id).scalar_subquery()


def _location_site(location_id: Any) -> ColumnElement[Any]:
    return (
        select(Warehouse.branch_site_id)
        .join(Location, Location.warehouse_id == Warehouse.id)
        .where(Location.id == location_id)
        .scalar_subquery()
    )


def _requisition_site(requisition_id: Any) -> ColumnElement[Any]:
    return select(Requisition.site_id).where(Requisition.id == requisition_id).scalar_subquery()


def _shipment_addressee() -> ColumnElement[Any]:
    """Of a Shipment row in the enclosing query."""
    return func.coalesce(
        _warehouse_site(Shipment.to_warehouse_id), _requisition_site(Shipment.requisition_id)
    )


def _sender_of_shipment(shipment_id: Any) -> ColumnElement[Any]:
    return select(Shipment.site_id).where(Shipment.id == shipment_id).scalar_subquery()


@functools.cache
def addressee_rules() -> dict[str, tuple[Any, ColumnElement[Any]]]:
    """{table name: (model, the site a row of it is addressed to)}."""
    return {
        "stock_move": (
            StockMove,
            func.coalesce(
                func.nullif(_location_site(StockMove.to_location_id), StockMove.site_id),
                _location_site(StockMove.from_location_id),
            ),
        ),
        "requisition": (Requisition, _warehouse_site(Requisition.supply_warehouse_id)),
        "requisition_line": (
            RequisitionLine,
            select(_warehouse_site(Requisition.supply_warehouse_id))
            .where(Requisition.id == RequisitionLine.requisition_id)
            .scalar_subquery(),
        ),
        "requisition_decision": (
            RequisitionDecision,
            _requisition_site(RequisitionDecision.requisition_id),
        ),
        "shipment": (Shipment, _shipment_addressee()),
        "shipment_line": (
            ShipmentLine,
            select(_shipment_addressee())
            .where(Shipment.id == ShipmentLine.shipment_id)
            .scalar_subquery(),
        ),
        "shipment_receipt": (ShipmentReceipt, _sender_of_shipment(ShipmentReceipt.shipment_id)),
        "shipment_receipt_line": (
            ShipmentReceiptLine,
            select(_sender_of_shipment(ShipmentReceipt.shipment_id))
            .where(ShipmentReceipt.id == ShipmentReceiptLine.receipt_id)
            .scalar_subquery(),
        ),
    }
