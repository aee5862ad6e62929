"""`lorch-desk sync-server`: the headquarters sync service (ASGI, Starlette on uvicorn).

Nodes never connect to the central database: this service authenticates each node by its
token, checks versions, applies pushes and answers pulls (SYNC.md). Serve it behind HTTPS in
production (README: uvicorn's --ssl-keyfile/--ssl-certfile or a reverse proxy).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from lorch_desk.db.engine import make_engine, writer
from lorch_desk.models.base import utc_now
from lorch_desk.sync import protocol as p
from lorch_desk.sync.hq_feed import publish_local_changes, read_feed
from lorch_desk.sync.hq_push import apply_push
from lorch_desk.sync.hq_rules import PushingNode
from lorch_desk.sync.hq_state import ensure_epoch, last_applied, new_epoch, node_for_token
from lorch_desk.sync.site_counts import site_counts

# A pull waits at most this long for news before answering "nothing new".
MAX_WAIT_SECONDS = 25.0
_POLL_SECONDS = 0.2


class _FastJSON(JSONResponse):
    """A JSON answer rendered by orjson: a push answer or a pull page has thousands of entries."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def _refusal(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


class SyncService:
    """The service over one central database engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = writer(engine)
        with self._writer.begin() as connection:
            ensure_epoch(connection)

    def _authenticate(self, request: Request) -> tuple[PushingNode, str] | JSONResponse:
        if request.headers.get(p.VERSION_HEADER) != str(p.PROTOCOL_VERSION):
            return _refusal(
                409,
                "incompatible_protocol",
                f"headquarters speaks sync protocol {p.PROTOCOL_VERSION}; update this node",
            )
        if request.headers.get(p.SCHEMA_HEADER) != p.SCHEMA_VERSION:
            return _refusal(
                409,
                "incompatible_schema",
                f"headquarters is at schema {p.SCHEMA_VERSION}, this node at "
                f"{request.headers.get(p.SCHEMA_HEADER)}: update the older side",
            )
        authorization = request.headers.get("authorization", "")
        token = authorization.removeprefix("Bearer ").strip()
        with self.engine.connect() as connection:
            found = node_for_token(connection, token) if token else None
        if found is None:
            return _refusal(401, "unknown_node", "this node is not enrolled or was revoked")
        return found

    def _guarded(self, handler: Callable[..., Any]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> JSONResponse:
            found = await run_in_threadpool(self._authenticate, request)
            if isinstance(found, JSONResponse):
                return found
            body = orjson.loads(await request.body()) if request.method == "POST" else {}
            return await handler(found[0], found[1], body)

        return endpoint

    async def hello(self, node: PushingNode, site_code: str, body: dict) -> JSONResponse:
        def answer() -> dict:
            with self._writer.begin() as connection:
                epoch = ensure_epoch(connection)
                applied = last_applied(connection, node.node_id)
            now = utc_now()
            skew = None
            if body.get("node_time"):
                skew = (datetime.fromisoformat(body["node_time"]) - now).total_seconds()
            return {
                "protocol": p.PROTOCOL_VERSION,
                "schema": p.SCHEMA_VERSION,
                "epoch": epoch,
                "server_time": now.isoformat(),
                "clock_skew_seconds": skew,
                "clock_warning": skew is not None and abs(skew) > p.CLOCK_WARNING_SECONDS,
                "node_id": str(node.node_id),
                "site_id": str(node.site_id),
                "site_code": site_code,
                "last_applied": applied,
            }

        return _FastJSON(await run_in_threadpool(answer))

    async def push(self, node: PushingNode, _site_code: str, body: dict) -> JSONResponse:
        def apply() -> dict:
            with self._writer.begin() as connection:
                return apply_push(connection, node, body.get("ops", []))

        return _FastJSON(await run_in_threadpool(apply))

    async def pull(self, node: PushingNode, _site_code: str, body: dict) -> JSONResponse:
        cursor = int(body.get("cursor", 0))
        limit = min(int(body.get("limit", p.PULL_BATCH)), p.PULL_BATCH)
        deadline = time.monotonic() + min(float(body.get("wait", 0)), MAX_WAIT_SECONDS)

        def read() -> Any:
            with self._writer.begin() as connection:
                publish_local_changes(connection)
            with self.engine.connect() as connection:
                return read_feed(connection, node.site_id, cursor, limit)

        while True:
            page = await run_in_threadpool(read)
            if page.changes or page.more or time.monotonic() >= deadline:
                break
            await asyncio.sleep(_POLL_SECONDS)
        return _FastJSON({"changes": page.changes, "cursor": page.cursor, "more": page.more})

    async def check(self, node: PushingNode, _site_code: str, _body: dict) -> JSONResponse:
        def count() -> dict:
            with self.engine.connect() as connection:
                return {"counts": site_counts(connection, node.site_id)}

        return _FastJSON(await run_in_threadpool(count))

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route(p.HELLO_PATH, self._guarded(self.hello), methods=["POST"]),
                Route(p.PUSH_PATH, self._guarded(self.push), methods=["POST"]),
                Route(p.PULL_PATH, self._guarded(self.pull), methods=["POST"]),
                Route(p.CHECK_PATH, self._guarded(self.check), methods=["POST"]),
            ]
        )


def create_app(database_url: str) -> Starlette:
    """The ASGI application over the central database at `database_url` (migrated first)."""
    from lorch_desk.db.migrate import upgrade

    engine = make_engine(database_url)
    upgrade(engine)
    return SyncService(engine).app()


def start_new_epoch(database_url: str) -> str:
    """Replace HQ's epoch (after a restore from backup); returns the new one."""
    from lorch_desk.db.migrate import upgrade

    engine = make_engine(database_url)
    upgrade(engine)
    with writer(engine).begin() as connection:
        epoch = new_epoch(connection)
    engine.dispose()
    return epoch


def serve(
    database_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8443,
    ssl_keyfile: str | None = None,
    ssl_certfile: str | None = None,
) -> None:
    """Run the service with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(
        create_app(database_url),
        host=host,
        port=port,
        ssl_keyfile=ssl_keyfile,
        ssl_certfile=ssl_certfile,
        log_level="info",
    )
