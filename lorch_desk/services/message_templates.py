"""The central table of message templates (birthday, holiday, marketing) that headquarters words."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.greeting_templates import (
    GreetingPurpose,
    GreetingValues,
    check_template,
    render_greeting,
)
from lorch_desk.domain.permissions import Action
from lorch_desk.models.greetings import MessageTemplate
from lorch_desk.models.organisation import Site
from lorch_desk.services.access import require

MAX_TITLE_LENGTH = 60
# How a preview fills the placeholders before any customer is chosen.
SAMPLE_NAME, SAMPLE_GENDER = "王芳", "female"
SAMPLE_HOLIDAY, SAMPLE_ITEM = "春节", "冬季养生套餐"


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """One template as the editor and the compose page list it."""

    id: uuid.UUID
    code: str
    purpose: GreetingPurpose
    title: str
    body: str
    is_active: bool


@dataclass(frozen=True, slots=True)
class SaveTemplateInput:
    """A new template (no id) or the new wording of an existing one."""

    purpose: GreetingPurpose
    title: str
    body: str
    is_active: bool = True
    id: uuid.UUID | None = None


def list_templates(
    uow: UnitOfWork, *, purpose: GreetingPurpose | None = None, active_only: bool = False
) -> list[TemplateRow]:
    """The templates by purpose and title (those in use only, when asked)."""
    require(uow.actor, Action.GREETING_SEND)
    statement = select(MessageTemplate).where(MessageTemplate.deleted_at.is_(None))
    if purpose is not None:
        statement = statement.where(MessageTemplate.purpose == purpose.value)
    if active_only:
        statement = statement.where(MessageTemplate.is_active.is_(True))
    statement = statement.order_by(MessageTemplate.purpose, MessageTemplate.title)
    return [_row(template) for template in uow.session.scalars(statement)]


def save_template(uow: UnitOfWork, *, data: SaveTemplateInput) -> TemplateRow:
    """Add a template or reword one (headquarters only); unknown placeholders are refused."""
    require(uow.actor, Action.MESSAGE_TEMPLATE_EDIT)
    title = data.title.strip()
    if not title:
        raise ValidationFailed(field="title", rule="required")
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationFailed(field="title", rule="too_long", maximum=MAX_TITLE_LENGTH)
    body = check_template(data.body, data.purpose)
    if data.id is None:
        template = MessageTemplate(code=f"{data.purpose.value}.{uuid.uuid4().hex[:12]}")
        uow.session.add(template)
    else:
        template = get_template(uow, data.id)
    template.purpose = data.purpose.value
    template.title = title
    template.body = body
    template.is_active = data.is_active
    uow.session.flush()
    return _row(template)


def preview_template(uow: UnitOfWork, *, body: str, purpose: GreetingPurpose) -> str:
    """The template filled in for a sample customer, or ValidationFailed as saving would."""
    require(uow.actor, Action.GREETING_SEND)
    body = check_template(body, purpose)
    values = GreetingValues(
        name=SAMPLE_NAME,
        gender=SAMPLE_GENDER,
        on=date(2027, 2, 6),
        centre=centre_name(uow),
        holiday=SAMPLE_HOLIDAY,
        item=SAMPLE_ITEM,
    )
    return render_greeting(body, values)


def get_template(uow: UnitOfWork, template_id: uuid.UUID) -> MessageTemplate:
    """The template with this id, or NotFound."""
    template = uow.session.get(MessageTemplate, template_id)
    if template is None or template.deleted_at is not None:
        raise NotFound(template_id=str(template_id))
    return template


def centre_name(uow: UnitOfWork) -> str:
    """The name of the actor's centre, as {centre} says it."""
    site = uow.session.get(Site, uow.actor.site_id)
    return site.name if site is not None else ""


def _row(template: MessageTemplate) -> TemplateRow:
    return TemplateRow(
        id=template.id,
        code=template.code,
        purpose=GreetingPurpose(template.purpose),
        title=template.title,
        body=template.body,
        is_active=template.is_active,
    )
