"""Real baresip and sipp processes on loopback, for the end-to-end tests and benchmark.

Every process is started here and ended by its own PID. Ports are picked free for both
UDP and TCP (baresip listens on both for SIP; sipp takes its media port and port + 2).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import re
import shutil
import signal
import socket
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACCOUNT_USER = "1001"
BARESIP_MODULES = Path("/usr/lib/baresip/modules")


def tools_missing() -> list[str]:
    return [tool for tool in ("baresip", "sipp") if shutil.which(tool) is None]


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _free(port: int, kind: int) -> bool:
    with socket.socket(socket.AF_INET, kind) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _ephemeral_range() -> tuple[int, int]:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999


def free_port(span: int = 1) -> int:
    """A port whose ``span`` successive ports are free for UDP and TCP.

    Picked below the kernel's ephemeral range: a port found free there can be handed to
    any outgoing connection (the soak's webhook clients make hundreds) before sipp or
    baresip binds it, and sipp then dies with exit 254."""
    low, _high = _ephemeral_range()
    top = min(low, 65535) - span - 1
    for _ in range(200):
        base = random.randint(20000, top) if top > 20000 else random.randint(1024, 65535 - span)
        if all(
            _free(p, socket.SOCK_STREAM) and _free(p, socket.SOCK_DGRAM)
            for p in range(base, base + span)
        ):
            return base
    raise RuntimeError("no free loopback ports")


@dataclass
class Baresip:
    """One baresip process with its own config folder."""

    folder: Path
    answermode: str = "manual"
    sip_port: int = field(default_factory=lambda: free_port(2))
    ctrl_port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        rtp = free_port(1)
        values = {
            "sip_port": self.sip_port,
            "ctrl_port": self.ctrl_port,
            "rtp_min": rtp,
            "rtp_max": min(rtp + 40, 65534),
            "module_path": BARESIP_MODULES,
            "user": ACCOUNT_USER,
            "answermode": self.answermode,
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in ("config", "accounts"):
            text = (HERE / f"{name}.in").read_text()
            (self.folder / name).write_text(text.format(**values))
        (self.folder / "contacts").write_text("")

    def start(self) -> None:
        log = (self.folder / "baresip.log").open("ab")
        # stdin on /dev/null and no -d: it stays our child, with the PID we end it by.
        self.process = subprocess.Popen(
            ["baresip", "-f", str(self.folder)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=5)

    def log(self) -> str:
        path = self.folder / "baresip.log"
        return path.read_text(errors="replace") if path.exists() else ""


@dataclass
class SippResult:
    returncode: int
    output: str
    invite_sent_at: datetime | None  # wall clock, from sipp's message trace


async def run_sipp(
    scenario: str,
    baresip: Baresip,
    folder: Path,
    *,
    pause_ms: int,
    call_id: str,
    timeout_s: int = 20,
) -> SippResult:
    """One call from sipp to baresip's account, as ``scenario`` (a file in this folder).

    sipp's exit 254 means it could not bind its ports, before any message was sent: the
    call was never made, so it is tried again on other ports (at most twice)."""
    for _attempt in range(3):
        result = await _sipp_once(
            scenario, baresip, folder, pause_ms=pause_ms, call_id=call_id, timeout_s=timeout_s
        )
        if result.returncode != SIPP_BIND_ERROR or result.invite_sent_at is not None:
            return result
    return result


SIPP_BIND_ERROR = 254  # sipp's documented exit code for "fatal error binding a socket"


async def _sipp_once(
    scenario: str,
    baresip: Baresip,
    folder: Path,
    *,
    pause_ms: int,
    call_id: str,
    timeout_s: int,
) -> SippResult:
    trace = folder / f"{call_id}.messages"
    trace.unlink(missing_ok=True)
    command = [
        "sipp",
        f"127.0.0.1:{baresip.sip_port}",
        "-i",
        "127.0.0.1",
        "-bind_local",
        "-ci",
        "127.0.0.1",
        "-cp",
        str(free_port()),
        "-p",
        str(free_port()),
        "-mi",
        "127.0.0.1",
        "-mp",
        str(free_port(3)),
        "-s",
        ACCOUNT_USER,
        "-sf",
        str(HERE / scenario),
        "-m",
        "1",
        "-l",
        "1",
        "-d",
        str(pause_ms),
        "-cid_str",
        call_id,
        "-nostdin",
        "-timeout",
        f"{timeout_s}s",
        "-timeout_error",
        "-trace_msg",
        "-message_file",
        str(trace),
    ]
    process = await asyncio.create_subprocess_exec(
        *command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=folder,
    )
    try:
        output, _ = await asyncio.wait_for(process.communicate(), timeout_s + 10)
    finally:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signal.SIGKILL)
            await process.wait()
    return SippResult(
        returncode=process.returncode or 0,
        output=output.decode(errors="replace"),
        invite_sent_at=_invite_time(trace),
    )


_TRACE_STAMP = re.compile(r"^-+ (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6})\s*$")


def _invite_time(trace: Path) -> datetime | None:
    """When sipp sent the first INVITE: the stamp above "UDP message sent" + "INVITE"."""
    if not trace.exists():
        return None
    lines = trace.read_text(errors="replace").splitlines()
    for index, line in enumerate(lines):
        stamp = _TRACE_STAMP.match(line)
        if not stamp or index + 3 >= len(lines):
            continue
        if lines[index + 1].startswith("UDP message sent") and lines[index + 3].startswith(
            "INVITE"
        ):
            local = datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S.%f")
            return local.astimezone(UTC)  # sipp writes local time
    return None
