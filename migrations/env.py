"""Alembic environment: the app's engine rules, batch mode for SQLite, FTS tables left alone."""

from __future__ import annotations

from alembic import context

from lorch_desk.config import choose_database
from lorch_desk.db.engine import make_engine
from lorch_desk.db.search_index import NAME_INDEX_TABLE
from lorch_desk.models.base import UtcDateTime
from lorch_desk.models.registry import metadata

# SQLite full-text tables are made by the migrations themselves, not by the models.
_UNMODELLED_PREFIXES = (NAME_INDEX_TABLE,)


def _include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    return not (type_ == "table" and name and name.startswith(_UNMODELLED_PREFIXES))


def _render_item(type_, obj, autogen_context):  # noqa: ANN001
    # Migrations spell plain SQLAlchemy types, so they never depend on the models' code.
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=_include_object,
        render_item=_render_item,
    )


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or choose_database().url)
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported; run against a database")
run_migrations_online()
