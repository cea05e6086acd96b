"""The real app's memory and cold start, measured from outside, beside a bare PySide6 window.
Inside the private desktop session (it needs the X server and the keyring):

    HUBCALL_TEST_PYTHON=.venv/bin/python bash tests/session.sh \\
        tests/benchmarks/bench_memory.py -m benchmark -s
    (options in HUBCALL_TEST_MEMORY_ARGS, e.g. "--runs 3 --source /path/to/checkout")
    ... or, in a session shell: python tests/benchmarks/bench_memory.py [--runs 7]

The app is the installed ``hubcall-desktop`` on its own data folder (not the demo), HubSpot
played by ``hubcall-desktop sandbox``, the token in the session's keyring, auto-log after a
second (the soak's rig, tests/e2e/soak_driver.py, without the baresips). The bare window is
a QMainWindow of the same size in a process of its own. Both are measured alike:

- cold start: process start → its window mapped on the X server (MapNotify), median of
  ``--runs`` alternated starts (target: the app within 1.5x of the bare window), the app's
  bytecode compiled first as ``pip install`` does;
- RSS (VmRSS from /proc) once started and idle for ``--settle`` seconds (target: at most
  100 MiB and at most 2x the bare window); nothing connects to the webhook before that
  (its port is watched in /proc/net/tcp), as a connection makes it load its HTTP server;
- the first webhook call (its POST until the 202, the HTTP server loaded on the way) and
  the RSS after it, then after 100 calls fed through the webhook and all logged to
  HubSpot, idle again;
- the import time of each top-level package at the app's start (``-X importtime``'s own
  time per module, summed by package; a separate start, as the option slows it).

Prints each figure beside its target; asserts nothing about them. ``--source DIR`` runs
``python -m hubcall_desktop`` from another source tree (a clean checkout of a commit, say).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import compileall
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import keyring
import pytest

E2E = Path(__file__).resolve().parents[1] / "e2e"
sys.path.insert(0, str(E2E))

from soak_calls import Feed, feed_webhook  # noqa: E402
from soak_driver import App, Sandbox, app_env, free_port  # noqa: E402
from xmaps import MapWatcher  # noqa: E402

MAIN_TITLE = "HubCall Desktop"
BARE_TITLE = "Bare PySide6 window"
MAP_GUARD_S = 60.0  # hang guards only
QUIET_GUARD_S = 180.0
RSS_TARGET_MIB = 100.0
RSS_RATIO_TARGET = 2.0
START_RATIO_TARGET = 1.5
UNSETTLED = ("local", "pending", "sending")
LISTEN = "0A"  # the TCP state in /proc/net/tcp
LISTEN_POLL_S = 0.05

# The same size as the app's main window; nothing but Qt and the window.
BARE = f"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle({BARE_TITLE!r})
window.resize(900, 600)
window.show()
app.exec()
"""


def mib(kib: int) -> str:
    return f"{kib / 1024:6.1f} MiB"


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def end(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the one process we started, then wait (SIGKILL after a guard)."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def bare_window(watcher: MapWatcher, env: dict[str, str], settle_s: float) -> tuple[float, int]:
    """(seconds from process start to the window mapped, RSS KiB once idle)."""
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-c", BARE], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        mapped = watcher.wait_for(BARE_TITLE, after=started, timeout=MAP_GUARD_S)
        if mapped is None:
            raise RuntimeError("the bare window was never mapped")
        time.sleep(settle_s)
        return mapped.at - started, rss_kib(process.pid)
    finally:
        end(process)


def listening(port: int) -> bool:
    """Whether a socket listens on ``port``, read from /proc (a connection would wake the
    webhook, which loads its HTTP server for its first caller)."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as lines:
            next(lines)
            for line in lines:
                local, state = line.split()[1], line.split()[3]
                if int(local.rsplit(":", 1)[1], 16) == port and state == LISTEN:
                    return True
    return False


class RealApp:
    """The installed app on a fresh folder, with the soak rig's settings and the sandbox."""

    def __init__(
        self, folder: Path, sandbox: Sandbox, env: dict[str, str], source: Path | None
    ) -> None:
        self.app = App(folder, env)
        if source is not None:
            self.app.env = {**env, "PYTHONPATH": str(source)}
            # -P: the folder the benchmark runs in (this checkout) must not come first.
            self.app.command = [sys.executable, "-P", "-m", "hubcall_desktop"]
        self.app.configure(sandbox.base_url, free_port(), [])

    def wait_listening(self) -> None:
        deadline = time.monotonic() + MAP_GUARD_S
        while not listening(self.app.webhook_port):
            if not self.app.alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the webhook never listened:\n{self.app.stderr()}")
            time.sleep(LISTEN_POLL_S)

    def start(self, watcher: MapWatcher | None) -> float:
        """Seconds from process start to the main window mapped (0 without a watcher).

        The webhook's port is looked for only once the window is mapped: reading
        /proc/net/tcp takes some 10 ms of CPU on a busy machine, and polling it while
        the app starts took a good part of a core from the start being measured."""
        self.app.start()
        if watcher is None:
            self.wait_listening()
            return 0.0
        mapped = watcher.wait_for(MAIN_TITLE, after=self.app.started_at, timeout=MAP_GUARD_S)
        if mapped is None:
            raise RuntimeError(f"the main window was never mapped:\n{self.app.stderr()}")
        self.wait_listening()
        return mapped.at - self.app.started_at

    def rss(self) -> int:
        return self.app.rss_kib()

    def first_call(self) -> float:
        """Seconds from the first webhook POST to its 202 (the secret from the keyring,
        as ``webhook info`` would first connect to see that the app runs)."""
        secret = keyring.get_password("hubcall-desktop", "webhook-secret")
        assert secret, "the app keeps its webhook secret in the keyring"
        body = {"event": "ringing", "from": "+4930123456", "call_id": "first-call"}
        started = time.monotonic()
        answer = httpx.post(
            f"http://127.0.0.1:{self.app.webhook_port}/v1/events",
            json=body,
            headers={"Authorization": f"Bearer {secret}"},
            timeout=MAP_GUARD_S,
            trust_env=False,
        )
        took = time.monotonic() - started
        assert answer.status_code == 202, answer.text
        ended = {**body, "event": "ended", "reason": "no-answer"}
        httpx.post(
            f"http://127.0.0.1:{self.app.webhook_port}/v1/events",
            content=json.dumps(ended),
            headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
            timeout=MAP_GUARD_S,
            trust_env=False,
        ).raise_for_status()
        return took

    def feed(self, calls: int) -> Feed:
        url, secret = self.app.webhook()
        feed = Feed()
        asyncio.run(feed_webhook(url, secret, feed, calls=calls, events_per_s=11.0))
        deadline = time.monotonic() + QUIET_GUARD_S
        while any(c["syncState"] in UNSETTLED for c in self.app.history()):
            if time.monotonic() > deadline:
                print("  (not every call was logged within the guard; measured anyway)")
                break
            time.sleep(1.0)
        return feed

    def stop(self) -> None:
        self.app.stop()


def import_times(stderr: str) -> tuple[list[tuple[str, int, float]], int]:
    """``-X importtime`` lines summed by top-level package: (name, modules, own ms), most
    expensive first, and the number of modules imported."""
    own: dict[str, float] = collections.defaultdict(float)
    count: dict[str, int] = collections.Counter()
    modules = 0
    headers = 0
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        if "self [us]" in line:  # each interpreter prints its header first
            headers += 1
            if headers > 1:  # the keyring helper's, on the same stderr: not the app's
                break
            continue
        self_us, _cumulative, name = line.split(":", 1)[1].split("|")
        top = name.strip().split(".")[0]
        own[top] += int(self_us) / 1000
        count[top] += 1
        modules += 1
    rows = sorted(((n, count[n], ms) for n, ms in own.items()), key=lambda r: -r[2])
    return rows, modules


def compile_ahead(source: Path | None) -> None:
    """The app's bytecode, written before the first start as ``pip install`` does: without
    it every start would compile some 160 modules where PYTHONDONTWRITEBYTECODE is set
    (the bare window's PySide6 has its bytecode from its install)."""
    import hubcall_desktop

    package = (source / "hubcall_desktop") if source else Path(hubcall_desktop.__file__).parent
    compileall.compile_dir(package, quiet=1)
    print(f"bytecode of {package} compiled ahead, as pip install does")


def run(args: argparse.Namespace, folder: Path) -> None:
    compile_ahead(args.source)
    env = app_env(folder)
    sandbox = Sandbox.start(env)
    watcher = MapWatcher(os.environ.get("DISPLAY", ""))
    try:
        bare_starts: list[float] = []
        app_starts: list[float] = []
        bare_rss: list[int] = []
        idle_rss: list[int] = []
        first: dict[str, float] = {}
        for n in range(args.runs):  # alternated, so a busy machine slows both alike
            seconds, kib = bare_window(watcher, env, args.settle)
            bare_starts.append(seconds)
            bare_rss.append(kib)
            app = RealApp(folder / f"app-{n}", sandbox, env, args.source)
            try:
                app_starts.append(app.start(watcher))
                time.sleep(args.settle)
                idle_rss.append(app.rss())
                if n == 0:
                    first["seconds"] = app.first_call()
                    time.sleep(args.settle)
                    first["kib"] = app.rss()
                    feed = app.feed(args.calls)
                    time.sleep(args.settle)
                    first["after_calls"] = app.rss()
                    print(f"{len(feed.accepted)} webhook events accepted for {args.calls} calls")
            finally:
                app.stop()
        timing_env = {**env, "PYTHONPROFILEIMPORTTIME": "1"}
        timed = RealApp(folder / "importtime", sandbox, timing_env, args.source)
        try:
            timed.start(None)
            time.sleep(args.settle)
        finally:
            timed.stop()
        report(args, bare_starts, app_starts, bare_rss, idle_rss, first)
        print_import_times(timed.app.stderr(), args.top)
    finally:
        watcher.close()
        sandbox.stop()


def verdict(ok: bool) -> str:
    return "OK    " if ok else "MISSED"


def report(
    args: argparse.Namespace,
    bare_starts: list[float],
    app_starts: list[float],
    bare_rss: list[int],
    idle_rss: list[int],
    first: dict[str, float],
) -> None:
    bare_s, app_s = statistics.median(bare_starts), statistics.median(app_starts)
    bare_kib, idle_kib = round(statistics.median(bare_rss)), round(statistics.median(idle_rss))
    ratio_start, ratio_rss = app_s / bare_s, idle_kib / bare_kib
    print(f"\ncold start, process start -> window mapped (median of {args.runs}):")
    print(
        f"   bare PySide6 window {bare_s * 1000:6.0f} ms   hubcall-desktop {app_s * 1000:6.0f} ms"
    )
    print(f"RSS after start-up, idle {args.settle:g} s (median of {args.runs}):")
    print(f"   bare PySide6 window {mib(bare_kib)}   hubcall-desktop {mib(idle_kib)}")
    print(f"   hubcall-desktop after its first webhook call (idle again) {mib(int(first['kib']))}")
    print(
        f"   hubcall-desktop after {args.calls} more calls (all logged, idle again) "
        f"{mib(int(first['after_calls']))}"
    )
    print(
        f"first webhook call, POST -> 202 (the HTTP server loads on the way): "
        f"{first['seconds'] * 1000:.0f} ms"
    )
    targets = {
        f"cold start {ratio_start:.2f}x the bare window (target <= {START_RATIO_TARGET}x)": (
            ratio_start <= START_RATIO_TARGET
        ),
        f"idle RSS {idle_kib / 1024:.1f} MiB (target <= {RSS_TARGET_MIB:g} MiB)": (
            idle_kib / 1024 <= RSS_TARGET_MIB
        ),
        f"idle RSS {ratio_rss:.2f}x the bare window (target <= {RSS_RATIO_TARGET}x)": (
            ratio_rss <= RSS_RATIO_TARGET
        ),
    }
    for name, ok in targets.items():
        print(f"{verdict(ok)}  {name}")


def print_import_times(stderr: str, top: int) -> None:
    rows, modules = import_times(stderr)
    total = sum(ms for _, _, ms in rows)
    print(
        f"\nimport time at start-up by top-level package ({modules} modules, {total:.0f} ms; "
        "read until the keyring helper starts, whose own imports share the stderr):"
    )
    for name, count, ms in rows[:top]:
        print(f"   {ms:7.1f} ms  {count:4d} modules  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="starts of each, alternated")
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--settle", type=float, default=3.0, help="idle seconds before RSS")
    parser.add_argument("--top", type=int, default=25, help="packages listed by import time")
    parser.add_argument("--source", type=Path, help="run the app from this source tree")
    args = parser.parse_args(argv)
    if os.environ.get("HUBCALL_TEST_SESSION") != "1":
        raise SystemExit("run it inside the private desktop session: bash tests/session.sh ...")
    with tempfile.TemporaryDirectory(prefix="hubcall-memory-") as folder:
        run(args, Path(folder))
    return 0


@pytest.mark.benchmark
@pytest.mark.timeout(1800)
def test_memory_benchmark(real_session: object) -> None:
    """In its own process (Qt and the X connection stay out of pytest's); it prints."""
    options = shlex.split(os.environ.get("HUBCALL_TEST_MEMORY_ARGS", ""))
    done = subprocess.run([sys.executable, __file__, *options], check=False, timeout=1700)
    assert done.returncode == 0


if __name__ == "__main__":
    sys.exit(main())
