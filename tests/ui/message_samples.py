"""The sentences the Qt-free code really says, got by making it fail: HubSpot answering
badly, the keyring refusing or hanging, a damaged journal, bad settings, a taken port.

Each sample is (what happened, the sentence). Where a failure needs a component, a real
one is used (an httpx mock transport, an aiohttp listener, SQLite files, threads);
errors are only built by hand where their sentence is fixed and reaching it would need
a whole app (a call already logged, a portal not connected).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import socket
import sqlite3
import threading
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock

import httpx
import keyring
from keyring.backends import fail
from keyring.errors import KeyringLocked as LibKeyringLocked
from keyring.errors import PasswordDeleteError

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.desk_types import ManualLog
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.events import EventKind
from hubcall_desktop.core.manual_log import (
    build_manual_call,
    check_extension,
    check_user_id,
    parse_user_ids,
)
from hubcall_desktop.core.oauth import OAuthMetadata, scope_warning
from hubcall_desktop.core.phone import parse_phone, validate_region
from hubcall_desktop.core.portals import validate_portal
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.hubspot.bodies import build_log_body
from hubcall_desktop.hubspot.errors import error_from_response
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.secrets import backends
from hubcall_desktop.secrets.async_store import AsyncSecretStore
from hubcall_desktop.secrets.oauth_client import HubSpotOAuthClient, TokenSet
from hubcall_desktop.secrets.oauth_config import MetadataFile, OAuthEndpoints
from hubcall_desktop.secrets.oauth_flow import LoopbackListener, system_browser
from hubcall_desktop.secrets.oauth_tokens import OAuthTokenProvider
from hubcall_desktop.secrets.store import (
    SecretStore,
    refresh_token_entry,
    validate_secret,
    validate_token,
)
from hubcall_desktop.services import autostart, call_sources
from hubcall_desktop.services.call_sources import CallSources
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.outbox_sender import PortalNotConnected
from hubcall_desktop.sources.baresip_pool import BaresipPool
from hubcall_desktop.sources.baresip_wire import BaresipEndpoint, parse_endpoint
from hubcall_desktop.sources.webhook import WebhookLimits, WebhookServer, create_app
from hubcall_desktop.storage.codec import call_to_row
from hubcall_desktop.storage.database import prepare_file, storage_error
from hubcall_desktop.storage.errors import AlreadyLogged
from hubcall_desktop.storage.journal import CallJournal
from hubcall_desktop.storage.migrations import APPLICATION_ID, FileFacts, check_file
from hubcall_desktop.storage.sender_lock import SenderLock
from tests.oauth_redirect import free_port, held_port

Sample = tuple[str, str]
NUMBER = "+12025550143"


class _Collector:
    def __init__(self) -> None:
        self.found: list[Sample] = []

    @contextlib.contextmanager
    def expect(self, label: str) -> Iterator[None]:
        """The block must raise a UserError; its sentence is the sample."""
        try:
            yield
        except UserError as error:
            self.found.append((label, error.user_message))
        else:
            raise AssertionError(f"{label}: no UserError raised")

    async def expect_async(self, label: str, action: Awaitable[object]) -> None:
        with self.expect(label):
            await action

    def add(self, label: str, text: str | None) -> None:
        assert text, label
        self.found.append((label, text))


def samples(tmp: Path) -> list[Sample]:
    """Every sample; ``tmp`` is an empty folder to make files in."""
    out = _Collector()
    _hubspot_answers(out)
    _keyring(out, tmp)
    _validation(out, tmp)
    _storage(out, tmp)
    _autostart(out, tmp)
    asyncio.run(_async_samples(out, tmp))
    return out.found


# -- HubSpot ------------------------------------------------------------------------------


def _hubspot_answers(out: _Collector) -> None:
    scopes = {"errors": [{"context": {"missingScopes": ["crm.objects.contacts.write"]}}]}
    cases: list[tuple[str, int, Any]] = [
        ("401 expired", 401, {"category": "EXPIRED_AUTHENTICATION"}),
        ("401 refused", 401, {}),
        ("403 missing scope", 403, scopes),
        ("403", 403, {}),
        ("429 daily", 429, {"policyName": "DAILY"}),
        ("429 secondly", 429, {"policyName": "TEN_SECONDLY_ROLLING"}),
        ("500", 500, None),
        ("400 with fields", 400, {"errors": [{"in": "toNumber"}]}),
        ("404 not JSON", 404, "<html>"),
    ]
    for label, status, body in cases:
        out.add(label, error_from_response(status, body, None).user_message)
    any_scope = {
        "message": "One or more of the following scopes are required.",
        "context": {"requiredGranularScopes": ["crm.objects.contacts.write"]},
    }
    for label, status, body in [
        ("403 any scope", 403, any_scope),
        ("403 OAuth-only version", 403, {}),
        ("401 OAuth-only version", 401, {}),
    ]:
        out.add(label, error_from_response(status, body, None, api_version="v3").user_message)
    tails = [
        {"message": "Property values were not valid", "correlationId": "a1b2-c3"},
        {"message": "Property values were not valid"},
        {"correlationId": "a1b2-c3"},
    ]
    for tail in tails:
        error = error_from_response(400, {**tail, "errors": [{"in": "fromNumber"}]}, None)
        out.add(f"400 with {sorted(tail)}", error.user_message)


async def _service(out: _Collector) -> None:
    call = Call(
        raw_from=NUMBER,
        raw_to=NUMBER,
        from_number=parse_phone(NUMBER, "US"),
        to_number=parse_phone(NUMBER, "US"),
    )

    def answer(case: str) -> Callable[[httpx.Request], httpx.Response]:
        def handle(request: httpx.Request) -> httpx.Response:
            if case == "timeout":
                raise httpx.ReadTimeout("slow", request=request)
            if case == "down":
                raise httpx.ConnectError("refused", request=request)
            if case == "html":
                return httpx.Response(200, content=b"<html>")
            return httpx.Response(200, json={"uiDomain": "app.hubspot.com", "other": 1})

        return handle

    for case in ("timeout", "down", "html", "odd"):
        async with build_client(httpx.MockTransport(answer(case))) as http:
            service = HubSpotService(
                http,
                StaticToken(Secret("pat-test")),
                base_url="http://127.0.0.1:9",
                retry_policy=NO_RETRY,
            )
            await out.expect_async(f"account details: {case}", service.account_details())
            if case == "odd":
                await out.expect_async("lookup answer without matches", service.lookup(call))


# -- the keyring --------------------------------------------------------------------------


class _Memory(keyring.backend.KeyringBackend):
    priority = 5  # type: ignore[assignment]
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.gate: threading.Event | None = None
        self.error: Exception | None = None
        self.sticky = False  # deleting says "no such entry" and keeps it

    def _act(self) -> None:
        if self.gate is not None:
            self.gate.wait(30)
        if self.error is not None:
            raise self.error

    def get_password(self, service: str, username: str) -> str | None:
        self._act()
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._act()
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._act()
        if self.sticky or self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")


class PlaintextKeyring(_Memory):
    pass


class _Weak(_Memory):
    priority = 0.5  # type: ignore[assignment]


class _NoDBus(_Memory):
    @property  # type: ignore[misc]
    def priority(self) -> float:  # type: ignore[override]
        raise RuntimeError("no D-Bus session bus")


def _keyring(out: _Collector, tmp: Path) -> None:
    for label, backend in [
        ("no backend", fail.Keyring()),
        ("plaintext backend", PlaintextKeyring()),
        ("weak backend", _Weak()),
        ("backend not viable", _NoDBus()),
    ]:
        with out.expect(label):
            backends.check_backend(backend)
    broken = mock.patch.object(keyring, "get_keyring", side_effect=ImportError("no module x"))
    undirected = mock.patch.object(backends, "direct_choice", return_value=None)  # ranking
    with broken, undirected, out.expect("backend cannot load"):
        backends.default_backend()
    out.add("keyring locked", backends.translate(LibKeyringLocked("locked"), "x").user_message)
    failing = _Memory()
    failing.error = RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")
    store = SecretStore(backend=failing, environ={})
    with out.expect("keyring read fails"):
        store.get("webhook-secret")
    with out.expect("keyring save fails"):
        store.set("webhook-secret", "s3cret")
    with out.expect("keyring delete fails"):
        store.delete("webhook-secret")
    sticky = _Memory()
    sticky.sticky = True
    sticky.items[("hubcall-desktop", "webhook-secret")] = "s3cret"
    with out.expect("keyring keeps a deleted entry"):
        SecretStore(backend=sticky, environ={}).delete("webhook-secret")
    with out.expect("no token saved"):
        SecretStore(backend=_Memory(), environ={}).access_token("default")


async def _keyring_timeouts(out: _Collector, tmp: Path) -> None:
    """Every action AsyncSecretStore names, timing out on a keyring that hangs."""
    hanging = _Memory()
    hanging.gate = threading.Event()
    store = AsyncSecretStore(SecretStore(backend=hanging, environ={}), timeout=0.05)
    calls: list[tuple[str, Callable[[], Awaitable[object]]]] = [
        ("read a secret", lambda: store.get("x")),
        ("save a secret", lambda: store.set("x", "y")),
        ("delete a secret", lambda: store.delete("x")),
        ("read the access token", lambda: store.access_token()),
        ("save the access token", lambda: store.set_access_token("pat-token")),
        ("delete the access token", lambda: store.delete_access_token()),
        ("open", lambda: store.backend_name()),
    ]
    try:
        for label, call in calls:
            await out.expect_async(f"keyring timeout: {label}", call())
        # The webhook's secret, read while the call sources start (the status bar says it).
        sources = CallSources(_desk_stub(), tmp / "runtime.json")  # type: ignore[arg-type]
        with mock.patch.object(call_sources, "KEYRING_TIMEOUT_S", 0.05):
            await sources.start(
                secrets=store,
                webhook=True,
                port=0,
                configured_baresip=["no-port-here"],
                cli_baresip=[],
                region="US",
            )
        for problem in sources.problems:
            out.add("call source problem", problem)
        assert len(sources.problems) == 2, sources.problems
    finally:
        hanging.gate.set()


def _desk_stub() -> Any:
    return SimpleNamespace(
        status=SimpleNamespace(set_sources=lambda sources: None),
        handle_event=None,
        set_control=lambda source, control: None,
    )


# -- OAuth and the connection ------------------------------------------------------------


async def _oauth(out: _Collector, tmp: Path) -> None:
    endpoints = OAuthEndpoints.for_api_base("http://127.0.0.1:9")

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with HubSpotOAuthClient(endpoints, "client", transport=httpx.MockTransport(down)) as c:
        await out.expect_async("oauth down: refresh", c.refresh(Secret("r")))
        await out.expect_async("oauth down: introspect", c.introspect(Secret("a")))
        await out.expect_async("oauth down: revoke", c.revoke(Secret("r")))
        await out.expect_async(
            "oauth down: code", c.exchange_code(Secret("c"), "http://127.0.0.1/cb", Secret("v"))
        )

    def refusing(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/introspect"):
            return httpx.Response(200, json=["not", "an", "object"])
        body = {"status": "BAD_REFRESH_TOKEN", "message": "missing or unknown refresh token"}
        if b"with-id" in request.content:
            body["correlationId"] = "4f2a-77"
        return httpx.Response(400, json=body)

    async with HubSpotOAuthClient(
        endpoints, "client", transport=httpx.MockTransport(refusing)
    ) as c:
        await out.expect_async("oauth refused", c.refresh(Secret("plain")))
        await out.expect_async("oauth refused with id", c.refresh(Secret("with-id")))
        await out.expect_async("introspection not an object", c.introspect(Secret("a")))

    def odd(request: httpx.Request) -> httpx.Response:
        if b"r-odd" in request.content:
            return httpx.Response(200, json={"error": "server_error"})
        return httpx.Response(200, json={"token_type": "bearer", "expires_in": 60})

    async with HubSpotOAuthClient(endpoints, "client", transport=httpx.MockTransport(odd)) as c:
        await out.expect_async("token answer without token", c.refresh(Secret("r")))
        await out.expect_async("token answer with an error", c.refresh(Secret("r-odd")))

    store = AsyncSecretStore(SecretStore(backend=_Memory(), environ={}))
    async with HubSpotOAuthClient(
        endpoints, "client", transport=httpx.MockTransport(refusing)
    ) as c:
        provider = OAuthTokenProvider(c, store, "default")
        await out.expect_async("no refresh token saved", provider.access_token())
        await out.expect_async(
            "no refresh token sent", provider.adopt(TokenSet(Secret("a"), None, 60))
        )
        await store.set(refresh_token_entry("sales"), "r")
        refused = OAuthTokenProvider(c, store, "sales")
        await out.expect_async("refresh token refused", refused.access_token())

    with held_port() as other:
        port_in_use = LoopbackListener(other.getsockname()[1])
        await out.expect_async("sign-in port in use", port_in_use.start())
    listener = LoopbackListener(free_port())
    await listener.start()
    await out.expect_async("browser never answers", listener.wait(0.01))
    for label, query in [
        ("browser: access denied", {"state": "s1", "error": "access_denied"}),
        ("browser: wrong state", {"state": "other", "code": "c"}),
    ]:
        listener = LoopbackListener(free_port())
        uri = await listener.start()
        listener.expect(Secret("s1"))
        async with httpx.AsyncClient() as http:
            await http.get(uri, params=query)
        await out.expect_async(label, listener.wait(5))
    with mock.patch("webbrowser.open", return_value=False):
        await out.expect_async("no browser", system_browser("http://127.0.0.1:9/authorize"))
    out.add("scope warning", scope_warning(["oauth"]))


async def _connection(out: _Collector, tmp: Path) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    def manager(
        backend: keyring.backend.KeyringBackend, portal: str = "default"
    ) -> ConnectionManager:
        store = AsyncSecretStore(SecretStore(backend=backend, environ={}))
        return ConnectionManager(
            store,
            MetadataFile(tmp / f"oauth-{portal}.json"),
            api_base="http://127.0.0.1:9",
            portal=portal,
            transport=httpx.MockTransport(down),
            environ={},
        )

    memory = _Memory()
    plain = manager(memory)
    out.add("not connected", (await plain.refresh_state()).message)
    await out.expect_async("no client id", plain.connect_oauth(client_id=""))
    await out.expect_async("not an OAuth portal", plain.oauth_provider())
    out.add("no keyring", (await manager(fail.Keyring(), "nokeyring").refresh_state()).message)
    oauth = manager(memory, "sales")
    MetadataFile(tmp / "oauth-sales.json").put(OAuthMetadata("sales", client_id="client"))
    out.add("reconnect needed", (await oauth.refresh_state()).message)
    await AsyncSecretStore(SecretStore(backend=memory, environ={})).set(
        refresh_token_entry("sales"), "r"
    )
    for warning in await oauth.logout():
        out.add("logout warning", warning)
    await plain.aclose()
    await oauth.aclose()
    out.add("portal not connected", PortalNotConnected("sales").user_message)


# -- checks of what was typed or sent ---------------------------------------------------------


def _validation(out: _Collector, tmp: Path) -> None:
    for label, check in [
        ("empty token", lambda: validate_token("")),
        ("long token", lambda: validate_token("x" * 600)),
        ("token with space", lambda: validate_token("pat na1")),
        ("token with control", lambda: validate_token("pat\x01")),
        ("empty secret", lambda: validate_secret("")),
        ("long secret", lambda: validate_secret("x" * 9000)),
        ("secret with control", lambda: validate_secret("a\x01")),
        ("empty portal", lambda: validate_portal("")),
        ("long portal", lambda: validate_portal("p" * 65)),
        ("portal with space", lambda: validate_portal("my portal")),
        ("region", lambda: validate_region("XX")),
        ("long number", lambda: parse_phone("1" * 300, "US")),
        ("number", lambda: parse_phone("call me", "US", "from")),
        ("extension", lambda: check_extension("12345678901")),
        ("user id", lambda: check_user_id(0)),
        ("user ids", lambda: parse_user_ids("12, ab")),
        ("baresip address", lambda: parse_endpoint("localhost")),
        ("baresip port", lambda: parse_endpoint("127.0.0.1:0")),
    ]:
        with out.expect(label):
            check()
    started = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    for label, changes in [
        ("naive start", {"started_at": started.replace(tzinfo=None)}),
        ("future start", {"started_at": datetime.now(UTC) + timedelta(days=3)}),
        ("negative duration", {"duration_seconds": -5}),
    ]:
        request = dataclasses.replace(
            ManualLog(NUMBER, NUMBER, CallStatus.COMPLETED, started, 60),
            **changes,  # type: ignore[arg-type]
        )
        with out.expect(label):
            build_manual_call(request, "US")
    _bodies(out)
    for name, value in [
        ("api_base", "http://example.com"),
        ("api_version", "v9"),
        ("region", "XX"),
        ("user_id", 0),
        ("recipient_user_ids", [0]),
        ("baresip_endpoints", [4444]),
        ("webhook_port", 0),
        ("webhook_port", "47831"),
        ("webhook_port", True),
        ("rate_limit_per_10s", 0),
        ("auto_log_seconds", -1),
        ("portals", ["my portal"]),
    ]:
        settings = Settings()
        setattr(settings, name, value)
        with out.expect(f"setting {name}={value!r}"):
            settings.validate()


def _bodies(out: _Collector) -> None:
    number = parse_phone(NUMBER, "US")

    def log(**changes: Any) -> None:
        fields: dict[str, Any] = {
            "raw_from": NUMBER,
            "raw_to": NUMBER,
            "from_number": number,
            "to_number": number,
            "final_status": CallStatus.COMPLETED,
        }
        build_log_body(Call(**{**fields, **changes}))

    for label, changes in [
        ("no final status", {"final_status": None}),
        ("long notes", {"notes": "n" * 70_000}),
        ("long title", {"title": "t" * 600}),
        ("odd property", {"engagement_properties": {"hs_x": 5}}),
        ("no caller number", {"from_number": None}),
        ("no called number", {"to_number": None}),
        ("empty call id", {"external_call_id": ""}),
        ("user id out of range", {"user_id": 0}),
        ("user id not a number", {"user_id": "12"}),
    ]:
        with out.expect(label):
            log(**changes)


# -- the journal ---------------------------------------------------------------------------


def _storage(out: _Collector, tmp: Path) -> None:
    path = tmp / "journal" / "calls.sqlite3"
    for label, code in [
        ("busy", 5),
        ("corrupt", 11),
        ("cannot open", 14),
        ("full", 13),
        ("read-only", 8),
        ("disk error", 10 | (1 << 8)),
    ]:
        exc = sqlite3.OperationalError("failed")
        exc.sqlite_errorcode = code
        exc.sqlite_errorname = "SQLITE_IOERR_READ"
        error = storage_error(exc, path, 5.0)
        assert error is not None, label
        out.add(f"journal {label}", error.user_message)
    blocker = tmp / "a-file"
    blocker.write_text("")
    with out.expect("journal folder is a file"):
        prepare_file(blocker / "calls.sqlite3")
    (tmp / "a-folder").mkdir()
    with out.expect("journal is a folder"):
        prepare_file(tmp / "a-folder")
    with out.expect("journal of another program"):
        check_file(FileFacts(user_version=0, application_id=0, table_count=3), path)
    with out.expect("journal of a newer version"):
        check_file(FileFacts(user_version=99, application_id=APPLICATION_ID, table_count=3), path)
    garbage = tmp / "garbage.sqlite3"
    garbage.write_bytes(b"this is not SQLite at all" * 100)
    with out.expect("journal damaged"):
        CallJournal(garbage).close()
    number = parse_phone(NUMBER, "US")
    with CallJournal(path) as journal:
        call = Call(raw_from=NUMBER, raw_to=NUMBER, from_number=number, to_number=number)
        call.final_status = CallStatus.COMPLETED
        journal.save_call(call)
        journal.enqueue_log(call, build_log_body(call))
        with out.expect("queued twice"):
            journal.enqueue_log(call, build_log_body(call))
        withheld = Call(raw_from="anonymous", raw_to=NUMBER, to_number=number, number_withheld=True)
        with out.expect("withheld number"):
            journal.enqueue_log(withheld, {})
        with out.expect("missing number"):
            journal.enqueue_log(Call(raw_from="", raw_to=NUMBER, to_number=number), {})
        with sqlite3.connect(path) as other:
            other.execute("UPDATE calls SET direction = 'SIDEWAYS'")
        other.close()
        with out.expect("journal row edited elsewhere"):
            journal.get_call(call.external_call_id)
    out.add("already logged", AlreadyLogged("c1").user_message)
    now = datetime.now(UTC)
    for label, call in [
        ("notes not Unicode", Call(notes="\ud800")),
        ("title not text", Call(title=123)),  # type: ignore[arg-type]
        ("user id too large", Call(user_id=2**70)),
    ]:
        with out.expect(label):
            call_to_row(call, call.sync_state, now)


# -- start at login, the webhook, baresip ------------------------------------------------------


class _BrokenRegistry:
    def get(self, name: str) -> str | None:
        return None

    def set(self, name: str, value: str) -> None:
        raise PermissionError(13, "Access is denied")

    def delete(self, name: str) -> None:
        raise PermissionError(13, "Access is denied")


def _autostart(out: _Collector, tmp: Path) -> None:
    blocker = tmp / "not-a-folder"
    blocker.write_text("")
    argv = ["/usr/bin/hubcall-desktop"]
    with out.expect("autostart entry"):
        autostart.set_enabled(True, argv, {"XDG_CONFIG_HOME": str(blocker)}, "linux")
    with out.expect("launch agent"):
        autostart.set_enabled(True, argv, {}, "darwin", home=blocker)
    with out.expect("registry"):
        autostart.set_enabled(True, argv, {}, "win32", registry=_BrokenRegistry())
    with out.expect("quote in a path"):
        autostart.set_enabled(True, ['C:\\a"b.exe'], {}, "win32", registry=_BrokenRegistry())
    with out.expect("autostart unsupported"):
        autostart.set_enabled(True, argv, {}, "sunos5")


# As long as a real one: the log's masking (process-wide) keeps every secret it saw, so a
# one-letter secret would mask that letter in the log lines of every later test.
_WEBHOOK_SECRET = Secret("message-samples-webhook-secret-0123456789ab")


async def _sources(out: _Collector, tmp: Path) -> None:
    async def sink(event: object) -> object:
        return None

    with out.expect("webhook without a secret"):
        create_app(sink, Secret(""))  # type: ignore[arg-type]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        quick = WebhookLimits(bind_retry_s=0.1)
        server = WebhookServer(sink, _WEBHOOK_SECRET, port=port, hosts=("127.0.0.1",), limits=quick)  # type: ignore[arg-type]
        await out.expect_async("webhook port taken", server.start())
    with out.expect("empty webhook secret"):
        server.set_secret(Secret(""))
    endpoint = BaresipEndpoint("127.0.0.1", 4444)
    pool = BaresipPool([endpoint], sink)  # type: ignore[arg-type]
    await out.expect_async("baresip: call not open", pool.answer(Call(source_call_id="b1")))
    client = pool.clients[0]
    pool._owner["b1"] = client  # as if this baresip had announced call b1
    await out.expect_async("baresip: not ringing", pool.answer(Call(source_call_id="b1")))
    await out.expect_async("baresip: not open", pool.hangup(Call(source_call_id="b1")))
    client._calls.update({"b1": EventKind.RINGING, "b2": EventKind.RINGING})
    await out.expect_async("baresip: two ringing", pool.answer(Call(source_call_id="b1")))
    await out.expect_async("baresip: two open", pool.hangup(Call(source_call_id="b1")))
    del client._calls["b2"]
    await out.expect_async("baresip: not connected", pool.answer(Call(source_call_id="b1")))
    listening = WebhookServer(sink, _WEBHOOK_SECRET, port=0, hosts=("127.0.0.1",))  # type: ignore[arg-type]
    await listening.start()
    try:
        sources = CallSources(_desk_stub(), tmp / "runtime.json", webhook=listening, baresip=pool)
        for text in sources.listening():
            out.add("status bar source", text)
    finally:
        await listening.stop()


async def _sender_busy(out: _Collector, tmp: Path) -> None:
    async def second_sender() -> None:
        async with SenderLock(tmp).held(0):
            pass

    async with SenderLock(tmp).held(0):  # the real flock, held by "another sender"
        await out.expect_async("sender busy", second_sender())


async def _async_samples(out: _Collector, tmp: Path) -> None:
    await _sender_busy(out, tmp)
    await _service(out)
    await _keyring_timeouts(out, tmp)
    await _oauth(out, tmp)
    await _connection(out, tmp)
    await _sources(out, tmp)
