"""The catalogue: products, suppliers, warehouses and their locations (central data)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pypinyin import Style, lazy_pinyin
from sqlalchemy import or_, select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import LocationKind, ProductCategory
from lorch_desk.domain.errors import NotFound, UnknownBarcode, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.catalogue import Location, Product, Supplier, Warehouse
from lorch_desk.models.organisation import Site
from lorch_desk.services.access import require

# Every warehouse gets these virtual ends for its double-entry moves, plus one storage area.
_VIRTUAL_LOCATIONS: tuple[tuple[LocationKind, str, str], ...] = (
    (LocationKind.SUPPLIER, "SUP", "供应商"),
    (LocationKind.CUSTOMER, "CUS", "客户"),
    (LocationKind.TRANSIT, "TRN", "在途"),
    (LocationKind.SCRAP, "SCR", "销毁"),
    (LocationKind.ADJUSTMENT, "ADJ", "盘点差异"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductInput:
    code: str
    name: str
    unit: str
    category: ProductCategory | str
    barcode: str | None = None
    specification: str = ""
    sale_price: Decimal | str = Decimal("0")
    cost: Decimal | str = Decimal("0")
    reorder_point: Decimal | str = Decimal("0")
    shelf_life_warning_days: int = 90
    ingredients: str = ""
    allergens: str = ""


@dataclass(frozen=True, slots=True)
class ProductRow:
    product_id: uuid.UUID
    code: str
    barcode: str | None
    name: str
    specification: str
    unit: str
    category: ProductCategory
    sale_price: Decimal
    cost: Decimal
    reorder_point: Decimal
    shelf_life_warning_days: int
    allergens: str
    active: bool


@dataclass(frozen=True, slots=True)
class WarehouseRow:
    warehouse_id: uuid.UUID
    code: str
    name: str
    branch_site_id: uuid.UUID
    is_central: bool


@dataclass(frozen=True, slots=True)
class LocationRow:
    location_id: uuid.UUID
    warehouse_id: uuid.UUID
    code: str
    name: str
    kind: LocationKind


def product_row(product: Product) -> ProductRow:
    return ProductRow(
        product.id,
        product.code,
        product.barcode,
        product.name,
        product.specification,
        product.unit,
        ProductCategory(product.category),
        product.sale_price,
        product.cost,
        product.reorder_point,
        product.shelf_life_warning_days,
        product.allergens,
        product.active,
    )


def parse_decimal(
    value: Decimal | str | int, *, field: str, minimum: Decimal = Decimal(0)
) -> Decimal:
    """A Decimal from typed text; ValidationFailed when it is not a number or below `minimum`."""
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationFailed(field=field, rule="number") from None
    if not number.is_finite():
        raise ValidationFailed(field=field, rule="number")
    if number < minimum:
        raise ValidationFailed(field=field, rule="minimum", minimum=str(minimum))
    return number


def name_initials(name: str) -> str:
    """Pinyin initials of a product name (黄芪 -> hq), letters and digits kept as typed."""
    return "".join(part[0] for part in lazy_pinyin(name, style=Style.FIRST_LETTER) if part).lower()[
        :50
    ]


def create_product(uow: UnitOfWork, data: ProductInput) -> ProductRow:
    """Add a product to the catalogue (headquarters only)."""
    require(uow.actor, Action.CATALOGUE_EDIT)
    code, name, unit = data.code.strip(), data.name.strip(), data.unit.strip()
    for field, value in (("code", code), ("name", name), ("unit", unit)):
        if not value:
            raise ValidationFailed(field=field, rule="required")
    if data.category not in set(ProductCategory):
        raise ValidationFailed(field="category", rule="choice")
    barcode = (data.barcode or "").strip() or None
    taken = uow.session.scalar(
        select(Product.id).where(or_(Product.code == code, Product.barcode == (barcode or code)))
    )
    if taken is not None:
        raise ValidationFailed(field="code", rule="taken")
    product = Product(
        code=code,
        barcode=barcode,
        name=name,
        name_initials=name_initials(name),
        specification=data.specification.strip(),
        unit=unit,
        category=ProductCategory(data.category).value,
        sale_price=parse_decimal(data.sale_price, field="sale_price"),
        cost=parse_decimal(data.cost, field="cost"),
        reorder_point=parse_decimal(data.reorder_point, field="reorder_point"),
        shelf_life_warning_days=data.shelf_life_warning_days,
        ingredients=data.ingredients,
        allergens=data.allergens,
        active=True,
    )
    uow.session.add(product)
    uow.session.flush()
    return product_row(product)


def create_supplier(
    uow: UnitOfWork, *, code: str, name: str, contact: str = "", phone: str = ""
) -> uuid.UUID:
    """Add a supplier (headquarters only)."""
    require(uow.actor, Action.CATALOGUE_EDIT)
    if not code.strip() or not name.strip():
        raise ValidationFailed(field="name" if code.strip() else "code", rule="required")
    supplier = Supplier(
        code=code.strip(), name=name.strip(), contact=contact, phone=phone, active=True
    )
    uow.session.add(supplier)
    uow.session.flush()
    return supplier.id


def create_warehouse(
    uow: UnitOfWork,
    *,
    code: str,
    name: str,
    branch_site_id: uuid.UUID,
    is_central: bool = False,
    storage: tuple[tuple[str, str], ...] = (("A01", "主库区"),),
) -> WarehouseRow:
    """A warehouse with its storage areas and the virtual locations moves need."""
    require(uow.actor, Action.CATALOGUE_EDIT)
    if not code.strip() or not name.strip():
        raise ValidationFailed(field="name" if code.strip() else "code", rule="required")
    warehouse = Warehouse(
        code=code.strip(), name=name.strip(), branch_site_id=branch_site_id, is_central=is_central
    )
    uow.session.add(warehouse)
    uow.session.flush()
    for kind, loc_code, loc_name in _VIRTUAL_LOCATIONS:
        uow.session.add(
            Location(warehouse_id=warehouse.id, code=loc_code, name=loc_name, kind=kind.value)
        )
    for loc_code, loc_name in storage:
        uow.session.add(
            Location(
                warehouse_id=warehouse.id,
                code=loc_code,
                name=loc_name,
                kind=LocationKind.STORAGE.value,
            )
        )
    uow.session.flush()
    return WarehouseRow(warehouse.id, warehouse.code, warehouse.name, branch_site_id, is_central)


def list_products(uow: UnitOfWork, text: str = "", *, limit: int = 200) -> list[ProductRow]:
    """Active products whose code, barcode, name or pinyin initials start with / contain `text`."""
    require(uow.actor, Action.STOCK_VIEW)
    query = select(Product).where(Product.active.is_(True), Product.deleted_at.is_(None))
    text = text.strip()
    if text:
        query = query.where(
            or_(
                Product.code.startswith(text),
                Product.barcode == text,
                Product.name.contains(text),
                Product.name_initials.startswith(text.lower()),
            )
        )
    return [product_row(p) for p in uow.session.scalars(query.order_by(Product.code).limit(limit))]


def product_by_barcode(uow: UnitOfWork, code: str) -> ProductRow:
    """The product a scanner read (its barcode, or its product code typed by hand)."""
    code = code.strip()
    product = uow.session.scalar(
        select(Product).where(or_(Product.barcode == code, Product.code == code)).limit(1)
    )
    if product is None or not code:
        raise UnknownBarcode(barcode=code)
    return product_row(product)


def get_product(uow: UnitOfWork, product_id: uuid.UUID) -> Product:
    product = uow.session.get(Product, product_id)
    if product is None:
        raise NotFound(table="product", id=str(product_id))
    return product


def list_warehouses(uow: UnitOfWork, *, site_id: uuid.UUID | None = None) -> list[WarehouseRow]:
    """Warehouses, central first; only those of `site_id` when given."""
    query = select(Warehouse).where(Warehouse.active.is_(True))
    if site_id is not None:
        query = query.where(Warehouse.branch_site_id == site_id)
    rows = uow.session.scalars(query.order_by(Warehouse.is_central.desc(), Warehouse.code))
    return [WarehouseRow(w.id, w.code, w.name, w.branch_site_id, w.is_central) for w in rows]


def visible_warehouses(uow: UnitOfWork) -> list[WarehouseRow]:
    """Headquarters sees every warehouse; a branch centre sees its own."""
    require(uow.actor, Action.STOCK_VIEW)
    site = uow.session.get(Site, uow.actor.site_id)
    at_headquarters = site is not None and site.is_headquarters
    return list_warehouses(uow, site_id=None if at_headquarters else uow.actor.site_id)


def list_locations(
    uow: UnitOfWork, warehouse_id: uuid.UUID, *, kind: LocationKind | None = LocationKind.STORAGE
) -> list[LocationRow]:
    """Locations of a warehouse (its storage areas unless another kind is asked for)."""
    query = select(Location).where(Location.warehouse_id == warehouse_id)
    if kind is not None:
        query = query.where(Location.kind == kind.value)
    return [
        LocationRow(loc.id, loc.warehouse_id, loc.code, loc.name, LocationKind(loc.kind))
        for loc in uow.session.scalars(query.order_by(Location.code))
    ]


def virtual_location(uow: UnitOfWork, warehouse_id: uuid.UUID, kind: LocationKind) -> uuid.UUID:
    """The id of a warehouse's virtual location of `kind` (supplier, scrap, ...)."""
    location_id = uow.session.scalar(
        select(Location.id).where(
            Location.warehouse_id == warehouse_id, Location.kind == kind.value
        )
    )
    if location_id is None:
        raise NotFound(table="location", kind=kind.value)
    return location_id


def get_warehouse(uow: UnitOfWork, warehouse_id: uuid.UUID) -> Warehouse:
    warehouse = uow.session.get(Warehouse, warehouse_id)
    if warehouse is None:
        raise NotFound(table="warehouse", id=str(warehouse_id))
    return warehouse
