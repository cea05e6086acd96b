"""``hubcall-desktop notify`` and ``webhook info``, called as the main parser calls them."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hubcall_desktop.cli import sources_commands
from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import ConfigurationError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.handoff import SecretGetter
from hubcall_desktop.sources.runtime import runtime_info, write_runtime

from .helpers import SECRET, ThreadedWebhook


def run(argv: list[str], data_dir: Path, getter: SecretGetter = lambda: SECRET) -> int:
    parser = argparse.ArgumentParser(prog="hubcall-desktop")
    parser.add_argument("--data-dir")
    parser.add_argument("--region")
    sub = parser.add_subparsers(dest="command")
    sources_commands.register(sub, secret_getter=getter)
    args = parser.parse_args(["--data-dir", str(data_dir), *argv])
    return int(args.handler(args))


@pytest.fixture
def app(data_dir: Path) -> Iterator[ThreadedWebhook]:
    with ThreadedWebhook() as webhook:
        assert webhook.server is not None
        write_runtime(
            data_dir / "running.json", runtime_info(webhook.server.url, webhook.server.port)
        )
        yield webhook


def test_notify_hands_the_event_over(
    app: ThreadedWebhook, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["notify", "ringing", "--from", "+4930123456", "--call-id", "m1"], data_dir)
    assert code == ExitCode.OK
    assert "call-1" in capsys.readouterr().out
    [event] = app.sink.events
    assert event.source is CallSource.CLI and event.source_call_id == "m1"
    code = run(
        [
            "notify",
            "ended",
            "--from",
            "+4930123456",
            "--call-id",
            "m1",
            "--reason",
            "busy",
            "--json",
        ],
        data_dir,
    )
    assert code == ExitCode.OK
    doc = json.loads(capsys.readouterr().out)
    assert doc == {"ok": True, "event": "ended", "callId": "call-2", "demo": False}


def test_notify_without_a_running_app_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["notify", "ringing", "--from", "+4930123456"], data_dir)
    assert code == ExitCode.APP_NOT_RUNNING
    assert int(code) == 6
    assert "No HubCall Desktop is running" in capsys.readouterr().err


def test_notify_refused_input_is_exit_2_naming_the_field(
    app: ThreadedWebhook, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["notify", "ringing", "--from", "12ab34xyz", "--json"], data_dir)
    assert code == ExitCode.BAD_INPUT
    doc = json.loads(capsys.readouterr().out)
    assert doc["field"] == "from" and "12ab34xyz" in doc["message"] and doc["exitCode"] == 2
    assert app.sink.events == []


def test_notify_without_a_secret_is_a_configuration_error(
    app: ThreadedWebhook, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["notify", "ringing", "--from", "1"], data_dir, lambda: None) == 5

    def no_keyring() -> Secret | None:
        raise ConfigurationError("No secure keyring is available.")

    assert run(["notify", "ringing", "--from", "1"], data_dir, no_keyring) == 5
    assert "keyring" in capsys.readouterr().err


def test_notify_arguments_are_checked_by_the_parser(data_dir: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["notify", "rang", "--from", "1"], data_dir)
    assert caught.value.code == 2
    with pytest.raises(SystemExit):
        run(["notify", "ringing"], data_dir)  # --from is required


def test_webhook_info(
    app: ThreadedWebhook, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert app.server is not None
    assert run(["webhook", "info", "--json"], data_dir) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {
        "url": app.server.url,
        "port": app.server.port,
        "secret": SECRET.reveal(),
        "demo": False,
    }
    assert run(["webhook", "info"], data_dir) == 0
    text = capsys.readouterr().out
    assert app.server.url in text and SECRET.reveal() in text


def test_webhook_info_without_a_running_app(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["webhook", "info", "--json"], data_dir) == ExitCode.APP_NOT_RUNNING
    assert json.loads(capsys.readouterr().out)["exitCode"] == 6
    with pytest.raises(SystemExit):
        run(["webhook"], data_dir)


def test_the_real_entry_point_reports_a_missing_app(data_dir: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "hubcall_desktop",
            "--data-dir",
            str(data_dir),
            "notify",
            "ringing",
            "--from",
            "+4930123456",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
    )
    assert done.returncode == 6, done.stderr
    assert "No HubCall Desktop is running" in done.stderr
