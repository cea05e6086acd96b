"""``log`` and ``sync`` for an agency agent with several portals: a queued call goes to the
portal it was logged in, whichever portal is active when ``sync`` runs. Real subprocesses,
the real Secret Service (test session) holding one token per portal, the sandbox telling
the portals apart by token."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, Fault, SandboxServer, SandboxThread

TOKEN_ACME, TOKEN_BETA = "pat-cli-acme-1", "pat-cli-beta-2"
ACME_ID, BETA_ID = 900_000_011, 900_000_012
LOG = ["log", "--from", "030 55501234", "--to", DEMO_AGENT_NUMBER, "--status", "completed"]


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    server = SandboxServer(portal_tokens={TOKEN_ACME: ACME_ID, TOKEN_BETA: BETA_ID})
    with SandboxThread(server) as thread:
        yield thread


@pytest.fixture
def agency_env(cli_env: dict[str, str]) -> dict[str, str]:
    """The environment's token stands for the active portal only: here beta's."""
    return {**cli_env, "HUBCALL_ACCESS_TOKEN": TOKEN_BETA}


def activate(env: dict[str, str], portal: str) -> None:
    path = Path(env["HUBCALL_DATA_DIR"]) / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    settings = json.loads(path.read_text()) if path.exists() else {}
    path.write_text(json.dumps({**settings, "active_portal": portal}))


@pytest.mark.usefixtures("keyring_entries")
def test_sync_sends_each_queued_call_with_its_portals_token(
    run: Any, sandbox: SandboxThread, agency_env: dict[str, str]
) -> None:
    saved = run("auth", "set-token", "--portal", "acme", "--no-check", stdin=TOKEN_ACME)
    assert saved.code == 0, saved.err

    activate(agency_env, "acme")
    sandbox.faults.add(Fault.status(503, times=100))
    no_env = {k: v for k, v in agency_env.items() if k != "HUBCALL_ACCESS_TOKEN"}
    queued = run(*LOG, "--call-id", "for-acme", env=no_env)  # acme's own keyring token
    assert queued.code == 4, queued.err
    (call,) = run("history", "--json", env=no_env).json()["calls"]
    assert (call["externalCallId"], call["portal"]) == ("for-acme", "acme")

    activate(agency_env, "beta")
    sandbox.faults.clear()
    synced = run("sync", "--json", env=agency_env)
    assert synced.code == 0, synced.err
    assert synced.json()["delivered"] == 1
    # Sent with acme's token, not with the environment's (beta's).
    assert [b["externalCallId"] for b in sandbox.server.logged_calls(ACME_ID)] == ["for-acme"]
    assert sandbox.server.logged_calls(BETA_ID) == []

    # A call of a portal logged out since waits, named, and goes once it is back.
    activate(agency_env, "acme")
    sandbox.faults.add(Fault.status(503, times=100))
    assert run(*LOG, "--call-id", "later-acme", env=no_env).code == 4
    assert run("auth", "logout", "--portal", "acme", env=no_env).code == 0
    activate(agency_env, "beta")
    sandbox.faults.clear()
    held = run("sync", "--json", env=agency_env)
    assert held.code == 4, held.err
    doc = held.json()
    assert doc["pending"] == 1 and doc["delivered"] == 0
    (error,) = doc["errors"]
    assert error["externalCallId"] == "later-acme" and error["portal"] == "acme"
    assert "portal 'acme'" in error["sentence"]
    assert TOKEN_ACME not in held.out + held.err

    assert run("auth", "set-token", "--portal", "acme", "--no-check", stdin=TOKEN_ACME).code == 0
    again = run("sync", "--json", env=agency_env)
    assert again.code == 0, again.err
    logged = [b["externalCallId"] for b in sandbox.server.logged_calls(ACME_ID)]
    assert logged == ["for-acme", "later-acme"]
    assert sandbox.server.logged_calls(BETA_ID) == []
