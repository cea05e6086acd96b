"""``lookup``, ``log`` and ``sync`` for an agent connected with OAuth only (``auth login``):
real subprocesses, the real Secret Service (test session), the sandbox as HubSpot. The
sandbox accepts no fixed token for its own portal here, so every request it accepts there
carried an access token its OAuth server issued."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.api_versions import DEFAULT_API_VERSION, VERSIONS
from hubcall_desktop.sandbox import (
    DEMO_AGENT_NUMBER,
    SANDBOX_PORTAL_ID,
    Fault,
    SandboxServer,
    SandboxThread,
)
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_SECRET

from .conftest import Result, keyring_value, login, oauth_counts

ANNA = "+493055501234"
LOG = ["log", "--from", ANNA, "--to", DEMO_AGENT_NUMBER, "--status", "completed"]
PRIVATE_TOKEN, PRIVATE_ID = "pat-cli-private-1", 900_000_021
ENV_TOKEN, ENV_ID = "pat-cli-env-2", 900_000_022
RECONNECT = "hubcall-desktop auth login"

pytestmark = pytest.mark.usefixtures("keyring_entries")


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    server = SandboxServer(tokens=(), portal_tokens={PRIVATE_TOKEN: PRIVATE_ID, ENV_TOKEN: ENV_ID})
    with SandboxThread(server) as thread:
        yield thread


def admin(sandbox: SandboxThread, action: str, body: Any = None) -> None:
    url = sandbox.base_url + "/_sandbox/oauth" + (f"/{action}" if action else "")
    httpx.post(url, json=body, timeout=10).raise_for_status()


def refreshes(sandbox: SandboxThread) -> list[str]:
    """The recorded bodies of the refresh requests (form text), in order."""
    return [
        str(r.body)
        for r in sandbox.requests
        if r.path.endswith("/token") and "grant_type=refresh_token" in str(r.body)
    ]


# A fresh data folder is a new install: the commands speak the default dated path.
INBOUND_CALL_PATH = VERSIONS[DEFAULT_API_VERSION].path


def inbound(sandbox: SandboxThread) -> list[Any]:
    return [r for r in sandbox.requests if r.is_inbound_call]


def expires_at(env: dict[str, str]) -> float:
    doc = json.loads((Path(env["HUBCALL_DATA_DIR"]) / "oauth.json").read_text())
    return float(doc["portals"]["default"]["expires_at"])


def connect(oauth_env: dict[str, str]) -> None:
    code, _, err, _ = login(oauth_env)
    assert code == 0, err


def messages(lines: list[str]) -> list[str]:
    """The lines meant for the agent, without the log records beside them on stderr."""
    return [line for line in lines if not line.startswith(("DEBUG ", "INFO ", "WARNING "))]


def no_secret_in(*results: Result) -> None:
    for result in results:
        assert "sbx-" not in result.out + result.err  # the sandbox's tokens all start so


def test_lookup_log_and_sync_use_the_oauth_connection(
    run: Any, sandbox: SandboxThread, oauth_env: dict[str, str]
) -> None:
    saved = run("auth", "set-client-secret", env=oauth_env, stdin=SANDBOX_CLIENT_SECRET)
    assert saved.code == 0, saved.err
    connect(oauth_env)
    logged_in_until = expires_at(oauth_env)
    assert keyring_value("access-token:default") == ""  # no private token anywhere

    found = run("-vv", "lookup", ANNA, "--to", DEMO_AGENT_NUMBER, "--json", env=oauth_env)
    assert found.code == 0, found.err
    assert [m["displayName"] for m in found.json()["matches"]] == ["Anna Schmidt"]

    logged = run(*LOG, "--call-id", "oauth-1", env=oauth_env)
    assert logged.code == 0, logged.err

    sandbox.faults.add(Fault.status(503, times=100, path=INBOUND_CALL_PATH))
    queued = run(*LOG, "--call-id", "oauth-2", env=oauth_env)
    assert queued.code == 4, queued.err
    sandbox.faults.clear()
    synced = run("sync", "--json", env=oauth_env)
    assert synced.code == 0, synced.err
    assert synced.json()["delivered"] == 1

    assert [b["externalCallId"] for b in sandbox.logged_calls()] == ["oauth-1", "oauth-2"]
    accepted = [r for r in inbound(sandbox) if r.accepted]
    assert len(accepted) == 3  # the lookup and the two logs
    assert {r.portal_id for r in accepted} == {SANDBOX_PORTAL_ID}
    # The access token lives in memory only: each command refreshed once, with the
    # client secret the agent saved, and the manager moved the expiry in oauth.json.
    bodies = refreshes(sandbox)
    assert len(bodies) == 4
    assert all("client_secret=" in body for body in bodies)
    assert expires_at(oauth_env) > logged_in_until
    no_secret_in(found, logged, queued, synced)
    refresh = keyring_value("oauth-refresh-token:default")
    for path in Path(oauth_env["HUBCALL_DATA_DIR"]).rglob("*"):
        if path.is_file():
            assert b"sbx-" not in path.read_bytes(), path
    assert refresh.startswith("sbx-rt-")


def test_short_lived_tokens_are_refreshed(
    run: Any, sandbox: SandboxThread, oauth_env: dict[str, str]
) -> None:
    admin(sandbox, "", {"expires_in": 60})
    connect(oauth_env)
    before = expires_at(oauth_env)
    assert before < time.time() + 61

    admin(sandbox, "expire-all")  # the token the login got is dead now
    found = run("lookup", ANNA, "--to", DEMO_AGENT_NUMBER, env=oauth_env)
    assert found.code == 0, found.err
    assert "Anna Schmidt" in found.out
    assert expires_at(oauth_env) > before

    admin(sandbox, "expire-all")
    logged = run(*LOG, "--call-id", "short-1", env=oauth_env)
    assert logged.code == 0, logged.err

    # Within one command: HubSpot refuses the fresh token once (a 401); the request goes
    # again with a refreshed token, so both queued calls are sent by this one sync.
    sandbox.faults.add(Fault.status(503, times=100, path=INBOUND_CALL_PATH))
    for call_id in ("short-2", "short-3"):
        assert run(*LOG, "--call-id", call_id, env=oauth_env).code == 4
    sandbox.faults.clear()
    sandbox.faults.add(Fault.status(401, path=INBOUND_CALL_PATH))
    refreshed_before = len(refreshes(sandbox))
    synced = run("sync", "--json", env=oauth_env)
    assert synced.code == 0, synced.err
    doc = synced.json()
    assert (doc["delivered"], doc["pending"]) == (2, 0)
    assert len(refreshes(sandbox)) - refreshed_before == 2  # at start, and once after the 401
    ids = sorted(b["externalCallId"] for b in sandbox.logged_calls())
    assert ids == ["short-1", "short-2", "short-3"]
    no_secret_in(found, logged, synced)


def test_revoked_connection_keeps_the_call_until_the_agent_logs_in_again(
    run: Any, sandbox: SandboxThread, oauth_env: dict[str, str]
) -> None:
    connect(oauth_env)
    admin(sandbox, "revoke-all")  # the agent removed the app in HubSpot

    kept = run(*LOG, "--call-id", "revoked-1", env=oauth_env)
    assert kept.code == 3, kept.err  # as when HubSpot refuses a private token
    assert RECONNECT in kept.err and "kept in the outbox" in kept.err
    assert "Traceback" not in kept.err
    as_json = run(*LOG, "--call-id", "revoked-2", "--json", env=oauth_env)
    assert as_json.code == 3, as_json.err
    doc = as_json.json()
    assert (doc["state"], doc["exitCode"]) == ("pending", 3)
    assert doc["error"] == {"error": "ReconnectNeeded"}
    assert RECONNECT in doc["message"]
    history = run("history", "--json", env=oauth_env).json()["calls"]
    assert {(c["externalCallId"], c["syncState"]) for c in history} == {
        ("revoked-1", "pending"),
        ("revoked-2", "pending"),
    }

    looked = run("lookup", ANNA, "--to", DEMO_AGENT_NUMBER, "--json", env=oauth_env)
    assert looked.code == 3
    assert looked.json()["error"] == "ReconnectNeeded"
    assert RECONNECT in looked.json()["message"]

    waiting = run("sync", env=oauth_env)
    assert waiting.code == 4, waiting.err
    said = [line for line in waiting.err.splitlines() if RECONNECT in line]
    assert len(messages(said)) == 1  # said once, not once per call (logs aside)
    assert sandbox.logged_calls() == []

    connect(oauth_env)
    delivered = run("sync", "--json", env=oauth_env)
    assert delivered.code == 0, delivered.err
    assert delivered.json()["delivered"] == 2
    assert run("sync", "--json", env=oauth_env).json()["delivered"] == 0
    ids = sorted(b["externalCallId"] for b in sandbox.logged_calls())
    assert ids == ["revoked-1", "revoked-2"]  # exactly once each
    no_secret_in(kept, as_json, looked, waiting, delivered)


def test_unreachable_oauth_server_keeps_the_call(
    run: Any, sandbox: SandboxThread, oauth_env: dict[str, str]
) -> None:
    connect(oauth_env)
    offline = {**oauth_env, "HUBCALL_API_BASE": "http://127.0.0.1:9"}
    looked = run("lookup", ANNA, "--to", DEMO_AGENT_NUMBER, env=offline)
    assert looked.code == 3  # as when HubSpot itself cannot be reached
    assert "Could not reach HubSpot" in looked.err
    kept = run(*LOG, "--call-id", "offline-oauth", env=offline)
    assert kept.code == 4, kept.err
    assert "queued" in kept.err
    synced = run("sync", "--json", env=oauth_env)
    assert synced.code == 0, synced.err
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == ["offline-oauth"]
    no_secret_in(looked, kept, synced)


def test_no_connection_at_all_stops_before_journaling(
    run: Any, sandbox: SandboxThread, oauth_env: dict[str, str]
) -> None:
    for args in (LOG, ["lookup", ANNA, "--to", DEMO_AGENT_NUMBER], ["sync"]):
        result = run(*args, env=oauth_env)
        assert result.code == 5, result.err
        assert "No HubSpot access token is saved" in result.err
    assert run("history", "--json", env=oauth_env).json()["calls"] == []
    assert sandbox.requests == ()


def test_the_command_line_uses_the_connection_the_app_uses(
    run: Any, sandbox: SandboxThread, oauth_env: dict[str, str]
) -> None:
    """The app's rule: the environment's token, else OAuth (metadata and a refresh token),
    else the private-app token. ``auth set-token`` replaces OAuth, as Save in the app does."""

    def portal_of_lookup(env: dict[str, str]) -> int | None:
        result = run("lookup", ANNA, "--to", DEMO_AGENT_NUMBER, env=env)
        assert result.code == 0, result.err
        return inbound(sandbox)[-1].portal_id

    def connection() -> str:
        return str(run("auth", "status", "--json", env=oauth_env).json()["connection"])

    saved = run("auth", "set-token", "--no-check", env=oauth_env, stdin=PRIVATE_TOKEN)
    assert saved.code == 0, saved.err
    assert portal_of_lookup(oauth_env) == PRIVATE_ID

    connect(oauth_env)
    assert keyring_value("access-token:default") == PRIVATE_TOKEN  # both are kept now
    assert connection() == "oauth"
    assert portal_of_lookup(oauth_env) == SANDBOX_PORTAL_ID
    assert portal_of_lookup({**oauth_env, "HUBCALL_ACCESS_TOKEN": ENV_TOKEN}) == ENV_ID

    again = run("auth", "set-token", "--no-check", env=oauth_env, stdin=PRIVATE_TOKEN)
    assert again.code == 0, again.err
    assert keyring_value("oauth-refresh-token:default") == ""
    assert oauth_counts(sandbox)["counts"].get("revoked") == 1
    assert connection() == "private-app"
    assert portal_of_lookup(oauth_env) == PRIVATE_ID
