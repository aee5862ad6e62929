"""Demo data of the consultant's desk: service items, herbs, consultation records, plans and
prescriptions (a signed TCM one), for earlier days and for today's received customers."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.catalogue import ProductCategory
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.prescriptions import PrescriptionKind
from lorch_desk.models.catalogue import Product
from lorch_desk.models.customer import Customer
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import triage
from lorch_desk.services.catalogue import ProductInput, create_product
from lorch_desk.services.consultations import ConsultationInput, record_consultation
from lorch_desk.services.prescriptions import (
    PrescriptionInput,
    PrescriptionLineInput,
    save_prescription,
    sign_prescription,
)
from lorch_desk.services.service_items import ServiceItemInput, add_service_item
from lorch_desk.services.treatment_plans import (
    PlanLineInput,
    TreatmentPlanInput,
    save_treatment_plan,
)

SERVICE_ITEMS = (
    ("SV-ZJ01", "针灸", "中医理疗", "280.00", None),
    ("SV-TN01", "推拿", "中医理疗", "198.00", None),
    ("SV-AJ10", "艾灸疗程(10次)", "中医理疗", "1680.00", 10),
    ("SV-BG01", "拔罐", "中医理疗", "120.00", None),
    ("SV-GZ01", "光子嫩肤", "医学美容", "2980.00", None),
    ("SV-SB03", "水光针疗程(3次)", "医学美容", "5800.00", 3),
    ("SV-YY01", "营养咨询", "功能医学", "300.00", None),
    ("SV-JC01", "功能医学检测", "功能医学", "3600.00", None),
)
PRODUCTS = (
    ("RX-H001", "黄芪", "克", ProductCategory.HERB, "黄芪"),
    ("RX-H002", "当归", "克", ProductCategory.HERB, "当归"),
    ("RX-H003", "党参", "克", ProductCategory.HERB, "党参"),
    ("RX-H004", "白术", "克", ProductCategory.HERB, "白术"),
    ("RX-H005", "茯苓", "克", ProductCategory.HERB, "茯苓"),
    ("RX-H006", "炙甘草", "克", ProductCategory.HERB, "甘草"),
    ("RX-H007", "川芎", "克", ProductCategory.HERB, "川芎"),
    ("RX-H008", "熟地黄", "克", ProductCategory.HERB, "熟地黄"),
    ("RX-D001", "阿莫西林胶囊", "盒", ProductCategory.DRUG, "阿莫西林(青霉素类)"),
    ("RX-N001", "维生素D3软胶囊", "瓶", ProductCategory.NUTRIENT, "维生素D3, 大豆油"),
    ("RX-N002", "深海鱼油软胶囊", "瓶", ProductCategory.NUTRIENT, "鱼油, 明胶"),
)
# 八珍汤 for a customer with 气血两虚: grams per dose.
BAZHEN_TANG = (
    ("党参", "10"),
    ("白术", "10"),
    ("茯苓", "10"),
    ("炙甘草", "5"),
    ("当归", "10"),
    ("川芎", "6"),
    ("熟地黄", "15"),
    ("黄芪", "20"),
)


def seed_demo_consultations(uow: UnitOfWork, *, now: datetime) -> int:
    """Add the consultant's demo data at this node's site; returns the records written."""
    services = {
        name: add_service_item(
            uow, data=ServiceItemInput(code, name, category, Decimal(price), sessions)
        ).id
        for code, name, category, price, sessions in SERVICE_ITEMS
    }
    products = _products(uow)
    consultants = _staff(uow, Role.CONSULTANT)
    doctors = _staff(uow, Role.DOCTOR)
    customers = list(
        uow.session.scalars(
            select(Customer.id)
            .where(
                Customer.site_id == uow.actor.site_id,
                Customer.deleted_at.is_(None),
                Customer.merged_into_id.is_(None),
            )
            .order_by(Customer.file_number)
            .limit(len(consultants) + 5)
        )
    )
    if not consultants or not doctors or len(customers) < len(consultants) + 5:
        return 0
    doctor = _acting(uow, doctors[0])
    written = _earlier_days(uow, consultants, doctor, customers[-4:], services, products, now)
    written += _today(uow, consultants, doctor, customers, services, products, now)
    return written


def _earlier_days(uow, consultants, doctor, customers, services, products, now) -> int:  # noqa: ANN001
    outcomes = (
        ("deal_closed", None, "", "咨询艾灸调理, 当场购买疗程"),
        ("not_closed", "price", "觉得疗程价格偏高", "想做光子嫩肤, 比较价格后再定"),
        ("not_closed", "needs_family_consent", "", "功能医学检测, 需与家人商量"),
        ("deal_closed", None, "", "失眠调理, 购买针灸与营养咨询"),
    )
    for index, (customer, (outcome, reason, note, notes)) in enumerate(
        zip(customers, outcomes, strict=True)
    ):
        when = now - timedelta(days=index + 1, hours=2)
        consultant = _acting(uow, consultants[index % len(consultants)])
        record_consultation(
            consultant,
            customer_id=customer,
            arrival_id=None,
            data=ConsultationInput(notes, outcome, reason, note),
            now=when,
        )
        if outcome == "deal_closed":
            lines = [PlanLineInput(services["艾灸疗程(10次)"], Decimal(1))]
            lines.append(PlanLineInput(services["营养咨询"], Decimal(2)))
            save_treatment_plan(
                consultant,
                customer_id=customer,
                arrival_id=None,
                data=TreatmentPlanInput(lines, "每周两次"),
                now=when,
            )
    western = PrescriptionInput(
        PrescriptionKind.WESTERN,
        [
            PrescriptionLineInput(products["维生素D3软胶囊"], "1粒", "每日1次", Decimal(1), 60),
            PrescriptionLineInput(products["深海鱼油软胶囊"], "2粒", "每日2次", Decimal(2), 30),
        ],
        diagnosis="维生素D缺乏",
        usage_instructions="餐后服用",
    )
    save_prescription(
        doctor, customer_id=customers[3], arrival_id=None, data=western, now=now - timedelta(days=4)
    )
    return len(outcomes) + 3


def _today(uow, consultants, doctor, customers, services, products, now) -> int:  # noqa: ANN001
    """Records for the customers the front desk's demo day (demo_front_desk) has received.

    The day itself is left as demo_front_desk made it: its queue board is a screenshot too.
    """
    state = triage.load_day(uow, day=triage.clinic_day(now), lock=False)
    received = [a for a in state.arrivals() if a.consultant_id is not None]
    by_id = {str(c.id): c for c in consultants}
    written = 0
    for index, arrival in enumerate(received):
        arrival_id = uuid.UUID(arrival.arrival_id)
        customer = uow.session.scalar(select(Arrival.customer_id).where(Arrival.id == arrival_id))
        consultant = _acting(uow, by_id[arrival.consultant_id])
        record_consultation(
            consultant,
            customer_id=customer,
            arrival_id=arrival_id,
            data=ConsultationInput("气血两虚, 面色萎黄, 建议中药调理配合艾灸", "deal_closed"),
            now=now,
        )
        save_treatment_plan(
            consultant,
            customer_id=customer,
            arrival_id=arrival_id,
            data=TreatmentPlanInput(
                [
                    PlanLineInput(services["艾灸疗程(10次)"], Decimal(1)),
                    PlanLineInput(services["针灸"], Decimal(4)),
                ]
            ),
            now=now,
        )
        draft = save_prescription(
            doctor,
            customer_id=customer,
            arrival_id=arrival_id,
            data=_bazhen_tang(products),
            now=now,
        )
        if index == 0:
            sign_prescription(doctor, prescription_id=draft.id, now=now)
        written += 3
    return written


def _bazhen_tang(products: dict[str, uuid.UUID]) -> PrescriptionInput:
    return PrescriptionInput(
        PrescriptionKind.TCM,
        [
            PrescriptionLineInput(products[name], grams_per_dose=Decimal(grams))
            for name, grams in BAZHEN_TANG
        ],
        diagnosis="气血两虚",
        doses=7,
        decoction="冷水浸泡30分钟, 水煎两次, 每次30分钟, 合并药液",
        usage_instructions="每日一剂, 早晚饭后温服",
    )


def _products(uow: UnitOfWork) -> dict[str, uuid.UUID]:
    """The demo's prescribable products: the catalogue's own when it has them by name."""
    found: dict[str, uuid.UUID] = {}
    for code, name, unit, category, ingredients in PRODUCTS:
        existing = uow.session.scalar(
            select(Product.id).where(Product.name == name, Product.category == category.value)
        )
        if existing is None:
            existing = create_product(
                uow,
                ProductInput(
                    code=code, name=name, unit=unit, category=category, ingredients=ingredients
                ),
            ).product_id
        found[name] = existing
    return found


def _staff(uow: UnitOfWork, role: Role) -> list[UserAccount]:
    return list(
        uow.session.scalars(
            select(UserAccount)
            .where(UserAccount.role == role.value, UserAccount.is_active.is_(True))
            .order_by(UserAccount.username)
        )
    )


def _acting(uow: UnitOfWork, user: UserAccount) -> UnitOfWork:
    """The same transaction, acting as `user` at this node (the demo's staff at work)."""
    system = uow.actor
    actor = Actor(
        user.id,
        user.username,
        user.display_name,
        Role(user.role),
        system.site_id,
        system.site_code,
        system.node_id,
    )
    return UnitOfWork(uow.session, actor)
