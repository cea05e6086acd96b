"""The runtime file: where a running app says its webhook listens, for its own scripts.

``hubcall-desktop notify`` and ``webhook info`` read it to find the running app of the
same data dir. It holds the URL, the port and the app's pid, never the keyring's secret.
An app whose webhook is off writes it too, without a URL and with the reason, so the
commands can say "it runs, but its webhook is off" instead of "not running". A file left
by a crashed app is *stale*: its pid is gone or nothing answers on its port.

Demo mode writes its own file, :func:`demo_runtime_file`, in the user's private runtime
folder rather than in a data dir: the demo's data is a throwaway folder nobody can name,
and the real app's folder must not learn of it. The demo's secret is made for each run
and kept in that file (0600, in a folder only this user can enter), never in the keyring.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hubcall_desktop import APP_NAME
from hubcall_desktop.core.atomic_file import replace_file
from hubcall_desktop.core.call import utc_now
from hubcall_desktop.core.secret import Secret

logger = logging.getLogger(__name__)

MAX_RUNTIME_BYTES = 4096
_LOOPBACK_URL_HOSTS = {"127.0.0.1": "127.0.0.1", "[::1]": "::1", "localhost": "localhost"}
DEMO_RUNTIME_NAME = f"{APP_NAME}-demo.json"
USER_RUNTIME_DIR = "/run/user/{uid}"  # systemd's, when XDG_RUNTIME_DIR is not passed on
MAX_PROBLEM_CHARS = 500


@dataclass(frozen=True, slots=True)
class RuntimeInfo:
    url: str  # e.g. http://127.0.0.1:47831; "" while the webhook is off
    port: int  # 0 while the webhook is off
    pid: int
    started_at: str  # RFC 3339, for people reading the file
    demo: bool = False
    webhook_problem: str = ""  # why the webhook could not start ("": on, or off in settings)
    secret: Secret | None = None  # the demo's own secret; never the keyring's

    @property
    def listening(self) -> bool:
        return bool(self.url)

    @property
    def host(self) -> str:
        """The address to connect to, without brackets."""
        authority = self.url.removeprefix("http://").rsplit(":", 1)[0]
        return _LOOPBACK_URL_HOSTS[authority]


def runtime_info(
    url: str,
    port: int,
    *,
    demo: bool = False,
    now: datetime | None = None,
    webhook_problem: str = "",
    secret: Secret | None = None,
) -> RuntimeInfo:
    """This process's record; ``url=""`` and ``port=0`` say the webhook is off."""
    return RuntimeInfo(
        url=url,
        port=port,
        pid=os.getpid(),
        started_at=(now or utc_now()).isoformat(timespec="seconds"),
        demo=demo,
        webhook_problem=webhook_problem[:MAX_PROBLEM_CHARS],
        secret=secret if demo else None,  # the keyring's secret never goes into a file
    )


def demo_runtime_file() -> Path:
    """Where a demo says where it listens: the user's private runtime folder (Linux:
    ``XDG_RUNTIME_DIR`` if it is ours and 0700, else ``/run/user/<uid>``), else the
    user's cache folder (other systems, or a session without one)."""
    if hasattr(os, "geteuid"):
        uid = os.geteuid()
        for folder in (os.environ.get("XDG_RUNTIME_DIR"), USER_RUNTIME_DIR.format(uid=uid)):
            if folder and _private_folder(Path(folder), uid):
                return Path(folder) / DEMO_RUNTIME_NAME
    import platformdirs  # only here: the demo's own path needs it

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / DEMO_RUNTIME_NAME


def _private_folder(path: Path, uid: int) -> bool:
    try:
        info = path.stat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == uid and info.st_mode & 0o077 == 0


def write_runtime(path: Path, info: RuntimeInfo) -> None:
    """Write atomically (temp file + rename), readable by this user only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    record: dict[str, object] = {
        "url": info.url,
        "port": info.port,
        "pid": info.pid,
        "started_at": info.started_at,
        "demo": info.demo,
    }
    if info.webhook_problem:
        record["webhook_problem"] = info.webhook_problem
    if info.secret:
        record["secret"] = info.secret.reveal()
    replace_file(path, json.dumps(record) + "\n", mode=0o600)


def read_runtime(path: Path) -> RuntimeInfo | None:
    """The file's content, or ``None`` when missing, unreadable or not ours to trust
    (another user's file, or a URL that is not loopback: the secret would be sent there)."""
    try:
        info = path.stat()
        if info.st_size > MAX_RUNTIME_BYTES:
            return None
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            logger.warning("runtime file %s belongs to another user; ignored", path)
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    url, port, pid = raw.get("url"), raw.get("port"), raw.get("pid")
    if not (isinstance(port, int) and isinstance(pid, int) and isinstance(url, str)):
        return None
    if isinstance(port, bool) or pid <= 0:
        return None
    if (url, port) != ("", 0):  # "" and 0: the app runs with its webhook off
        if not 1 <= port <= 65535:
            return None
        if url not in {f"http://{host}:{port}" for host in _LOOPBACK_URL_HOSTS}:
            logger.warning("runtime file %s names a URL that is not loopback; ignored", path)
            return None
    started, problem, secret = raw.get("started_at"), raw.get("webhook_problem"), raw.get("secret")
    demo = raw.get("demo") is True
    return RuntimeInfo(
        url=url,
        port=port,
        pid=pid,
        started_at=started if isinstance(started, str) else "",
        demo=demo,
        webhook_problem=problem[:MAX_PROBLEM_CHARS] if isinstance(problem, str) else "",
        secret=Secret(secret) if demo and isinstance(secret, str) and secret else None,
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
    """The running app for this data dir, or ``None`` when there is none (stale file).
    With its webhook off, only its pid can tell."""
    info = read_runtime(path)
    if info is None:
        return None
    if not pid_alive(info.pid) or (
        info.listening and not port_answers(info.host, info.port, probe_timeout)
    ):
        logger.info("runtime file %s is stale (pid %d)", path, info.pid)
        return None
    return info
