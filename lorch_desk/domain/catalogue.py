"""Kinds of things the clinic stocks and where they lie (pure enums of the warehouse)."""

from __future__ import annotations

from enum import StrEnum


class ProductCategory(StrEnum):
    NUTRIENT = "nutrient"
    DRUG = "drug"
    # Chinese herbs (中药饮片) are stocked and dispensed by weight, in grams.
    HERB = "herb"
    CONSUMABLE = "consumable"
    SERVICE_MATERIAL = "service_material"


class LocationKind(StrEnum):
    """Storage holds goods; the others are the virtual ends of double-entry moves."""

    STORAGE = "storage"
    SUPPLIER = "supplier"
    CUSTOMER = "customer"
    TRANSIT = "transit"
    SCRAP = "scrap"
    ADJUSTMENT = "adjustment"

    @property
    def holds_goods(self) -> bool:
        """Goods physically lie here, so the balance may never go below zero."""
        return self in {LocationKind.STORAGE, LocationKind.TRANSIT}


class MoveDocument(StrEnum):
    """What kind of document caused a stock move."""

    RECEIPT = "purchase_receipt"
    COUNT = "stock_count"
    DESTRUCTION = "destruction"
    CORRECTION = "correction"
    DISPENSE = "dispense"
    TRANSFER = "transfer"
    SHIPMENT = "shipment"
    SHIPMENT_RECEIPT = "shipment_receipt"


class DestructionReason(StrEnum):
    EXPIRED = "expired"
    DAMAGED = "damaged"
    RECALLED = "recalled"


class DestructionStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    POSTED = "posted"
