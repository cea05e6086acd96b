"""``log``'s exit code, state and message for each verdict of the log-a-call use case, as
the README's exit-code table promises them."""

from __future__ import annotations

import json

import pytest

from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.log_command import report
from hubcall_desktop.core.call import Call
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.hubspot.errors import HubSpotAuthError, HubSpotServerError
from hubcall_desktop.secrets.oauth_errors import ReconnectNeeded
from hubcall_desktop.services.log_call import LogVerdict
from hubcall_desktop.storage.errors import AlreadyLogged, AlreadyQueued
from hubcall_desktop.storage.sender_lock import SenderBusy

CALL = Call(external_call_id="c-1")
CASES = [
    (Verdict.SENT, None, ExitCode.OK, "logged", "Logged in HubSpot."),
    (Verdict.ALREADY_LOGGED, AlreadyLogged("c-1"), ExitCode.OK, "logged", "already logged"),
    (Verdict.ALREADY_QUEUED, AlreadyQueued("c-1"), ExitCode.QUEUED, "pending", "waiting"),
    (Verdict.QUEUED, HubSpotServerError("502"), ExitCode.QUEUED, "pending", "safely queued"),
    (Verdict.SENDING_ELSEWHERE, None, ExitCode.QUEUED, "pending", "Another HubCall process"),
    (Verdict.SENDING_ELSEWHERE, SenderBusy(), ExitCode.QUEUED, "pending", "The call is queued."),
    (Verdict.REFUSED, HubSpotServerError("no"), ExitCode.HUBSPOT_REFUSED, "failed", "no"),
    (
        Verdict.CONNECTION_REFUSED,
        HubSpotAuthError("token refused"),
        ExitCode.HUBSPOT_REFUSED,
        "pending",
        "once the connection works",
    ),
    (
        Verdict.CONNECTION_REFUSED,
        ReconnectNeeded("p1"),
        ExitCode.HUBSPOT_REFUSED,
        "pending",
        "auth login",
    ),
    (
        Verdict.NO_TOKEN,
        UserError("the keyring is locked"),
        ExitCode.CONFIGURATION,
        "pending",
        "once the connection works",
    ),
]


@pytest.mark.parametrize(
    ("verdict", "error", "code", "state", "said"),
    CASES,
    ids=[f"{c[0]}-{type(c[1]).__name__}" for c in CASES],
)
def test_each_verdict_has_its_documented_exit_code(
    capsys: pytest.CaptureFixture[str],
    verdict: Verdict,
    error: UserError | None,
    code: ExitCode,
    state: str,
    said: str,
) -> None:
    assert report(LogVerdict(verdict, CALL, error), as_json=True) == code
    doc = json.loads(capsys.readouterr().out)
    assert (doc["exitCode"], doc["state"], doc["externalCallId"]) == (code, state, "c-1")
    assert said in doc["message"]
