"""Demo mode keeps the webhook and the command-line hand-off, beside the agent's real app.

The installed ``hubcall-desktop --demo`` on the private session's display, and the real
app (``hubcall-desktop --data-dir DIR``, HubSpot played by ``hubcall-desktop sandbox``),
each its own process, ended by its PID. The real app holds the demo's usual port, so the
demo listens on another one and ``webhook info`` says where; a POST there maps a pop-up
(seen from the X server); ``notify`` reaches the real app while it listens, the demo with
``--demo``, and the demo alone once the real app is gone. ``webhook info`` is read in each
state: nothing running, the real app with its webhook off, the demo. The real journal
never holds a demo call. Nothing is timed; the waits are hang guards.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from soak_driver import COMMAND, START_GUARD_S, STOP_GUARD_S, App, Sandbox, app_env, free_port
from xmaps import MapWatcher

from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.storage.settings import save_settings
from tests.conftest import RealSession

pytestmark = [pytest.mark.e2e, pytest.mark.real_session, pytest.mark.timeout(300)]
POPUP_TITLE = "Incoming call"


class Demo:
    """``hubcall-desktop --demo`` on a folder of its own, its settings' port chosen here."""

    def __init__(self, folder: Path, env: dict[str, str], port: int) -> None:
        self.data_dir, self.env = folder / "demo-data", env
        self.data_dir.mkdir(parents=True, mode=0o700)
        settings = dataclasses.replace(demo_settings("DE"), webhook_port=port, language="en")
        save_settings(settings, self.data_dir / "settings.json")
        self.stderr_path = folder / "demo.stderr"
        with self.stderr_path.open("ab") as errors:
            self.process = subprocess.Popen(
                [str(COMMAND), "--demo", "--data-dir", str(self.data_dir)],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def stop(self) -> int:
        return end(self.process)


def end(process: subprocess.Popen[bytes]) -> int:
    """SIGTERM to the process we started, by its PID; SIGKILL if it hangs (and fail)."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
    try:
        return process.wait(timeout=STOP_GUARD_S)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_GUARD_S)
        raise


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=START_GUARD_S,
        check=False,
    )


def poll(
    env: dict[str, str], args: list[str], done: int, alive: subprocess.Popen[bytes]
) -> subprocess.CompletedProcess[str]:
    """Run the command until it exits ``done`` (the app is still starting until then)."""
    deadline = time.monotonic() + START_GUARD_S
    while time.monotonic() < deadline:
        assert alive.poll() is None, "the app ended at start-up"
        answer = cli(env, *args)
        if answer.returncode == done:
            return answer
        time.sleep(0.2)
    raise AssertionError(f"{args} never exited {done}; last: {answer.stderr}")


def ring(url: str, secret: str, call_id: str) -> int:
    body = {"event": "ringing", "from": "+49 30 55501234", "call_id": call_id}
    headers = {"Authorization": f"Bearer {secret}"}
    return httpx.post(f"{url}/v1/events", json=body, headers=headers, timeout=30).status_code


def history(env: dict[str, str], data_dir: Path) -> list[dict[str, object]]:
    done = cli(env, "--data-dir", str(data_dir), "history", "--json", "--limit", "1000")
    assert done.returncode == 0, done.stderr
    calls: list[dict[str, object]] = json.loads(done.stdout)["calls"]
    return calls


def test_the_demo_rings_from_curl_and_notify_beside_the_real_app(
    tmp_path: Path, real_session: RealSession
) -> None:
    env = app_env(tmp_path)
    sandbox = Sandbox.start(env)
    real = App(tmp_path / "real", env)
    demo: Demo | None = None
    watcher = MapWatcher(real_session.display)
    try:
        real_dir = ["--data-dir", str(real.data_dir)]
        ringing = ["notify", "ringing", "--from", "+49 30 55501234"]
        port = free_port()  # the real app's, and the demo's usual one
        real.configure(sandbox.base_url, port, [])
        # Nothing runs: an info command says so, and claims nothing about an event.
        none = cli(env, *real_dir, "webhook", "info")
        assert none.returncode == 6, none.stderr
        assert "No HubCall Desktop is running" in none.stderr
        assert "recorded" not in none.stderr
        none = cli(env, *real_dir, *ringing)
        assert none.returncode == 6 and "The event was not recorded" in none.stderr

        # The real app listens on the port the demo would take.
        real.start()
        real_url, _secret = real.webhook()
        demo = Demo(tmp_path, env, port)
        found = poll(env, ["--demo", "webhook", "info", "--json"], 0, demo.process)
        doc = json.loads(found.stdout)
        assert doc["demo"] is True and doc["port"] != port, doc
        assert doc["url"] == f"http://127.0.0.1:{doc['port']}"
        text = cli(env, "--demo", "webhook", "info")
        assert doc["url"] in text.stdout and "(demo mode" in text.stdout

        # curl's way: a POST with the secret `webhook info` printed; the pop-up maps.
        before = time.monotonic()
        assert ring(doc["url"], doc["secret"], "demo-curl-1") == 202
        assert watcher.wait_for(POPUP_TITLE, after=before) is not None, demo.stderr()

        # Both run: plain commands reach the real app, --demo the demo.
        plain = cli(env, *real_dir, *ringing, "--call-id", "real-1")
        assert plain.returncode == 0 and "(demo mode)" not in plain.stdout, plain.stderr
        info = cli(env, *real_dir, "webhook", "info")
        assert real_url in info.stdout and f"a demo runs too, at {doc['url']}" in info.stdout
        demoed = cli(env, *real_dir, "--demo", *ringing, "--call-id", "demo-cli-1")
        assert demoed.returncode == 0 and "(demo mode)" in demoed.stdout, demoed.stderr

        # The real app again, its webhook off: it runs, and the demo is not its stand-in.
        assert real.stop() == 0, real.stderr()[-4000:]
        settings = json.loads((real.data_dir / "settings.json").read_text())
        (real.data_dir / "settings.json").write_text(
            json.dumps({**settings, "webhook_enabled": False})
        )
        real.start()
        assert real.process is not None
        off = poll(env, [*real_dir, "webhook", "info"], 5, real.process)
        assert "HubCall Desktop is running, but its webhook is off" in off.stderr
        assert "Settings → Softphone" in off.stderr
        assert f"A demo is running at {doc['url']}" in off.stderr
        off = cli(env, *real_dir, *ringing, "--call-id", "lost-1")
        assert off.returncode == 5 and "The event was not recorded" in off.stderr

        # The real app gone: plain commands reach the demo, and say so.
        assert real.stop() == 0, real.stderr()[-4000:]
        alone = cli(env, *real_dir, *ringing, "--call-id", "demo-cli-2")
        assert alone.returncode == 0 and "(demo mode)" in alone.stdout, alone.stderr
        alone = cli(env, *real_dir, "webhook", "info", "--json")
        assert json.loads(alone.stdout)["url"] == doc["url"]

        assert demo.stop() == 0, demo.stderr()[-4000:]
        gone = cli(env, *real_dir, "webhook", "info")
        assert gone.returncode == 6 and "No HubCall Desktop is running" in gone.stderr

        # Demo calls never entered the real journal, nor real ones the demo's.
        real_ids = {c["call_id"] for c in history(env, real.data_dir)}
        demo_ids = {c["call_id"] for c in history(env, demo.data_dir)}
        assert real_ids == {"real-1"}
        assert demo_ids == {"demo-curl-1", "demo-cli-1", "demo-cli-2"}
    finally:
        watcher.close()
        if real.process is not None and real.alive():
            real.stop()
        if demo is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                demo.stop()
        sandbox.stop()


def test_the_readme_demo_listens_and_leaves_the_agents_folders_alone(
    tmp_path: Path, real_session: RealSession
) -> None:
    """``hubcall-desktop --demo`` as the README's first command runs it: no data folder
    named, so a throwaway one; the commands with no folder named reach it; the agent's
    own data folder gets nothing, and the throwaway folder goes with the demo."""
    env = app_env(tmp_path)
    home = {name: tmp_path / name.lower() for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    temp = tmp_path / "tmp"
    for folder in (*home.values(), temp):
        folder.mkdir(mode=0o700)
    env.update({name: str(folder) for name, folder in home.items()}, TMPDIR=str(temp))
    errors = (tmp_path / "demo.stderr").open("ab")
    process = subprocess.Popen(
        [str(COMMAND), "--demo"], env=env, stdin=subprocess.DEVNULL, stderr=errors
    )
    try:
        found = poll(env, ["webhook", "info", "--json"], 0, process)
        doc = json.loads(found.stdout)
        assert doc["demo"] is True
        [throwaway] = [p for p in temp.iterdir() if p.name.startswith("hubcall-demo-")]
        assert ring(doc["url"], doc["secret"], "readme-1") == 202
        told = cli(env, "notify", "ringing", "--from", "+49 30 55501234", "--call-id", "readme-2")
        assert told.returncode == 0 and "(demo mode)" in told.stdout, told.stderr
        calls = {c["call_id"] for c in history(env, throwaway)}
        assert calls == {"readme-1", "readme-2"}
    finally:
        status = end(process)
        errors.close()
    assert status == 0, (tmp_path / "demo.stderr").read_text()[-4000:]
    assert not throwaway.exists()
    own = home["XDG_DATA_HOME"] / "hubcall-desktop"
    assert not (own / "journal.sqlite3").exists() and not (own / "running.json").exists()
    gone = cli(env, "webhook", "info")
    assert gone.returncode == 6 and "No HubCall Desktop is running" in gone.stderr
