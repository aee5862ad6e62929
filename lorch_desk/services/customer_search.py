"""Search as you type over the customer registry: name, pinyin, mobile tail, card and file numbers.

Every kind of query runs on an index (SETUP.md's floors): Chinese characters on SQLite's FTS5
table of one token per character, latin letters as a range on the pinyin columns (never LIKE,
which SQLite cannot index case-sensitively), digits as a prefix range on the reversed mobile and
exact card and file numbers. Rows are read as Core columns, not ORM entities; on SQLite the
statements, compiled once, run straight on the DBAPI cursor (a keystroke's page then costs little
more than the bare driver: SETUP.md's floors, bench/search.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    column,
    func,
    literal_column,
    not_,
    or_,
    select,
    table,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql.compiler import SQLCompiler

from lorch_desk.db.search_index import NAME_INDEX_TABLE
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import clinic_today
from lorch_desk.domain.permissions import Action
from lorch_desk.models.customer import Customer
from lorch_desk.models.organisation import Site
from lorch_desk.services.access import require
from lorch_desk.services.customers import CustomerRow, RowBuilder, row_select
from lorch_desk.services.search_keys import prefix_upper_bound

DEFAULT_PAGE = 200
MAX_PAGE = 1000
# Names are at most 50 characters: a longer query cannot match and only costs time.
MAX_QUERY_LENGTH = 60
# A mobile tail shorter than this matches too many customers to mean anything.
MOBILE_TAIL_MIN_DIGITS = 4
# A card-number prefix shorter than this matches whole card series.
CARD_PREFIX_MIN_LENGTH = 6
FILE_SEQUENCE_MAX_DIGITS = 6
# No site of the chain issued file numbers SITE-YEAR-NNNNNN before this year.
FILE_NUMBER_FIRST_YEAR = 2000

_customer = Customer.__table__
_site = Site.__table__
_c = _customer.c
_fts = table(NAME_INDEX_TABLE, column("rowid"), column(NAME_INDEX_TABLE))
_customer_rowid = literal_column(f"{Customer.__tablename__}.rowid")

_FILE_NUMBER = re.compile(r"^([A-Z]{2,8})-(\d{4})-(\d{1,6})$")
_DIGITS = re.compile(r"^\+?[0-9][0-9 \-]*$")
_LATIN = re.compile(r"^[a-z][a-z' ]*$")
_CARD = re.compile(r"^[A-Z0-9][A-Z0-9\-]*$")


class QueryKind(StrEnum):
    RECENT = "recent"
    NAME = "name"
    PINYIN = "pinyin"
    DIGITS = "digits"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class SearchPlan:
    """How a typed query is searched: its kind and the normalised term."""

    kind: QueryKind
    term: str = ""
    file_number: str = ""


def plan_search(query: str) -> SearchPlan:
    """Decide what a typed query means (pure; the search's first step)."""
    text = unicodedata.normalize("NFKC", query)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip()
    if not text:
        return SearchPlan(QueryKind.RECENT)
    text = text[:MAX_QUERY_LENGTH]
    upper = text.upper()
    if match := _FILE_NUMBER.fullmatch(upper):
        site, year, sequence = match.groups()
        return SearchPlan(QueryKind.NUMBER, upper, f"{site}-{year}-{int(sequence):06d}")
    if _DIGITS.fullmatch(text):
        digits = re.sub(r"[^0-9]", "", text)
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
        return SearchPlan(QueryKind.DIGITS, digits)
    lower = text.lower()
    if _LATIN.fullmatch(lower):
        return SearchPlan(QueryKind.PINYIN, re.sub(r"[' ]", "", lower))
    if _CARD.fullmatch(upper):
        return SearchPlan(QueryKind.NUMBER, upper)
    return SearchPlan(QueryKind.NAME, "".join(lower.split()))


def search_customers(
    uow: UnitOfWork, *, query: str, limit: int = DEFAULT_PAGE, offset: int = 0
) -> list[CustomerRow]:
    """Customers matching what the front desk types, a page at a time, in a stable order."""
    require(uow.actor, Action.CUSTOMER_VIEW)
    limit = max(0, min(limit, MAX_PAGE))
    offset = max(0, offset)
    if limit == 0:
        return []
    uow.session.flush()
    connection = uow.session.connection()
    plan = plan_search(query)
    postgres = uow.dialect == "postgresql"
    page = {"limit": limit, "offset": offset}
    if plan.kind is QueryKind.PINYIN:
        rows = _read_arms(connection, postgres, plan.term, limit, offset)
    elif plan.kind is QueryKind.RECENT:
        rows = _rows(connection, postgres, _recent_statement(postgres), page)
    elif plan.kind is QueryKind.NAME:
        parameters = {**page, **_name_term(plan.term, postgres)}
        rows = _rows(connection, postgres, _name_statement(postgres), parameters)
    elif plan.kind is QueryKind.DIGITS:
        rows = _read_digits(connection, postgres, uow.actor.site_code, plan.term, page)
    else:
        statement = _number_statement(postgres, bool(plan.file_number))
        parameters = {
            **page,
            "term": plan.term,
            "term_high": prefix_upper_bound(plan.term),
            "file_number": plan.file_number,
        }
        rows = _rows(connection, postgres, statement, parameters)
    return RowBuilder(uow.actor, sqlite_text=not postgres).all(rows)


def count_customers(uow: UnitOfWork) -> int:
    """How many customers the registry holds (not counting deleted or merged ones)."""
    require(uow.actor, Action.CUSTOMER_VIEW)
    uow.session.flush()
    return int(uow.session.connection().execute(_count_statement()).scalar_one())


def _rows(
    connection: Connection, postgres: bool, statement: Select[Any], parameters: dict[str, Any]
) -> list[Any]:
    """All rows of a search statement: typed through SQLAlchemy on PostgreSQL; on SQLite as the
    driver returns them (hex keys, ISO dates), from SQL compiled once (RowBuilder reads both)."""
    if postgres:
        return list(connection.execute(statement, parameters).all())
    compiled = _sqlite_compiled(statement)
    merged = {**_defaults(statement), **parameters}
    values = [merged[name] for name in compiled.positiontup or ()]
    driver = connection.connection.driver_connection
    assert driver is not None
    return driver.execute(compiled.string, values).fetchall()


_SQLITE = sqlite.dialect()


@cache
def _sqlite_compiled(statement: Select[Any]) -> SQLCompiler:
    """The SQLite compilation of one of the cached statements below (they live for good).

    Their SQL is final: none of them has an expanding (post-compile) parameter.
    """
    compiled = cast(SQLCompiler, statement.compile(dialect=_SQLITE))
    assert not compiled.post_compile_params, "search statements bind every value one by one"
    return compiled


@cache
def _defaults(statement: Select[Any]) -> dict[str, Any]:
    """The values bound inside a statement itself (the clinic's UTC offset, for one)."""
    binds = _sqlite_compiled(statement).binds
    return {name: bind.effective_value for name, bind in binds.items() if not bind.required}


# --- statements, built once per dialect and shape (SQLAlchemy then reuses their compiled SQL) --

_LIMIT = bindparam("limit", type_=Integer)
_OFFSET = bindparam("offset", type_=Integer)
_LOW = bindparam("low", type_=String)
_HIGH = bindparam("high", type_=String)


def _live() -> ColumnElement[bool]:
    return and_(_c.deleted_at.is_(None), _c.merged_into_id.is_(None))


def _tiebreak(postgres: bool) -> Any:
    # SQLite's indexes end with the rowid, so ordering by it after the key costs no sort.
    return _c.id if postgres else _customer_rowid


def _paged(statement: Select[Any]) -> Select[Any]:
    return statement.limit(_LIMIT).offset(_OFFSET)


@cache
def _count_statement() -> Select[Any]:
    """All rows less the few tombstoned ones.

    SQLite counts all rows on its smallest index (7 ms at a million); the tombstoned ones need
    a table scan until an index covers them (a partial index on this condition makes it free).
    """
    everyone = select(func.count()).select_from(_customer).scalar_subquery()
    gone = (
        select(func.count())
        .select_from(_customer)
        .where(or_(_c.deleted_at.is_not(None), _c.merged_into_id.is_not(None)))
        .scalar_subquery()
    )
    return select(everyone - gone)


@cache
def _recent_statement(postgres: bool) -> Select[Any]:
    # Rowid follows insertion on SQLite; UUIDv7 keys follow creation time on PostgreSQL.
    newest_first = _c.id.desc() if postgres else _customer_rowid.desc()
    return _paged(row_select(postgres).where(_live()).order_by(newest_first))


@cache
def _name_statement(postgres: bool) -> Select[Any]:
    """Names containing the typed characters in this order, newest customers first."""
    if postgres:
        condition = _c.name.ilike(bindparam("pattern", type_=String), escape="\\")
        return _paged(row_select(postgres).where(condition, _live()).order_by(_c.id.desc()))
    source = _fts.join(_customer, _customer_rowid == _fts.c.rowid)
    condition = _fts.c[NAME_INDEX_TABLE].match(bindparam("phrase", type_=String))
    statement = row_select(postgres, source=source).where(condition, _live())
    return _paged(statement.order_by(_fts.c.rowid.desc()))


def _name_term(chars: str, postgres: bool) -> dict[str, str]:
    if postgres:
        escaped = chars.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return {"pattern": f"%{escaped}%"}
    # One index token per character, so a phrase of the characters is a substring.
    return {"phrase": '"' + " ".join(ch.replace('"', '""') for ch in chars) + '"'}


def _prefix(column_: Any) -> ColumnElement[bool]:
    """`column starts with :low` as an index range (SQLite's LIKE cannot use the index)."""
    return and_(column_ >= _LOW, column_ < _HIGH)


def _bounds(prefix: str) -> dict[str, str]:
    return (
        {"low": prefix, "high": prefix_upper_bound(prefix)} if prefix else {"low": "", "high": ""}
    )


@cache
def _pinyin_arms(postgres: bool) -> tuple[tuple[Select[Any], Select[Any]], ...]:
    """Initials first ("zw" for 张伟), then full pinyin ("zhangw") of names not listed yet.

    Each arm reads its own index in order and stops at the page's end; the next arm is read
    only when the page is not full, so a one-letter query never sorts a fifth of the registry.
    Each arm comes with the count of its rows, needed only to page past it.
    """
    initials = _prefix(_c.name_initials)
    pinyin = and_(_prefix(_c.name_pinyin), not_(initials))
    arms = []
    for condition, key in ((initials, _c.name_initials), (pinyin, _c.name_pinyin)):
        rows = row_select(postgres).where(condition, _live()).order_by(key, _tiebreak(postgres))
        count = select(func.count()).select_from(_customer).where(condition, _live())
        arms.append((_paged(rows), count))
    return tuple(arms)


def _read_arms(connection: Any, postgres: bool, letters: str, limit: int, offset: int) -> list[Any]:
    """The page of `limit` rows after `offset` of the arms read one after the other."""
    rows: list[Any] = []
    bounds = _bounds(letters)
    for statement, count in _pinyin_arms(postgres):
        wanted = limit - len(rows)
        found = _rows(
            connection, postgres, statement, {**bounds, "limit": wanted, "offset": offset}
        )
        rows.extend(found)
        if len(rows) >= limit:
            break
        if found or offset == 0:
            offset = 0
        else:
            # The page starts after this arm: skip the rows it holds.
            offset = max(0, offset - int(connection.execute(count, bounds).scalar_one()))
    return rows


@cache
def _ranked_statement(postgres: bool, kinds: tuple[str, ...], files: int = 0) -> Select[Any]:
    """Rows matching any of `kinds` of match, the best kind first.

    Each kind is its own index and matches few rows, so sorting what matched is cheap. The
    `files` candidates are bound one by one (`file_0` …): a fixed list needs no expanding.
    """
    conditions = {
        "card": _c.card_number == bindparam("term", type_=String),
        "file": _c.file_number == bindparam("file_number", type_=String),
        "files": _c.file_number.in_([bindparam(f"file_{i}", type_=String) for i in range(files)]),
        "mobile_tail": _prefix(_c.mobile_reversed),
        "card_prefix": and_(
            _c.card_number >= bindparam("term", type_=String),
            _c.card_number < bindparam("term_high", type_=String),
        ),
    }
    chosen = [conditions[kind] for kind in kinds]
    rank = case(*((condition, index) for index, condition in enumerate(chosen)), else_=len(chosen))
    statement = row_select(postgres).where(or_(*chosen), _live())
    return _paged(statement.order_by(rank, _c.file_number))


def _read_digits(
    connection: Any, postgres: bool, site_code: str, digits: str, page: dict[str, int]
) -> list[Any]:
    """An exact card number first, then the mobile tail, this site's file numbers, card starts."""
    kinds = ["card"]
    parameters: dict[str, Any] = {**page, "term": digits, "term_high": prefix_upper_bound(digits)}
    if len(digits) >= MOBILE_TAIL_MIN_DIGITS:
        kinds.append("mobile_tail")
        parameters.update(_bounds(digits[::-1]))
    files = _file_numbers_with_sequence(site_code, digits)
    if files:
        kinds.append("files")
        parameters.update((f"file_{i}", number) for i, number in enumerate(files))
    if len(digits) >= CARD_PREFIX_MIN_LENGTH:
        kinds.append("card_prefix")
    statement = _ranked_statement(postgres, tuple(kinds), len(files))
    return _rows(connection, postgres, statement, parameters)


def _number_statement(postgres: bool, has_file_number: bool) -> Select[Any]:
    """A file or card number as printed (exact), or the start of a card number."""
    kinds = ("card", "file", "card_prefix") if has_file_number else ("card", "card_prefix")
    return _ranked_statement(postgres, kinds)


def _file_numbers_with_sequence(site_code: str, digits: str) -> list[str]:
    """This site's file numbers SITE-YEAR-<digits>, one for each year numbers can carry.

    Other sites' files are found by their whole number: with every site's years a four-digit
    mobile tail would drown in file numbers. Each candidate is one probe of the unique index.
    """
    if len(digits) > FILE_SEQUENCE_MAX_DIGITS or (sequence := int(digits)) <= 0:
        return []
    years = range(FILE_NUMBER_FIRST_YEAR, clinic_today().year + 1)
    return [f"{site_code}-{year}-{sequence:06d}" for year in years]
