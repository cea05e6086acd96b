"""``log --outcome``: the portal's outcome by name (any case) or GUID, read from HubSpot once
and cached; an unknown one exits 2 naming the field and the choices; the history shows it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.sandbox import Fault, SandboxThread
from hubcall_desktop.sandbox.outcomes import DISPOSITION_PATH, PORTAL_OUTCOME

LOG = ("log", "--from", "+49 30 55501234", "--to", "+49 30 555012300", "--status", "completed")
OWN_LABEL, OWN_GUID = PORTAL_OUTCOME[0], PORTAL_OUTCOME[1]
VOICEMAIL = "b2cf5968-551e-4856-9783-52b3da59a7d0"


def outcome_reads(sandbox: SandboxThread) -> int:
    return sum(r.path == DISPOSITION_PATH for r in sandbox.requests)


@pytest.mark.parametrize(
    ("given", "guid"),
    [("left VOICEMAIL", VOICEMAIL), ("left_voicemail", VOICEMAIL), (VOICEMAIL.upper(), VOICEMAIL)],
)
def test_a_default_outcome_by_name_or_guid_is_sent_as_its_guid(
    run: Any, sandbox: SandboxThread, given: str, guid: str
) -> None:
    result = run(*LOG, "--outcome", given, "--json")
    assert result.code == 0, result.err
    (body,) = sandbox.logged_calls()
    assert body["engagementProperties"]["hs_call_disposition"] == guid


def test_the_portals_own_outcome_is_read_once_then_cached(
    run: Any, sandbox: SandboxThread, cli_env: dict[str, str]
) -> None:
    assert run(*LOG, "--outcome", OWN_LABEL.lower()).code == 0
    assert run(*LOG, "--outcome", OWN_LABEL).code == 0
    bodies = sandbox.logged_calls()
    assert [b["engagementProperties"]["hs_call_disposition"] for b in bodies] == [OWN_GUID] * 2
    assert outcome_reads(sandbox) == 1  # the second run used the cached list
    cache = json.loads((Path(cli_env["HUBCALL_DATA_DIR"]) / "call_outcomes.json").read_text())
    assert OWN_LABEL in [o["label"] for o in cache["portals"]["default"]["outcomes"]]

    (call, _) = run("history", "--json").json()["calls"]
    assert call["outcome"] == {"guid": OWN_GUID, "label": OWN_LABEL}
    assert OWN_LABEL in run("history").out


def test_an_unknown_outcome_exits_2_naming_the_field_and_the_choices(
    run: Any, sandbox: SandboxThread
) -> None:
    result = run(*LOG, "--outcome", "Sold")
    assert result.code == 2
    assert "--outcome" in result.err and "'Sold'" in result.err
    assert "Connected" in result.err and OWN_LABEL in result.err
    assert sandbox.logged_calls() == []
    assert run("history", "--json").json()["calls"] == []  # nothing journaled


def test_offline_a_default_outcome_still_works_and_the_call_is_queued(
    run: Any, sandbox: SandboxThread
) -> None:
    sandbox.faults.add(Fault.status(503, times=100))
    result = run(*LOG, "--outcome", "no answer", "--call-id", "off-1")
    assert result.code == 4, result.err
    sandbox.faults.clear()
    assert run("sync").code == 0
    (body,) = sandbox.logged_calls()
    assert body["engagementProperties"]["hs_call_disposition"] == (
        "73a0d17f-1163-4015-bdd5-ec830791da20"
    )
    (call,) = run("history", "--json").json()["calls"]
    assert call["outcome"]["label"] == "No answer"


def test_without_outcome_none_is_sent(run: Any, sandbox: SandboxThread) -> None:
    assert run(*LOG).code == 0
    (body,) = sandbox.logged_calls()
    assert "hs_call_disposition" not in body["engagementProperties"]
    assert outcome_reads(sandbox) == 0
    assert run("history", "--json").json()["calls"][0]["outcome"] is None
