"""Admin routes for tests that drive the sandbox from another process.

``POST /_sandbox/faults`` (a JSON list of faults, see :meth:`Fault.from_json`),
``GET /_sandbox/faults``, ``GET /_sandbox/requests`` and ``POST /_sandbox/reset``. They take
no bearer token (the sandbox listens on loopback only) and are never recorded as requests.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from hubcall_desktop.sandbox.faults import Fault
from hubcall_desktop.sandbox.paths import (
    ADMIN_FAULTS_PATH,
    ADMIN_REQUESTS_PATH,
    ADMIN_RESET_PATH,
)
from hubcall_desktop.sandbox.state import STATE, SandboxState
from hubcall_desktop.sandbox.validation import InvalidJson, parse_json


def add_routes(app: web.Application) -> None:
    def state(request: web.Request) -> SandboxState:
        return request.app[STATE]

    async def add_faults(request: web.Request) -> web.Response:
        try:
            specs = parse_json(await request.read())
            if not isinstance(specs, list):
                raise ValueError("the body must be a JSON list of faults")
            faults = [Fault.from_json(spec) for spec in specs]
        except (InvalidJson, ValueError) as exc:
            return web.json_response({"error": str(exc)}, status=400)
        state(request).faults.add(*faults)
        return _pending(state(request))

    async def list_faults(request: web.Request) -> web.Response:
        return _pending(state(request))

    async def list_requests(request: web.Request) -> web.Response:
        records = state(request).log.snapshot()
        return web.json_response({"requests": [record.to_json() for record in records]})

    async def reset(request: web.Request) -> web.Response:
        state(request).reset()
        return web.json_response({"reset": True})

    app.router.add_post(ADMIN_FAULTS_PATH, add_faults)
    app.router.add_get(ADMIN_FAULTS_PATH, list_faults)
    app.router.add_get(ADMIN_REQUESTS_PATH, list_requests)
    app.router.add_post(ADMIN_RESET_PATH, reset)


def _pending(state: SandboxState) -> web.Response:
    pending: list[dict[str, Any]] = [fault.to_json() for fault in state.faults.pending()]
    return web.json_response({"pending": pending})
