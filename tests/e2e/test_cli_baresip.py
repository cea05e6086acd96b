"""The README's ``hubcall-desktop --baresip 127.0.0.1:4444``, run as written: the installed
command on the session's display, a real baresip on that control port, and a real SIP
call from sipp that the app journals as a baresip call.

They need the ``baresip`` and ``sipp`` binaries (Debian: baresip-core, sip-tester). Without
them they are skipped with the reason printed, except under CI, where that is a failure.
"""

from __future__ import annotations

import asyncio
import json
import re
import shlex
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from real_app import HUBCALL, START_TIMEOUT_S, RunningApp, StartApp, sandbox, start_app

SIP_DIR = Path(__file__).resolve().parent / "sip"
if str(SIP_DIR) not in sys.path:
    sys.path.insert(0, str(SIP_DIR))

from sipharness import Baresip, on_ci, run_sipp, tools_missing  # noqa: E402

__all__ = ["sandbox", "start_app"]  # fixtures this module uses

README = Path(__file__).resolve().parents[2] / "README.md"
MISSING = tools_missing()
WHY = f"needs {' and '.join(MISSING)} (apt-get install baresip-core sip-tester)"
pytestmark = [pytest.mark.e2e, pytest.mark.skipif(bool(MISSING) and not on_ci(), reason=WHY)]
CALLER = "+4930123456"  # what tests/e2e/sip/cancel.xml sends as From


@pytest.fixture(autouse=True)
def _tools_present_under_ci() -> None:
    if MISSING:
        pytest.fail(f"{WHY}; CI is set, so their absence is a failure", pytrace=False)


def documented_command() -> list[str]:
    """The command line the README gives for baresip, split as a shell would."""
    text = README.read_text(encoding="utf-8")
    found = re.search(r"`(hubcall-desktop --baresip [^`]+)`", text)
    assert found, "the README no longer shows `hubcall-desktop --baresip HOST:PORT`"
    return shlex.split(found.group(1))


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture
def softphone(tmp_path: Path) -> Iterator[tuple[Baresip, list[str]]]:
    """baresip listening where the README's command line says (another free port only if
    something else holds that one), and that command line."""
    words = documented_command()
    host, _, port = words[-1].rpartition(":")
    assert host == "127.0.0.1", words
    folder = tmp_path / "baresip"
    phone = Baresip(folder, ctrl_port=int(port)) if _port_free(int(port)) else Baresip(folder)
    words[-1] = f"{host}:{phone.ctrl_port}"
    phone.start()
    try:
        yield phone, words
    finally:
        phone.stop()


def _history(app: RunningApp) -> list[dict[str, Any]]:
    done = app.cli("history", "--json")
    assert done.returncode == 0, done.stderr
    calls: list[dict[str, Any]] = json.loads(done.stdout)["calls"]
    return calls


def test_the_documented_baresip_command_line_catches_a_call(
    start_app: StartApp, softphone: tuple[Baresip, list[str]], tmp_path: Path
) -> None:
    phone, words = softphone
    assert words[0] == "hubcall-desktop"
    app = start_app(command=[HUBCALL, *words[1:]])
    app.webhook()  # the app is up (its sources start together)
    # baresip connects within a reconnect backoff; a call made before that is not seen,
    # so the caller calls again until one is journaled.
    deadline = time.monotonic() + START_TIMEOUT_S
    found: list[dict[str, Any]] = []
    attempt = 0
    while not found and time.monotonic() < deadline:
        attempt += 1
        sipp = asyncio.run(
            run_sipp(
                "cancel.xml", phone, tmp_path, pause_ms=300, call_id=f"readme-{attempt}@sipp.test"
            )
        )
        assert sipp.returncode == 0, sipp.output
        found = [c for c in _history(app) if c["source"] == "baresip"]
    assert found, f"no baresip call journaled; baresip log: {phone.log()}"
    call = found[0]
    assert call["from"] == CALLER
    assert call["call_id"].startswith("readme-")
    app.process.terminate()
    code, errors = app.stopped()
    assert code == 0, errors
