"""The demo's warehouse: a Chinese catalogue, a central warehouse and one per branch centre,
receipts with batches and expiries (some near expiry, one expired), an open purchase order,
a posted and an open stock count, a destruction waiting for approval, and shipments and
requisitions (services/demo_shipments.py)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import DestructionReason, ProductCategory
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.stock_count import CountScope
from lorch_desk.models.organisation import Site
from lorch_desk.services import catalogue, demo_shipments, destruction, receipts, stock_counts
from lorch_desk.services.catalogue import ProductInput

N, D, H, C, S = (
    ProductCategory.NUTRIENT,
    ProductCategory.DRUG,
    ProductCategory.HERB,
    ProductCategory.CONSUMABLE,
    ProductCategory.SERVICE_MATERIAL,
)
# code, name, specification, unit, category, cost, sale price, reorder point, allergens
PRODUCTS: tuple[tuple[str, str, str, str, ProductCategory, str, str, str, str], ...] = (
    ("N1001", "维生素C片", "100片/瓶", "瓶", N, "38.00", "128.00", "30", ""),
    ("N1002", "维生素D3软胶囊", "60粒/瓶", "瓶", N, "45.00", "158.00", "30", "大豆油"),
    ("N1003", "深海鱼油软胶囊", "100粒/瓶", "瓶", N, "62.00", "198.00", "20", "鱼油, 明胶"),
    ("N1004", "辅酶Q10胶囊", "60粒/瓶", "瓶", N, "88.00", "268.00", "15", ""),
    ("N1005", "益生菌粉", "2g×30袋/盒", "盒", N, "56.00", "188.00", "20", "乳制品"),
    ("N1006", "钙镁锌片", "90片/瓶", "瓶", N, "35.00", "118.00", "20", ""),
    ("N1007", "叶酸片", "0.4mg×60片/瓶", "瓶", N, "18.00", "58.00", "10", ""),
    ("N1008", "乳清蛋白粉", "900g/罐", "罐", N, "120.00", "368.00", "10", "乳制品"),
    ("N1009", "复合维生素B片", "100片/瓶", "瓶", N, "32.00", "98.00", "20", ""),
    ("D2001", "阿莫西林胶囊", "0.25g×24粒/盒", "盒", D, "9.50", "23.00", "40", "青霉素类"),
    ("D2002", "布洛芬缓释胶囊", "0.3g×20粒/盒", "盒", D, "8.20", "19.80", "40", ""),
    ("D2003", "氯雷他定片", "10mg×6片/盒", "盒", D, "12.00", "28.00", "30", ""),
    ("D2004", "蒙脱石散", "3g×10袋/盒", "盒", D, "10.50", "25.00", "20", ""),
    ("D2005", "奥美拉唑肠溶胶囊", "20mg×14粒/盒", "盒", D, "14.00", "32.00", "20", ""),
    ("H3001", "黄芪", "饮片 切片", "克", H, "0.12", "0.35", "3000", ""),
    ("H3002", "当归", "饮片 全归片", "克", H, "0.28", "0.80", "2000", ""),
    ("H3003", "党参", "饮片 段", "克", H, "0.22", "0.65", "2000", ""),
    ("H3004", "白术", "饮片 麸炒", "克", H, "0.16", "0.48", "2000", ""),
    ("H3005", "茯苓", "饮片 块", "克", H, "0.10", "0.30", "2000", ""),
    ("H3006", "炙甘草", "饮片 蜜炙", "克", H, "0.09", "0.28", "1500", ""),
    ("H3007", "川芎", "饮片 片", "克", H, "0.18", "0.52", "1500", ""),
    ("H3008", "熟地黄", "饮片 片", "克", H, "0.15", "0.45", "1500", ""),
    ("H3009", "枸杞子", "宁夏 特级", "克", H, "0.14", "0.40", "2000", ""),
    ("H3010", "陈皮", "新会 三年", "克", H, "0.20", "0.60", "1000", ""),
    ("C4001", "医用纱布块", "7.5cm×7.5cm×8层 10片/包", "包", C, "2.80", "6.00", "100", ""),
    ("C4002", "一次性注射器", "5ml 带针", "支", C, "0.45", "1.50", "500", ""),
    ("C4003", "医用外科口罩", "50只/盒", "盒", C, "18.00", "35.00", "50", ""),
    ("C4004", "酒精棉片", "100片/盒", "盒", C, "6.50", "15.00", "50", ""),
    ("C4005", "一次性丁腈手套", "M 100只/盒", "盒", C, "28.00", "52.00", "30", "丁腈"),
    ("S5001", "艾条", "纯艾 10支/盒", "盒", S, "15.00", "45.00", "30", "艾草"),
    ("S5002", "刮痧油", "100ml/瓶", "瓶", S, "12.00", "38.00", "20", ""),
    ("S5003", "补水面膜贴", "25ml×5片/盒", "盒", S, "22.00", "88.00", "30", ""),
    ("S5004", "按摩精油", "玫瑰 100ml/瓶", "瓶", S, "36.00", "128.00", "15", "玫瑰精油"),
)
SUPPLIERS = (
    ("SUP01", "国药控股北京有限公司", "刘经理", "010-82886688"),
    ("SUP02", "汤臣倍健股份有限公司", "陈经理", "020-82255888"),
    ("SUP03", "康美药业股份有限公司", "黄经理", "0663-8827777"),
    ("SUP04", "稳健医疗用品股份有限公司", "吴经理", "0755-28066858"),
)
_SUPPLIER_OF = {N: "SUP02", D: "SUP01", H: "SUP03", C: "SUP04", S: "SUP04"}


def seed_demo_warehouse(uow: UnitOfWork, *, now: datetime, seed: int = 4) -> None:
    """Add the demo catalogue and stock (the actor is the headquarters system actor)."""
    rng = random.Random(seed)
    products = {
        row[0]: catalogue.create_product(
            uow,
            ProductInput(
                code=row[0],
                barcode=f"69{rng.randrange(10**10, 10**11)}",
                name=row[1],
                specification=row[2],
                unit=row[3],
                category=row[4],
                cost=row[5],
                sale_price=row[6],
                reorder_point=row[7],
                allergens=row[8],
                ingredients=row[8],
                shelf_life_warning_days=60 if row[4] is ProductCategory.HERB else 90,
            ),
        )
        for row in PRODUCTS
    }
    suppliers = {
        code: catalogue.create_supplier(uow, code=code, name=name, contact=contact, phone=phone)
        for code, name, contact, phone in SUPPLIERS
    }
    sites = uow.session.scalars(select(Site).order_by(Site.is_headquarters.desc(), Site.code)).all()
    warehouses = []
    for site in sites:
        if site.is_headquarters:
            storage = (("A01", "常温区"), ("B01", "阴凉区"), ("C01", "中药饮片库"))
            name = "北京总库房" if site.code == "BJ" else f"{site.name}总库房"
        else:
            storage = (("A01", "药房货架"), ("C01", "中药斗柜"))
            name = f"{site.name}库房"
        warehouses.append(
            catalogue.create_warehouse(
                uow,
                code=f"{site.code}-WH",
                name=name,
                branch_site_id=site.id,
                is_central=site.is_headquarters,
                storage=storage,
            )
        )
    today = clinic_time(now).date()
    for index, warehouse in enumerate(warehouses):
        shelves = {
            loc.code: loc.location_id
            for loc in catalogue.list_locations(uow, warehouse.warehouse_id)
        }
        scale = 1 if warehouse.is_central else 0.2
        for days_ago in (80, 45, 12):
            when = now - timedelta(days=days_ago + index)
            for category, supplier in _SUPPLIER_OF.items():
                lines = []
                for code, row in products.items():
                    if row.category is not category or rng.random() < 0.3:
                        continue
                    is_herb = category is ProductCategory.HERB
                    quantity = Decimal(
                        rng.choice((1000, 2000, 5000) if is_herb else (20, 40, 60, 100))
                    )
                    quantity = max(
                        (quantity * Decimal(str(scale))).quantize(Decimal(1)), Decimal(1)
                    )
                    # A few batches close to their expiry date, so the alerts have something to say.
                    life = (
                        rng.choice((25, 50, 200, 400, 700))
                        if rng.random() < 0.25
                        else rng.randint(300, 900)
                    )
                    lines.append(
                        receipts.ReceiptLineInput(
                            product_id=row.product_id,
                            batch=f"{(today - timedelta(days=days_ago)).strftime('%y%m%d')}{code[-2:]}",
                            expiry=today + timedelta(days=life),
                            quantity=quantity,
                            unit_cost=row.cost,
                        )
                    )
                if lines:
                    location = shelves.get("C01") if category is ProductCategory.HERB else None
                    receipts.receive(
                        uow,
                        receipts.ReceiptInput(
                            supplier_id=suppliers[supplier],
                            warehouse_id=warehouse.warehouse_id,
                            location_id=location or shelves["A01"],
                            lines=tuple(lines),
                        ),
                        now=when,
                    )
    central = warehouses[0]
    shelves = {
        loc.code: loc.location_id for loc in catalogue.list_locations(uow, central.warehouse_id)
    }
    _expired_batch(uow, central.warehouse_id, shelves["B01"], suppliers["SUP01"], products, now)
    _open_order(uow, central.warehouse_id, suppliers["SUP02"], products, shelves["A01"], now)
    demo_shipments.seed_demo_shipments(uow, central, warehouses[1:], now=now)
    _counts(uow, central.warehouse_id, shelves["C01"], rng, now)


def _expired_batch(uow, warehouse_id, shelf, supplier_id, products, now) -> None:  # noqa: ANN001
    """A batch received long ago that has expired, with its destruction requested."""
    today = clinic_time(now).date()
    product = products["D2004"]
    receipts.receive(
        uow,
        receipts.ReceiptInput(
            supplier_id=supplier_id,
            warehouse_id=warehouse_id,
            location_id=shelf,
            lines=(
                receipts.ReceiptLineInput(
                    product_id=product.product_id,
                    batch="MT230915",
                    expiry=today - timedelta(days=20),
                    quantity=Decimal(12),
                    unit_cost=product.cost,
                ),
            ),
        ),
        now=now - timedelta(days=700),
    )
    destruction.request_destruction(
        uow,
        warehouse_id=warehouse_id,
        reason=DestructionReason.EXPIRED,
        reason_note="过期药品，按规定集中销毁",
        lines=[
            destruction.DestructionLineInput(
                product_id=product.product_id,
                location_id=shelf,
                batch="MT230915",
                quantity=Decimal(12),
            )
        ],
    )


def _open_order(uow, warehouse_id, supplier_id, products, shelf, now) -> None:  # noqa: ANN001
    """A purchase order of nutrients, half received."""
    order = receipts.create_purchase_order(
        uow,
        supplier_id=supplier_id,
        warehouse_id=warehouse_id,
        lines=tuple(
            receipts.OrderLineInput(
                product_id=products[code].product_id,
                quantity=Decimal(qty),
                unit_cost=products[code].cost,
            )
            for code, qty in (("N1001", 120), ("N1003", 60), ("N1004", 40))
        ),
        notes="季度备货（按三个月销量）",
    )
    line = next(
        ln for ln in receipts.order_lines(uow, order.order_id) if ln.product_code == "N1001"
    )
    today = clinic_time(now).date()
    receipts.receive(
        uow,
        receipts.ReceiptInput(
            supplier_id=supplier_id,
            warehouse_id=warehouse_id,
            location_id=shelf,
            purchase_order_id=order.order_id,
            lines=(
                receipts.ReceiptLineInput(
                    product_id=line.product_id,
                    batch=f"VC{today.strftime('%y%m')}A",
                    expiry=today + timedelta(days=540),
                    quantity=Decimal(60),
                    unit_cost=line.unit_cost,
                    order_line_id=line.order_line_id,
                ),
            ),
        ),
        now=now - timedelta(days=2),
    )


def _counts(uow, warehouse_id, herb_shelf, rng, now) -> None:  # noqa: ANN001
    """Last month's herb count, posted with small variances; today's count half done."""
    done = stock_counts.create_count(
        uow,
        warehouse_id=warehouse_id,
        scope=CountScope.LOCATION,
        location_id=herb_shelf,
        now=now - timedelta(days=10),
    )
    lines = stock_counts.count_lines(uow, done.count_id)
    entries = []
    for line in lines:
        quantity = line.snapshot_quantity or Decimal(0)
        entries.append(
            (
                line.line_id,
                quantity - rng.choice((0, 0, 0, 5, 12, -8)) if quantity > 20 else quantity,
            )
        )
    stock_counts.enter_counts(uow, done.count_id, entries)
    stock_counts.submit_count(uow, done.count_id)
    stock_counts.approve_count(uow, done.count_id)
    stock_counts.post_count(uow, done.count_id, now=now - timedelta(days=9))
    today_count = stock_counts.create_count(
        uow,
        warehouse_id=warehouse_id,
        scope=CountScope.CATEGORY,
        category=ProductCategory.NUTRIENT,
        now=now,
    )
    lines = stock_counts.count_lines(uow, today_count.count_id)
    stock_counts.enter_counts(
        uow,
        today_count.count_id,
        [(ln.line_id, ln.snapshot_quantity or 0) for ln in lines[: len(lines) // 2]],
    )
    if lines:
        stock_counts.flag_recount(uow, today_count.count_id, [lines[0].line_id])
