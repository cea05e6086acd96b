"""``notify`` hands an event to the running app: found through the runtime file,
authenticated with the keyring's secret, recorded as the CLI source."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import ConfigurationError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.handoff import AppNotRunning, EventRefused, notify
from hubcall_desktop.sources.runtime import runtime_info, write_runtime
from hubcall_desktop.sources.webhook import WebhookServer

from .helpers import SECRET, RecordingSink

RINGING = {"event": "ringing", "from": "+4930123456", "to": "", "call_id": "cli-1"}


@pytest.fixture
def runtime_file(tmp_path: Path, server: WebhookServer) -> Path:
    path = tmp_path / "running.json"
    write_runtime(path, runtime_info(server.url, server.port))
    return path


async def test_the_event_reaches_the_app_as_the_cli(
    runtime_file: Path, sink: RecordingSink
) -> None:
    handoff = await notify(RINGING, runtime_file, lambda: SECRET)
    assert handoff.call_id == "call-1"
    [event] = sink.events
    assert event.source is CallSource.CLI and event.source_call_id == "cli-1"


async def test_no_runtime_file_means_not_running(tmp_path: Path) -> None:
    with pytest.raises(AppNotRunning, match=r"No HubCall Desktop is running.*not recorded"):
        await notify(RINGING, tmp_path / "running.json", lambda: SECRET)


async def test_a_stale_runtime_file_means_not_running(
    runtime_file: Path, server: WebhookServer
) -> None:
    await server.stop()
    with pytest.raises(AppNotRunning):
        await notify(RINGING, runtime_file, lambda: SECRET)


async def test_an_app_gone_between_check_and_post_is_not_running(runtime_file: Path) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(AppNotRunning, match="does not answer"):
        await notify(RINGING, runtime_file, lambda: SECRET, transport=httpx.MockTransport(refuse))


async def test_no_secret_or_a_wrong_one_is_a_configuration_error(
    runtime_file: Path, sink: RecordingSink
) -> None:
    with pytest.raises(ConfigurationError, match="keyring"):
        await notify(RINGING, runtime_file, lambda: None)
    with pytest.raises(ConfigurationError, match="refused the webhook secret"):
        await notify(RINGING, runtime_file, lambda: Secret("not-the-secret"))
    assert sink.events == []


async def test_refused_input_names_the_field(runtime_file: Path, sink: RecordingSink) -> None:
    with pytest.raises(EventRefused) as caught:
        await notify({**RINGING, "reason": "busy"}, runtime_file, lambda: SECRET)
    assert caught.value.status == 400 and caught.value.field == "reason"
    assert "reason" in caught.value.user_message
    assert sink.events == []


@pytest.mark.parametrize(
    ("status", "payload"),
    [(429, {"error": "too many requests"}), (202, {"accepted": True}), (500, "oops")],
)
async def test_other_answers_are_refusals(runtime_file: Path, status: int, payload: object) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=payload)

    with pytest.raises(EventRefused) as caught:
        await notify(RINGING, runtime_file, lambda: SECRET, transport=httpx.MockTransport(answer))
    assert caught.value.status == status
