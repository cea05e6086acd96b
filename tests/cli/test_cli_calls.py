"""``lookup``, ``log``, ``sync`` and ``history`` as a script would use them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.api_versions import API_VERSIONS, VERSIONS
from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, Fault, SandboxThread

ANNA = "+493055501234"
LOG = ["log", "--from", "030 55501234", "--to", DEMO_AGENT_NUMBER, "--status", "completed"]


def test_lookup_prints_matches(run: Any) -> None:
    result = run("lookup", ANNA, "--to", DEMO_AGENT_NUMBER, "--json")
    assert result.code == 0, result.err
    assert [m["displayName"] for m in result.json()["matches"]] == ["Anna Schmidt"]


def test_lookup_to_defaults_to_own_number(run: Any, cli_env: dict[str, str]) -> None:
    result = run("lookup", ANNA)
    assert result.code == 2
    assert "--to" in result.err and "own_number" in result.err
    settings = Path(cli_env["HUBCALL_DATA_DIR"]) / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"own_number": "+4930555012300"}')
    assert run("lookup", ANNA).code == 0


@pytest.mark.parametrize("version", API_VERSIONS)
def test_log_is_accepted_on_every_version(run: Any, sandbox: SandboxThread, version: str) -> None:
    result = run(
        "--api-version",
        version,
        *LOG,
        "--duration",
        "95",
        "--notes",
        "Rückruf",
        "--title",
        "Support",
        "--user-id",
        "12",
        "--recipient",
        "3",
        "4",
        "--started",
        "2026-11-24T09:30:00+01:00",
        "--json",
    )
    assert result.code == 0, result.err
    assert result.json()["state"] == "logged"
    (body,) = sandbox.logged_calls()
    assert body["callStartedTimestamp"] == "2026-11-24T08:30:00Z"
    assert body["durationSeconds"] == 95
    assert body["userId"] == 12
    assert body["potentialRecipientUserIds"] == [3, 4]
    assert body["engagementProperties"]["hs_call_body"] == "Rückruf"
    assert body["fromNumber"]["e164Number"] == "+493055501234"
    assert [r.path for r in sandbox.requests] == [VERSIONS[version].path]


def test_offline_log_exits_4_and_sync_delivers_exactly_once(
    run: Any, sandbox: SandboxThread, cli_env: dict[str, str]
) -> None:
    sandbox.faults.add(Fault.status(503, times=100))
    result = run(*LOG, "--call-id", "offline-1")
    assert result.code == 4, result.err
    assert "queued" in result.err
    assert sandbox.logged_calls() == []
    history = run("history", "--json").json()["calls"]
    assert [(c["externalCallId"], c["syncState"]) for c in history] == [("offline-1", "pending")]

    sandbox.faults.clear()
    synced = run("sync", "--json")
    assert synced.code == 0, synced.err
    assert synced.json()["delivered"] == 1
    assert [b["externalCallId"] for b in sandbox.logged_calls()] == ["offline-1"]

    again = run("sync", "--json")
    assert again.json() == {
        "delivered": 0,
        "failed": 0,
        "pending": 0,
        "errors": [],
        "waitingForNumber": 0,
    }
    assert run(*LOG, "--call-id", "offline-1").code == 0  # already logged: not sent again
    assert len(sandbox.logged_calls()) == 1
    assert run("history", "--json").json()["calls"][0]["syncState"] == "logged"


def test_server_down_exits_4(run: Any, cli_env: dict[str, str]) -> None:
    env = {**cli_env, "HUBCALL_API_BASE": "http://127.0.0.1:9"}
    result = run(*LOG, env=env)
    assert result.code == 4
    assert "Could not reach HubSpot" in result.err


def test_refused_by_hubspot_exits_3_with_correlation_id(run: Any, cli_env: dict[str, str]) -> None:
    env = {**cli_env, "HUBCALL_ACCESS_TOKEN": "expired-token"}
    result = run(*LOG, "--json", env=env)
    assert result.code == 3
    doc = result.json()
    assert doc["error"]["correlationId"]
    assert "Reconnect" in doc["message"]
    # Support asks for the correlation id: history keeps HubSpot's last refusal beside the call.
    history = run("history", "--json", env=env).json()["calls"]
    (call,) = history
    assert call["lastError"]["correlationId"] == doc["error"]["correlationId"]
    assert call["lastError"]["category"] == doc["error"]["category"]


def test_history_without_a_refusal_has_no_last_error(run: Any) -> None:
    assert run(*LOG).code == 0
    (call,) = run("history", "--json").json()["calls"]
    assert call["lastError"] is None


def test_history_shows_source_and_call_id(run: Any) -> None:
    assert run(*LOG, "--call-id", "pbx-777").code == 0
    (call,) = run("history", "--json").json()["calls"]
    assert call["source"] == "cli"
    assert call["call_id"] is None or call["call_id"] == "pbx-777"
    assert call["externalCallId"] == "pbx-777"
    assert call["matches"][0]["displayName"] == "Anna Schmidt"
    text = run("history")
    assert "Anna Schmidt" in text.out and "Completed" in text.out


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["log", "--from", "hello", "--to", DEMO_AGENT_NUMBER, "--status", "completed"], "--from"),
        (["log", "--from", ANNA, "--to", "204", "--status", "completed"], "--to"),
        (
            ["log", "--from", "anonymous", "--to", DEMO_AGENT_NUMBER, "--status", "missed"],
            "withheld",
        ),
        ([*LOG[:-1], "DONE"], "--status"),
        ([*LOG, "--duration", "-5"], "--duration"),
        ([*LOG, "--duration", "99999999999"], "--duration"),
        ([*LOG, "--duration", "ten"], "--duration"),
        ([*LOG, "--user-id", "3000000000"], "user id"),
        ([*LOG, "--recipient", "0"], "recipient"),
        ([*LOG, "--started", "yesterday"], "--started"),
        ([*LOG, "--started", "2999-01-01T00:00:00Z"], "future"),
        ([*LOG, "--call-id", ""], "--call-id"),
        ([*LOG, "--call-id", "x" * 300], "--call-id"),
        ([*LOG, "--notes", "n" * 70_000], "notes"),
        (["--region", "XX", *LOG], "--region"),
        (["--api-version", "v4", *LOG], "--api-version"),
        (["--api-base", "ftp://example.invalid", *LOG], "--api-base"),
        (["--api-base", "https://user:pw@api.example.invalid", *LOG], "--api-base"),
        (["history", "--limit", "0"], "--limit"),
        (["lookup", "", "--to", DEMO_AGENT_NUMBER], "FROM"),
        (["log", "--from", ANNA], "--to"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_naming_the_field(
    run: Any, sandbox: SandboxThread, args: list[str], named: str
) -> None:
    result = run(*args)
    assert result.code == 2, (result.out, result.err)
    assert named in result.err
    assert "Traceback" not in result.err
    assert sandbox.requests == ()


def test_no_keyring_backend_exits_5(run: Any, cli_env: dict[str, str]) -> None:
    env = {k: v for k, v in cli_env.items() if k != "HUBCALL_ACCESS_TOKEN"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = run(*LOG, env=env)
    assert result.code == 5
    assert "keyring" in result.err.lower()
    assert "HUBCALL_ACCESS_TOKEN" in result.err


def test_corrupted_journal_exits_5_and_is_left_untouched(run: Any, cli_env: dict[str, str]) -> None:
    data = Path(cli_env["HUBCALL_DATA_DIR"])
    data.mkdir(parents=True)
    journal = data / "journal.sqlite3"
    garbage = b"this is not a database" * 100
    journal.write_bytes(garbage)
    result = run(*LOG)
    assert result.code == 5
    assert "journal.sqlite3" in result.err
    assert journal.read_bytes() == garbage


def test_locked_journal_exits_5_and_keeps_its_data(run: Any, cli_env: dict[str, str]) -> None:
    assert run(*LOG, "--call-id", "kept").code == 0
    journal = Path(cli_env["HUBCALL_DATA_DIR"]) / "journal.sqlite3"
    holder = sqlite3.connect(journal)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run(*LOG, "--call-id", "blocked")
    finally:
        holder.rollback()
        holder.close()
    assert result.code == 5, result.err
    assert "locked" in result.err.lower() or "busy" in result.err.lower()
    calls = run("history", "--json").json()["calls"]
    assert [c["externalCallId"] for c in calls] == ["kept"]
