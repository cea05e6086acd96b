"""The real app keeps ``None``'s references through thousands of Qt->Python callbacks.

PySide6/shiboken6 6.12.0 on Python 3.11 loses a reference to ``None`` on every Qt call
qasync makes, and the app aborted with "none_dealloc" after about 400 calls. Here the
installed ``hubcall-desktop`` entry point (not ``--demo``) runs in the private desktop
session with its own data folder, HubSpot played by the sandbox in its own process, and a
thread (tests/e2e/refcount_sampler.py) writing ``sys.getrefcount`` of None, True and False
to a file. The test then sends the webhook valid calls (ringing, ended: journal, HubSpot
lookups, pop-ups, the app's signals) and a flood of requests without the secret, all of
which go through qasync's socket notifiers, timers and posted events. It fails if the
app dies or if a count, measured while the app is idle before and after, falls.

``HUBCALL_TEST_APP_PYTHON`` runs the app on another virtualenv's Python (its
``hubcall-desktop`` next to it), e.g. one with a PySide6 build under suspicion; the
start-up guard is switched off so that the build itself is measured.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from hubcall_desktop.sandbox.seed import DEMO_CALLERS, DEMO_TOKEN
from hubcall_desktop.secrets.errors import ACCESS_TOKEN_ENV
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.storage.paths import resolve_paths
from hubcall_desktop.storage.settings import save_settings
from hubcall_desktop.ui.startup.qt_guard import OVERRIDE_ENV

pytestmark = [pytest.mark.e2e, pytest.mark.real_session]

APP_PYTHON_ENV = "HUBCALL_TEST_APP_PYTHON"
SAMPLER = Path(__file__).with_name("refcount_sampler.py")
CALLS = 100  # ringing + ended each: 200 journaled events
EVENTS_PER_S = 18  # below the webhook's 20 per second per client
UNAUTHENTICATED = 3000  # requests without the secret, as fast as the app answers them
FLOOD_CONNECTIONS = 8
# A sound build's idle counts move by a few dozen (objects the app keeps, e.g. the calls
# it shows); a broken one loses one per Qt call, i.e. tens of thousands here.
TOLERANCE = 200
START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 60  # generous: CI machines can be slow; the app closes down in ~1 s
IDLE_S = 1.5  # the window in which counts are read while the app has nothing to do


@dataclass(frozen=True, slots=True)
class Webhook:
    url: str
    secret: str


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _bin(python: str, name: str) -> str:
    """A console script of the virtualenv ``python`` belongs to (symlinks not resolved)."""
    return str(Path(python).parent / name)


@pytest.fixture
def sandbox_url(tmp_path: Path) -> Iterator[str]:
    """``hubcall-desktop sandbox`` in its own process, as a developer would start it."""
    process = subprocess.Popen(
        [_bin(sys.executable, "hubcall-desktop"), "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("Base URL:"):
                yield line.split(":", 1)[1].strip()
                break
        else:
            pytest.fail(
                f"the sandbox did not start: {process.stderr.read() if process.stderr else ''}"
            )
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)


@dataclass
class RunningApp:
    process: subprocess.Popen[str]
    samples_file: Path
    data_dir: Path
    env: dict[str, str]
    log: Path

    def output(self) -> str:
        """The end of what the app wrote on stdout and stderr."""
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    def samples(self) -> list[tuple[float, int, int, int]]:
        rows = []
        for line in self.samples_file.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 4:  # the last line may be half written
                rows.append((float(parts[0]), int(parts[1]), int(parts[2]), int(parts[3])))
        return rows

    def alive(self) -> bool:
        return self.process.poll() is None


@pytest.fixture
def app(tmp_path: Path, real_display: dict[str, str], sandbox_url: str) -> Iterator[RunningApp]:
    python = os.environ.get(APP_PYTHON_ENV) or sys.executable
    data_dir = tmp_path / "data"
    paths = resolve_paths(data_dir).ensure()
    settings = demo_settings("DE")  # the sandbox's agent and user; not demo mode
    settings.api_base = sandbox_url
    settings.webhook_enabled, settings.webhook_port = True, _free_port()
    save_settings(settings, paths.settings)
    env = {
        **{k: v for k, v in real_display.items() if not k.startswith("HUBCALL_")},
        "HUBCALL_TEST_SESSION": "1",
        ACCESS_TOKEN_ENV: DEMO_TOKEN,
        OVERRIDE_ENV: "1",  # measure the build itself, even one the guard knows
    }
    samples_file = tmp_path / "refcounts.txt"
    # Output to a file, not a pipe: the app logs every refused request, and a pipe nobody
    # reads while the test sends them would fill up and block it.
    log = (tmp_path / "app.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [
            python,
            str(SAMPLER),
            str(samples_file),
            _bin(python, "hubcall-desktop"),
            "--data-dir",
            str(data_dir),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    running = RunningApp(process, samples_file, data_dir, env, tmp_path / "app.log")
    try:
        yield running
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        log.close()


def _webhook_info(app: RunningApp) -> Webhook:
    """Where the app listens and its secret, as a user's script asks (``webhook info``);
    waits for the app to be up."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        done = subprocess.run(
            [
                _bin(sys.executable, "hubcall-desktop"),
                "--data-dir",
                str(app.data_dir),
                "webhook",
                "info",
                "--json",
            ],
            env=app.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if done.returncode == 0:
            info = json.loads(done.stdout)
            return Webhook(info["url"], info["secret"])
        if not app.alive() or time.monotonic() > deadline:
            pytest.fail(f"the app did not start its webhook: {done.stderr}\n{app.output()}")
        time.sleep(0.2)


async def _calls(hook: Webhook, first: int, count: int) -> list[int]:
    """``count`` calls, each ringing then ended, paced below the rate limit; the statuses."""
    statuses: list[int] = []
    headers = {"Authorization": f"Bearer {hook.secret}"}
    async with aiohttp.ClientSession(headers=headers) as session:
        for number in range(first, first + count):
            caller = DEMO_CALLERS[number % len(DEMO_CALLERS)].number
            for event in ("ringing", "ended"):
                body = {"event": event, "call_id": f"refcount-{number}", "from": caller}
                async with session.post(f"{hook.url}/v1/events", json=body) as response:
                    statuses.append(response.status)
                await asyncio.sleep(1 / EVENTS_PER_S)
    return statuses


async def _unauthenticated(hook: Webhook, count: int) -> list[int]:
    """Requests without the secret from another loopback address (its own rate-limit
    budget), several connections at once; the statuses."""
    statuses: list[int] = []
    connector = aiohttp.TCPConnector(limit=FLOOD_CONNECTIONS, local_addr=("127.0.0.2", 0))
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(number: int) -> None:
            body = {"event": "ringing", "call_id": f"intruder-{number}", "from": "+15550100"}
            async with session.post(f"{hook.url}/v1/events", json=body) as response:
                await response.read()
                statuses.append(response.status)

        for start in range(0, count, 100):
            await asyncio.gather(*(one(n) for n in range(start, min(count, start + 100))))
    return statuses


def _idle_level(app: RunningApp) -> tuple[float, float, float]:
    """The median counts over the last IDLE_S seconds, the app having nothing to do."""
    time.sleep(IDLE_S)
    rows = app.samples()
    assert rows, "the sampler wrote nothing"
    window = [row for row in rows if row[0] >= rows[-1][0] - IDLE_S]
    none, true, false = (float(statistics.median(row[i] for row in window)) for i in (1, 2, 3))
    return none, true, false


@pytest.mark.timeout(240)  # a bound for slow machines; ~40 s on an idle 2-core one
def test_thousands_of_qt_callbacks_leave_none_and_the_bools_alone(app: RunningApp) -> None:
    hook = _webhook_info(app)
    assert hook.url.startswith("http://127.0.0.1:")
    # Warm-up: first calls fill caches (phone metadata, HubSpot answers, pop-up widgets).
    warm = asyncio.run(_calls(hook, 0, 5))
    asyncio.run(_unauthenticated(hook, 100))
    assert set(warm) == {202}, warm
    before = _idle_level(app)

    async def load() -> tuple[list[int], list[int]]:
        return await asyncio.gather(_calls(hook, 5, CALLS), _unauthenticated(hook, UNAUTHENTICATED))

    valid, refused = asyncio.run(load())
    assert app.alive(), f"the app died (exit {app.process.returncode}):\n{app.output()}"
    after = _idle_level(app)
    print(
        f"idle refcounts (None, True, False): before {before}, after {after}; "
        f"{len(valid)} events accepted, {len(refused)} refused requests"
    )

    assert valid == [202] * (2 * CALLS)
    assert len(refused) == UNAUTHENTICATED and all(400 <= s < 500 for s in refused), set(refused)
    for name, was, now in zip(("None", "True", "False"), before, after, strict=True):
        assert now >= was - TOLERANCE, (
            f"sys.getrefcount({name}) fell from {was:.0f} to {now:.0f} in the running app: this "
            "PySide6 build drops references (add it to hubcall_desktop/ui/startup/qt_guard.py)"
        )

    app.process.send_signal(signal.SIGTERM)
    try:
        app.process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        app.process.send_signal(signal.SIGUSR1)  # the sampler prints every thread's stack
        time.sleep(1)
        pytest.fail(f"the app did not stop on SIGTERM:\n{app.output()}")
    assert "Fatal Python error" not in app.output(), app.output()
    assert app.process.returncode == 0, app.output()
