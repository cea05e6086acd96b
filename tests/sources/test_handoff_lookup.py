"""Which app ``notify`` and ``webhook info`` reach, and what they say when none can take
the event: no app, an app whose webhook is off (in its settings, or it could not start),
a demo alone, a demo beside the real app (the real app wins; ``--demo`` reaches the demo)."""

from __future__ import annotations

import argparse
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hubcall_desktop.cli import sources_commands
from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.core.errors import ConfigurationError, UserError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.handoff import (
    AppNotRunning,
    SecretGetter,
    WebhookOff,
    locate_app,
    notify,
    require_secret,
)
from hubcall_desktop.sources.runtime import demo_runtime_file, runtime_info, write_runtime

from .helpers import SECRET, ThreadedWebhook

DEMO_SECRET = Secret("demo-secret-0123456789abcdefghijklmnopqrstuvwxyz")
RINGING = {"event": "ringing", "from": "+4930123456", "to": ""}


def no_keyring() -> Secret | None:
    raise AssertionError("the keyring was read for the demo")


@pytest.fixture
def listening() -> Iterator[int]:
    """A port something answers on: what the probe of a running app's webhook sees."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])


@pytest.fixture
def real(tmp_path: Path) -> Path:
    return tmp_path / "data" / "running.json"


@pytest.fixture
def demo() -> Path:
    return demo_runtime_file()  # in the test's own runtime folder (conftest)


def app_at(path: Path, port: int, *, is_demo: bool = False) -> None:
    url = f"http://127.0.0.1:{port}"
    write_runtime(path, runtime_info(url, port, demo=is_demo, secret=DEMO_SECRET))


# -- the choice ------------------------------------------------------------------------------


def test_nothing_running(real: Path, demo: Path) -> None:
    with pytest.raises(AppNotRunning) as caught:
        locate_app(real, demo, command="webhook info")
    text = caught.value.user_message
    assert text.startswith("No HubCall Desktop is running for the data folder")
    assert str(real.parent) in text and "hubcall-desktop --demo" in text
    assert "recorded" not in text  # an info command records nothing
    with pytest.raises(AppNotRunning, match="The event was not recorded"):
        locate_app(real, demo, unrecorded=True)


def test_the_real_app_with_its_webhook_off_in_settings(real: Path, demo: Path) -> None:
    write_runtime(real, runtime_info("", 0))
    with pytest.raises(WebhookOff) as caught:
        locate_app(real, demo)
    text = caught.value.user_message
    assert "HubCall Desktop is running, but its webhook is off" in text
    assert "Settings → Softphone" in text and "not running" not in text


def test_the_real_app_whose_webhook_could_not_start(real: Path, demo: Path) -> None:
    write_runtime(real, runtime_info("", 0, webhook_problem="Port 47831 is taken."))
    with pytest.raises(WebhookOff, match=r"could not start: Port 47831 is taken\."):
        locate_app(real, demo)


def test_a_demo_alone_is_reached(real: Path, demo: Path, listening: int) -> None:
    app_at(demo, listening, is_demo=True)
    found = locate_app(real, demo)
    assert found.app.demo and found.app.port == listening
    assert require_secret(no_keyring, found.app) == DEMO_SECRET


def test_the_real_app_wins_and_the_demo_is_named_beside_it(
    real: Path, demo: Path, listening: int
) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        demo_port = int(other.getsockname()[1])
        app_at(real, listening)
        app_at(demo, demo_port, is_demo=True)
        found = locate_app(real, demo)
        assert not found.app.demo and found.app.port == listening
        assert found.demo_beside is not None and found.demo_beside.port == demo_port
        assert locate_app(real, demo, demo_only=True).app.port == demo_port


def test_a_real_app_with_its_webhook_off_is_not_passed_over_for_the_demo(
    real: Path, demo: Path, listening: int
) -> None:
    write_runtime(real, runtime_info("", 0))
    app_at(demo, listening, is_demo=True)
    with pytest.raises(WebhookOff) as caught:
        locate_app(real, demo, command="notify")
    text = caught.value.user_message
    assert "webhook is off" in text
    assert f"A demo is running at http://127.0.0.1:{listening}" in text
    assert "hubcall-desktop --demo notify reaches it" in text


def test_demo_only_without_a_demo(real: Path, demo: Path, listening: int) -> None:
    app_at(real, listening)
    with pytest.raises(AppNotRunning, match="No HubCall Desktop demo is running"):
        locate_app(real, demo, demo_only=True)


def test_a_demo_whose_webhook_could_not_start(real: Path, demo: Path) -> None:
    write_runtime(demo, runtime_info("", 0, demo=True, webhook_problem="No port."))
    with pytest.raises(WebhookOff, match="The HubCall Desktop demo is running, but its webhook"):
        locate_app(real, demo)


def test_a_stale_demo_file_is_no_demo(real: Path, demo: Path) -> None:
    with socket.socket() as gone:
        gone.bind(("127.0.0.1", 0))
        port = int(gone.getsockname()[1])  # bound, never listening
    app_at(demo, port, is_demo=True)
    with pytest.raises(AppNotRunning, match="No HubCall Desktop is running"):
        locate_app(real, demo)


def test_a_keyring_without_the_secret_of_a_running_app(real: Path, listening: int) -> None:
    app_at(real, listening)
    found = locate_app(real)
    with pytest.raises(ConfigurationError, match="sees another keyring than the app"):
        require_secret(lambda: None, found.app)


# -- the hand-off ----------------------------------------------------------------------------


async def test_a_timeout_does_not_claim_the_event_was_lost(real: Path, listening: int) -> None:
    app_at(real, listening)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(UserError, match="may or may not have been recorded"):
        await notify(RINGING, real, lambda: SECRET, transport=httpx.MockTransport(slow))


async def test_the_demo_refusing_its_own_secret_says_restart_the_demo(
    real: Path, demo: Path, listening: int
) -> None:
    app_at(demo, listening, is_demo=True)

    def refuse(request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == f"Bearer {DEMO_SECRET.reveal()}"
        return httpx.Response(401, json={"error": "unauthorized"})

    with pytest.raises(ConfigurationError, match=r"The demo at .* refused .*restart the demo"):
        await notify(
            RINGING, real, no_keyring, demo_file=demo, transport=httpx.MockTransport(refuse)
        )


# -- the commands ------------------------------------------------------------------------------


def run(argv: list[str], data_dir: Path, getter: SecretGetter = lambda: SECRET) -> int:
    parser = argparse.ArgumentParser(prog="hubcall-desktop")
    parser.add_argument("--data-dir")
    parser.add_argument("--demo", action="store_true")
    sub = parser.add_subparsers(dest="command")
    sources_commands.register(sub, secret_getter=getter)
    args = parser.parse_args(["--data-dir", str(data_dir), *argv])
    return int(args.handler(args))


@pytest.fixture
def demo_app(demo: Path) -> Iterator[ThreadedWebhook]:
    with ThreadedWebhook(DEMO_SECRET) as webhook:
        assert webhook.server is not None
        url, port = webhook.server.url, webhook.server.port
        write_runtime(demo, runtime_info(url, port, demo=True, secret=DEMO_SECRET))
        yield webhook


def test_notify_and_info_reach_a_running_demo(
    demo_app: ThreadedWebhook, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert demo_app.server is not None
    code = run(["notify", "ringing", "--from", "+4930123456"], data_dir, no_keyring)
    assert code == ExitCode.OK
    assert "recorded by HubCall Desktop (demo mode)" in capsys.readouterr().out
    assert len(demo_app.sink.events) == 1
    assert run(["webhook", "info", "--json"], data_dir, no_keyring) == ExitCode.OK
    doc = json.loads(capsys.readouterr().out)
    assert doc == {
        "url": demo_app.server.url,
        "port": demo_app.server.port,
        "secret": DEMO_SECRET.reveal(),
        "demo": True,
    }
    assert run(["webhook", "info"], data_dir, no_keyring) == ExitCode.OK
    assert "(demo mode" in capsys.readouterr().out


def test_with_both_running_plain_commands_reach_the_real_app_and_demo_ones_the_demo(
    demo_app: ThreadedWebhook, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ThreadedWebhook() as real_app:
        assert real_app.server is not None and demo_app.server is not None
        write_runtime(
            data_dir / "running.json", runtime_info(real_app.server.url, real_app.server.port)
        )
        assert run(["notify", "ringing", "--from", "+4930123456"], data_dir) == ExitCode.OK
        assert len(real_app.sink.events) == 1 and demo_app.sink.events == []
        assert "(demo mode)" not in capsys.readouterr().out
        assert run(["webhook", "info"], data_dir) == ExitCode.OK
        text = capsys.readouterr().out
        assert real_app.server.url in text and SECRET.reveal() in text
        assert f"a demo runs too, at {demo_app.server.url}" in text
        code = run(["--demo", "notify", "ringing", "--from", "+4930123456"], data_dir, no_keyring)
        assert code == ExitCode.OK
        assert len(demo_app.sink.events) == 1 and len(real_app.sink.events) == 1


def test_info_with_the_webhook_off_is_a_set_up_problem_not_a_missing_app(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_runtime(data_dir / "running.json", runtime_info("", 0))
    assert run(["webhook", "info", "--json"], data_dir) == ExitCode.CONFIGURATION
    doc = json.loads(capsys.readouterr().out)
    assert doc["error"] == "WebhookOff" and "webhook is off" in doc["message"]
    assert run(["notify", "ringing", "--from", "1"], data_dir) == ExitCode.CONFIGURATION
    assert "The event was not recorded" in capsys.readouterr().err


async def test_a_real_apps_wrong_secret_refusal_does_not_mention_a_demo(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.post(
        "/v1/events", json=RINGING, headers={"Authorization": "Bearer not-the-secret"}
    )
    assert answer.status_code == 401
    assert answer.json()["error"] == "the webhook secret is wrong"
