"""The sandbox in a background thread, the foreground command, and the loopback-only rule."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading

import httpx
import pytest

from hubcall_desktop.core.errors import ConfigurationError, InputError
from hubcall_desktop.sandbox import (
    DEMO_TOKEN,
    Fault,
    Outcome,
    SandboxServer,
    SandboxThread,
    run_standalone,
)
from hubcall_desktop.sandbox.paths import ACCOUNT_DETAILS_PATH, INBOUND_CALL_PATH

from .helpers import VALID_BODY

AUTH = {"Authorization": f"Bearer {DEMO_TOKEN}"}


def _sandbox_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "hubspot-sandbox"]


def test_synchronous_code_can_use_a_sandbox_thread() -> None:
    with SandboxThread() as sandbox, httpx.Client(base_url=sandbox.base_url, headers=AUTH) as http:
        sandbox.faults.add(Fault.status(503))
        refused = http.post(INBOUND_CALL_PATH, json=VALID_BODY)
        accepted = http.post(INBOUND_CALL_PATH, json=VALID_BODY)

        assert (refused.status_code, accepted.status_code) == (503, 200)
        assert sandbox.accepted_bodies() == [VALID_BODY]
        assert sandbox.logged_calls() == [VALID_BODY]
        assert [r.status for r in sandbox.requests] == [503, 200]
        sandbox.reset()
        assert sandbox.requests == ()
    assert _sandbox_threads() == []


def test_a_dropped_connection_reaches_a_synchronous_client() -> None:
    with SandboxThread() as sandbox, httpx.Client(base_url=sandbox.base_url, headers=AUTH) as http:
        sandbox.faults.add(Fault.drop())

        with pytest.raises(httpx.RemoteProtocolError):
            http.get(ACCOUNT_DETAILS_PATH)

        assert sandbox.requests[-1].outcome is Outcome.DROPPED


def test_wait_for_blocks_until_the_condition_holds() -> None:
    with SandboxThread() as sandbox, httpx.Client(base_url=sandbox.base_url, headers=AUTH) as http:
        worker = threading.Thread(target=http.get, args=(ACCOUNT_DETAILS_PATH,))
        worker.start()

        (record,) = sandbox.wait_for(
            lambda requests: any(r.outcome is Outcome.ANSWERED for r in requests)
        )
        worker.join()

        assert record.status == 200
        with pytest.raises(TimeoutError):
            sandbox.wait_for(lambda requests: len(requests) > 1, timeout=0.02)


def test_a_subprocess_can_drive_the_sandbox_over_http() -> None:
    script = textwrap.dedent(
        """
        import sys, httpx
        base, token = sys.argv[1], sys.argv[2]
        httpx.post(base + "/_sandbox/faults", json=[{"kind": "status", "code": 500}])
        first = httpx.get(base + "/account-info/v3/details", headers={"Authorization": "Bearer " + token})
        second = httpx.get(base + "/account-info/v3/details", headers={"Authorization": "Bearer " + token})
        print(first.status_code, second.status_code, second.json()["portalId"])
        """
    )
    with SandboxThread() as sandbox:
        done = subprocess.run(
            [sys.executable, "-c", script, sandbox.base_url, DEMO_TOKEN],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )

        assert done.stdout.split() == ["500", "200", "147258369"]
        assert [r.status for r in sandbox.requests] == [500, 200]


def test_a_thread_cannot_be_started_twice_and_stop_is_idempotent() -> None:
    sandbox = SandboxThread()
    sandbox.start()
    try:
        with pytest.raises(RuntimeError):
            sandbox.start()
    finally:
        sandbox.stop()
    sandbox.stop()

    assert _sandbox_threads() == []
    with pytest.raises(RuntimeError):
        _ = sandbox.base_url


def test_a_stopped_sandbox_no_longer_answers() -> None:
    with SandboxThread() as sandbox:
        base_url = sandbox.base_url

    with pytest.raises(httpx.ConnectError):
        httpx.get(base_url + ACCOUNT_DETAILS_PATH, headers=AUTH)


@pytest.mark.parametrize(
    "host", ["0.0.0.0", "::", "192.168.1.10", "example.com", "", "127.0.0.1.nip.io"]
)
def test_the_sandbox_refuses_to_listen_beyond_loopback(host: str) -> None:
    sandbox = SandboxThread(host=host)

    with pytest.raises(InputError, match="loopback"):
        sandbox.start()

    assert _sandbox_threads() == []


@pytest.mark.parametrize(
    ("host", "shown"), [("localhost", "127.0.0.1"), ("127.0.0.2", "127.0.0.2")]
)
def test_loopback_names_are_accepted(host: str, shown: str) -> None:
    with SandboxThread(host=host) as sandbox:
        assert sandbox.base_url.startswith(f"http://{shown}:")
        assert httpx.get(sandbox.base_url + ACCOUNT_DETAILS_PATH, headers=AUTH).status_code == 200


async def test_ipv6_loopback_is_written_with_brackets() -> None:
    server = SandboxServer()
    try:
        base_url = await server.start("::1")
    except ConfigurationError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"this machine has no IPv6 loopback: {exc}")
    try:
        async with httpx.AsyncClient(base_url=base_url, headers=AUTH) as http:
            assert (await http.get(ACCOUNT_DETAILS_PATH)).status_code == 200
        assert base_url.startswith("http://[::1]:")
    finally:
        await server.stop()


async def test_a_taken_port_is_a_configuration_error() -> None:
    async with SandboxServer() as first:
        port = int(first.base_url.rsplit(":", 1)[1])
        with pytest.raises(ConfigurationError, match=str(port)):
            await SandboxServer().start(port=port)


def test_the_standalone_command_refuses_a_network_host() -> None:
    with pytest.raises(InputError):
        run_standalone("0.0.0.0", 0)


def test_the_standalone_command_reports_a_taken_port() -> None:
    with SandboxThread() as taken:
        port = int(taken.base_url.rsplit(":", 1)[1])
        with pytest.raises(ConfigurationError):
            run_standalone("127.0.0.1", port)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_standalone_command_serves_until_signalled(signum: signal.Signals) -> None:
    code = "from hubcall_desktop.sandbox.server import run_standalone; raise SystemExit(run_standalone('127.0.0.1', 0))"
    with subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(4)]
        base_url = banner[1].split()[-1]
        answer = httpx.get(base_url + ACCOUNT_DETAILS_PATH, headers=AUTH)
        process.send_signal(signum)
        rest, errors = process.communicate(timeout=30)

    assert "NOT HubSpot" in banner[0]
    assert banner[1].startswith("Base URL:   http://127.0.0.1:")
    assert banner[2].strip() == f"Demo token: {DEMO_TOKEN}"
    assert answer.status_code == 200
    assert process.returncode == 0, errors
    assert rest.strip() == "Sandbox stopped."
    assert "Traceback" not in errors
