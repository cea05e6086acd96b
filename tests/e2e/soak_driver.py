"""The soak rig: the installed app as an agent runs it, fed calls by a softphone's means.

Real parts only, each its own process, each ended by its PID:

- HubSpot is the bundled sandbox, ``hubcall-desktop sandbox --port 0`` (its real limit of
  100 requests per 10 s included);
- the app is ``hubcall-desktop --data-dir DIR`` (not ``--demo``) with a settings.json that
  points at the sandbox, the sandbox's token stored in the session's real keyring with
  ``hubcall-desktop auth set-token``, auto-log after one second (so every call is logged
  without a click, as an agent who lets the app log for them), two baresip endpoints;
- calls come through the loopback webhook (HTTP, with the secret ``webhook info --json``
  prints) and through two baresips that sipp calls over loopback SIP: one rings until the
  caller gives up (missed), one answers by itself (answered, then the caller hangs up).

What the app did is read back from outside: ``history --json``, the sandbox's request log
(``GET /_sandbox/requests``), the app's stderr, /proc for its memory. The checks are in
:mod:`soak_checks`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
if str(HERE / "sip") not in sys.path:
    sys.path.insert(0, str(HERE / "sip"))

from sipharness import Baresip, free_port, run_sipp, tools_missing  # noqa: E402

from hubcall_desktop.sandbox.seed import DEMO_AGENT_NUMBER, DEMO_TOKEN  # noqa: E402

__all__ = ["Baresip", "run_sipp"]  # for soak_calls: this module puts sipharness on the path

COMMAND = Path(sys.executable).with_name("hubcall-desktop")
START_GUARD_S = 60.0  # hang guards only; nothing is timed against them
STOP_GUARD_S = 30.0
JOURNAL = "journal.sqlite3"
TRACE_MARKERS = ("Traceback (most recent call last)", "Fatal Python error")


def missing_tools() -> list[str]:
    missing = tools_missing()
    if not COMMAND.exists():
        missing.append(str(COMMAND))
    return missing


def _end(process: subprocess.Popen[Any], sig: int = signal.SIGTERM) -> int:
    """End one process we started, by its PID: ``sig``, then SIGKILL after a guard."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, sig)
        try:
            process.wait(timeout=STOP_GUARD_S)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_GUARD_S)
    return process.returncode


@dataclass
class Sandbox:
    """``hubcall-desktop sandbox`` in its own process."""

    process: subprocess.Popen[str]
    base_url: str

    @classmethod
    def start(cls, env: dict[str, str]) -> Sandbox:
        process = subprocess.Popen(
            [str(COMMAND), "sandbox", "--port", "0"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert process.stdout is not None
        for line in process.stdout:  # it prints its base URL once it listens
            if line.startswith("Base URL:"):
                return cls(process, line.split(":", 1)[1].strip())
        _end(process)
        process.stdout.close()
        raise RuntimeError("the sandbox ended before it said where it listens")

    async def requests(self, client: httpx.AsyncClient) -> list[dict[str, Any]]:
        answer = await client.get(f"{self.base_url}/_sandbox/requests", timeout=60)
        answer.raise_for_status()
        records: list[dict[str, Any]] = answer.json()["requests"]
        return records

    def stop(self) -> int:
        status = _end(self.process)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return status


def logged_ids(records: list[dict[str, Any]]) -> list[str]:
    """externalCallId of every inbound-call request HubSpot acted on that logs a call."""
    return [
        r["body"]["externalCallId"]
        for r in records
        if r["method"] == "POST"
        and r["path"].endswith("/inbound-call")
        and r["accepted"]
        and isinstance(r["body"], dict)
        and r["body"].get("createEngagement") is True
    ]


@dataclass
class App:
    """``hubcall-desktop --data-dir DIR`` as an agent starts it, and its command line."""

    folder: Path
    env: dict[str, str]
    command: list[str] = field(default_factory=lambda: [str(COMMAND)])  # how it is started
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0  # time.monotonic() when the process was started
    listening_at: float = 0.0  # time.monotonic() when its webhook port first took a connection
    webhook_port: int = 0

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def stderr_path(self) -> Path:
        return self.folder / "app.stderr"

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(COMMAND), "--data-dir", str(self.data_dir), *args],
            env=self.env,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=START_GUARD_S,
            check=False,
        )

    def configure(self, sandbox_url: str, webhook_port: int, baresip: list[str]) -> None:
        self.data_dir.mkdir(parents=True, mode=0o700)
        self.webhook_port = webhook_port
        settings = {
            "api_base": sandbox_url,
            "region": "DE",
            "own_number": DEMO_AGENT_NUMBER,
            "webhook_port": webhook_port,
            "baresip_endpoints": baresip,
            "auto_log_seconds": 1,
            "popup_enabled": True,
            "language": "en",
        }
        (self.data_dir / "settings.json").write_text(json.dumps(settings, indent=2))
        stored = self.cli("auth", "set-token", stdin=DEMO_TOKEN + "\n")
        if stored.returncode != 0:
            raise RuntimeError(f"auth set-token failed: {stored.stdout}{stored.stderr}")

    def start(self) -> None:
        self.started_at = time.monotonic()
        with self.stderr_path.open("ab") as errors:
            self.process = subprocess.Popen(
                [*self.command, "--data-dir", str(self.data_dir)],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_listening(self) -> None:
        """Until the webhook's port takes a TCP connection (polled every 10 ms)."""
        deadline = time.monotonic() + START_GUARD_S
        while time.monotonic() < deadline:
            if not self.alive() or any(m in self.stderr() for m in TRACE_MARKERS):
                raise RuntimeError(f"the app failed at start-up:\n{self.stderr()}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.webhook_port), timeout=1),
            ):
                self.listening_at = time.monotonic()
                return
            time.sleep(0.01)
        raise RuntimeError(f"the webhook never listened:\n{self.stderr()}")

    def webhook(self) -> tuple[str, str]:
        """The webhook's URL and secret, once the app listens (``webhook info --json``)."""
        self.wait_listening()
        deadline = time.monotonic() + START_GUARD_S
        while time.monotonic() < deadline:
            if not self.alive() or any(m in self.stderr() for m in TRACE_MARKERS):
                raise RuntimeError(f"the app failed at start-up:\n{self.stderr()}")
            info = self.cli("webhook", "info", "--json")
            if info.returncode == 0:
                doc = json.loads(info.stdout)
                return str(doc["url"]), str(doc["secret"])
            time.sleep(0.2)
        raise RuntimeError(f"the webhook never listened:\n{self.stderr()}")

    def history(self) -> list[dict[str, Any]]:
        done = self.cli("history", "--json", "--limit", "100000")
        if done.returncode != 0:
            raise RuntimeError(f"history failed: {done.stderr}")
        calls: list[dict[str, Any]] = json.loads(done.stdout)["calls"]
        return calls

    def rss_kib(self) -> int:
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def journal_bytes(self) -> tuple[int, int]:
        """Sizes of the journal and its write-ahead log."""

        def size(path: Path) -> int:
            with contextlib.suppress(FileNotFoundError):
                return path.stat().st_size
            return 0

        journal = self.data_dir / JOURNAL
        return size(journal), size(journal.with_name(JOURNAL + "-wal"))

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace") if self.stderr_path.exists() else ""

    def stop(self) -> int:
        """SIGTERM, as the session does at log-out; the exit status."""
        assert self.process is not None
        return _end(self.process)


def baresip_connected(port: int) -> bool:
    """Whether some client holds an established TCP connection to 127.0.0.1:``port``
    (the app's to baresip's ctrl_tcp), read from /proc/net/tcp."""
    wanted = f"0100007F:{port:04X}"
    rows = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return any(r.split()[1] == wanted and r.split()[3] == "01" for r in rows)


@dataclass
class Rig:
    """Everything one soak run starts, in one folder."""

    folder: Path
    sandbox: Sandbox
    app: App
    manual: Baresip  # rings until the caller gives up: missed calls
    auto: Baresip  # answers by itself: answered calls (baresip sends no ringing for them)
    webhook_url: str = ""
    secret: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def app_env(folder: Path) -> dict[str, str]:
    """The session's environment (display, D-Bus, keyring) for the app and its commands,
    with a runtime dir of this run's own and nothing of the developer's HUBCALL_* set-up."""
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUBCALL_")}
    env.update(
        {
            "QT_QPA_PLATFORM": "xcb",
            "XDG_RUNTIME_DIR": str(runtime),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PYTHONUNBUFFERED": "1",
        }
    )
    for name in ("HUBCALL_TEST_SESSION", "HUBCALL_TEST_KEYRING_PASSWORD"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


@contextlib.contextmanager
def running_rig(
    folder: Path,
    *,
    before_start: Callable[[], object] | None = None,
    app_command: list[str] | None = None,
    app_env_extra: dict[str, str] | None = None,
) -> Iterator[Rig]:
    """Sandbox, two baresips and the app, started in that order and ended in reverse.
    ``before_start`` (if given) runs just before the app is started (to arm a watcher);
    ``app_command`` starts something else than the entry point (a debug wrapper)."""
    env = app_env(folder)
    sandbox = Sandbox.start(env)
    manual = Baresip(folder / "baresip-manual", answermode="manual")
    auto = Baresip(folder / "baresip-auto", answermode="auto")
    app = App(folder, env)
    if app_command is not None:
        app.command = app_command
        app.env = {**env, **(app_env_extra or {})}
    try:
        manual.start()
        auto.start()
        app.configure(
            sandbox.base_url,
            free_port(),
            [f"127.0.0.1:{manual.ctrl_port}", f"127.0.0.1:{auto.ctrl_port}"],
        )
        if before_start is not None:
            before_start()
        app.start()
        url, secret = app.webhook()
        rig = Rig(folder, sandbox, app, manual, auto, url, secret)
        deadline = time.monotonic() + START_GUARD_S
        while not (baresip_connected(manual.ctrl_port) and baresip_connected(auto.ctrl_port)):
            if time.monotonic() > deadline or not app.alive():
                raise RuntimeError(f"the app never connected to baresip:\n{app.stderr()}")
            time.sleep(0.05)
        yield rig
    finally:
        if app.process is not None:
            _end(app.process)
        auto.stop()
        manual.stop()
        sandbox.stop()


async def until(
    check: Callable[[], Awaitable[bool]], *, guard_s: float, every_s: float = 1.0
) -> bool:
    """Poll an async ``check`` until it is true; False once ``guard_s`` passed (a hang
    guard: the caller then reports what is missing, it never asserts on the time)."""
    deadline = time.monotonic() + guard_s
    while True:
        if await check():
            return True
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(every_s)


async def settle(
    rig: Rig, expected: int, *, guard_s: float
) -> tuple[list[dict[str, Any]], list[str]]:
    """Wait until the sandbox received ``expected`` distinct logged calls and no call in
    the history is on its way any more (or the guards passed); then the history and every
    logged externalCallId the sandbox received, repeats included, read in that order so
    a log sent before the history was read is in the list."""
    unsettled = ("local", "pending", "sending")
    history: list[dict[str, Any]] = []
    async with httpx.AsyncClient() as client:

        async def enough() -> bool:
            ids = logged_ids(await rig.sandbox.requests(client))
            return len(set(ids)) >= expected

        async def quiet() -> bool:
            nonlocal history
            history = await asyncio.to_thread(rig.app.history)
            return not any(c["syncState"] in unsettled for c in history)

        await until(enough, guard_s=guard_s, every_s=2.0)
        await until(quiet, guard_s=30.0, every_s=1.0)
        return history, logged_ids(await rig.sandbox.requests(client))
