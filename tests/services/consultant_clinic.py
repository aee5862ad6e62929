"""A small clinic for the consultant's tests: staff, a customer with an allergy, a catalogue."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from lorch_desk.db.unit_of_work import Database
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.catalogue import ProductCategory
from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.domain.customers import Gender, HealthSection
from lorch_desk.domain.permissions import Role
from lorch_desk.services import triage
from lorch_desk.services.arrivals import ArrivalInput, record_arrival
from lorch_desk.services.auth import CreateUserInput, create_user
from lorch_desk.services.catalogue import ProductInput, create_product
from lorch_desk.services.customers import CustomerInput, register_customer
from lorch_desk.services.health_file import add_health_entry
from lorch_desk.services.service_items import ServiceItemInput, add_service_item

DAY = date(2026, 11, 23)


def at(hour: int, minute: int, day: date = DAY) -> datetime:
    """A time of the clinic's day as its wall clock shows it."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=clinic_time_zone())


@dataclass
class ConsultantClinic:
    """One site with a receptionist, consultants, a doctor, products and service items."""

    database: Database
    make_actor: Callable[..., Actor]
    staff: dict[str, Actor] = field(default_factory=dict)
    products: dict[str, uuid.UUID] = field(default_factory=dict)
    services: dict[str, uuid.UUID] = field(default_factory=dict)
    _mobiles: int = 0

    def __post_init__(self) -> None:
        self.receptionist = self.make_actor(Role.RECEPTIONIST, "前台小刘")
        self.admin = self.make_actor(Role.HQ_ADMIN, "总部管理员")
        self.manager = self.make_actor(Role.BRANCH_MANAGER, "店长")

    def run(self, actor: Actor, operation: Callable[..., object], /, **kwargs: object):
        result, _ = self.database.run(actor, lambda uow, _progress: operation(uow, **kwargs))
        return result

    def hire(self, name: str, role: Role = Role.CONSULTANT) -> Actor:
        username = f"u{len(self.staff)}x"
        user = self.run(
            self.admin,
            create_user,
            data=CreateUserInput(username, name, role, "Pass2026!x"),
        )
        actor = Actor(
            user.id,
            username,
            name,
            role,
            self.admin.site_id,
            self.admin.site_code,
            self.admin.node_id,
        )
        self.staff[name] = actor
        return actor

    def register(self, name: str, *, allergy: str = "") -> uuid.UUID:
        self._mobiles += 1
        data = CustomerInput(
            name=name, gender=Gender.FEMALE, mobile=f"1391111{self._mobiles:04d}", channel="walk_in"
        )
        customer_id = self.run(self.receptionist, register_customer, data=data).id
        if allergy:
            doctor = next(a for a in self.staff.values() if a.role is Role.DOCTOR)
            self.run(
                doctor,
                add_health_entry,
                customer_id=customer_id,
                section=HealthSection.ALLERGIES,
                content=allergy,
            )
        return customer_id

    def stock_catalogue(self) -> None:
        """Western products and herbs, and the service items of a TCM wellness centre."""
        for code, name, unit, category, ingredients in (
            ("D001", "阿莫西林胶囊", "盒", ProductCategory.DRUG, "阿莫西林(青霉素类)"),
            ("N001", "维生素D3软胶囊", "瓶", ProductCategory.NUTRIENT, "维生素D3, 大豆油"),
            ("H001", "黄芪", "克", ProductCategory.HERB, "黄芪"),
            ("H002", "当归", "克", ProductCategory.HERB, "当归"),
            ("H003", "甘草", "克", ProductCategory.HERB, "甘草"),
        ):
            row = self.run(
                self.admin,
                create_product,
                data=ProductInput(
                    code=code, name=name, unit=unit, category=category, ingredients=ingredients
                ),
            )
            self.products[name] = row.product_id
        for code, name, price, sessions in (
            ("S001", "针灸", Decimal("280.00"), None),
            ("S002", "推拿", Decimal("198.00"), None),
            ("S003", "艾灸疗程", Decimal("1280.00"), 10),
        ):
            row = self.run(
                self.admin,
                add_service_item,
                data=ServiceItemInput(code, name, "中医理疗", price, sessions),
            )
            self.services[name] = row.id

    def open_rotation(self, when: datetime) -> None:
        consultants = [a for a in self.staff.values() if a.role is Role.CONSULTANT]
        for order, actor in enumerate(consultants, start=1):
            self.run(
                self.receptionist,
                triage.join_rotation,
                consultant_id=actor.user_id,
                rotation_order=order,
                now=when,
            )

    def arrive(self, customer_id: uuid.UUID, when: datetime, item: str = "") -> uuid.UUID:
        data = ArrivalInput(form_completed_at=when, inquiry_item=item)
        detail = self.run(
            self.receptionist, record_arrival, customer_id=customer_id, data=data, now=when
        )
        return detail.arrival_id

    def offer(self, when: datetime) -> None:
        self.run(self.receptionist, triage.offer_next, now=when)
