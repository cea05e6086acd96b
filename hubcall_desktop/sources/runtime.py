"""The runtime file: where a running app says its webhook listens, for its own scripts.

``hubcall-desktop notify`` and ``webhook info`` read it to find the running app of the
same data dir. It holds the URL, the port and the app's pid, never the secret (that stays
in the keyring). A file left by a crashed app is *stale*: its pid is gone or nothing
answers on its port.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from hubcall_desktop.core.call import utc_now

logger = logging.getLogger(__name__)

MAX_RUNTIME_BYTES = 4096
_LOOPBACK_URL_HOSTS = {"127.0.0.1": "127.0.0.1", "[::1]": "::1", "localhost": "localhost"}


@dataclass(frozen=True, slots=True)
class RuntimeInfo:
    url: str  # e.g. http://127.0.0.1:47831
    port: int
    pid: int
    started_at: str  # RFC 3339, for people reading the file
    demo: bool = False

    @property
    def host(self) -> str:
        """The address to connect to, without brackets."""
        authority = self.url.removeprefix("http://").rsplit(":", 1)[0]
        return _LOOPBACK_URL_HOSTS[authority]


def runtime_info(
    url: str, port: int, *, demo: bool = False, now: datetime | None = None
) -> RuntimeInfo:
    return RuntimeInfo(
        url=url,
        port=port,
        pid=os.getpid(),
        started_at=(now or utc_now()).isoformat(timespec="seconds"),
        demo=demo,
    )


def write_runtime(path: Path, info: RuntimeInfo) -> None:
    """Write atomically (temp file + rename), readable by this user only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=".running-", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(info), handle)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_runtime(path: Path) -> RuntimeInfo | None:
    """The file's content, or ``None`` when missing, unreadable or not ours to trust
    (a URL that is not loopback is refused: the secret would be sent there)."""
    try:
        if path.stat().st_size > MAX_RUNTIME_BYTES:
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    url, port, pid = raw.get("url"), raw.get("port"), raw.get("pid")
    if not (isinstance(port, int) and isinstance(pid, int) and isinstance(url, str)):
        return None
    if isinstance(port, bool) or not 1 <= port <= 65535 or pid <= 0:
        return None
    if url not in {f"http://{host}:{port}" for host in _LOOPBACK_URL_HOSTS}:
        logger.warning("runtime file %s names a URL that is not loopback; ignored", path)
        return None
    started = raw.get("started_at")
    return RuntimeInfo(
        url=url,
        port=port,
        pid=pid,
        started_at=started if isinstance(started, str) else "",
        demo=raw.get("demo") is True,
    )


def remove_runtime(path: Path, pid: int | None = None) -> None:
    """Remove the file if it is this process's (another instance may have replaced it)."""
    info = read_runtime(path)
    if info is not None and info.pid != (pid if pid is not None else os.getpid()):
        return
    path.unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except OSError:
        return False
    return True


def port_answers(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def running_app(path: Path, *, probe_timeout: float = 0.5) -> RuntimeInfo | None:
    """The running app for this data dir, or ``None`` when there is none (stale file)."""
    info = read_runtime(path)
    if info is None:
        return None
    if not pid_alive(info.pid) or not port_answers(info.host, info.port, probe_timeout):
        logger.info("runtime file %s is stale (pid %d)", path, info.pid)
        return None
    return info
