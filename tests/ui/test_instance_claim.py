"""The single-instance claim against other users and other runtime dirs: the data folder
is the key, the socket lives in a private folder, and nothing another user prepared can
stop the app, fool it into exiting, or make it crash."""

from __future__ import annotations

import fcntl
import os
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hubcall_desktop.ui.startup import instance_claim
from hubcall_desktop.ui.startup.instance_claim import (
    LOCK_NAME,
    MAX_SOCKET_PATH,
    SHOW_MESSAGE,
    Claim,
    claim_instance,
    is_private_folder,
    server_name,
)

NOBODY = 65534  # another user's id, for entries made as root


def short_folder(tmp_path: Path, tag: str) -> Path:
    """A short path (a socket path has ~100 bytes), private like a runtime dir."""
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"hc{tag}-{os.getpid()}-{tmp_path.name[-10:]}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


@pytest.fixture
def shared_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No XDG_RUNTIME_DIR, no /run/user/<uid>: only the shared temp folder is left, as
    where the issue was seen. The temp folder is the test's own, world-writable like /tmp."""
    folder = short_folder(tmp_path, "t")
    folder.chmod(0o1777)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(instance_claim, "USER_RUNTIME_DIR", str(folder / "none-{uid}"))
    return folder


@pytest.fixture
def claims() -> Iterator[list[Claim]]:
    made: list[Claim] = []
    yield made
    for claim in made:
        claim.release()


def read_show(listener: socket.socket) -> bytes:
    listener.settimeout(5)
    conn, _ = listener.accept()
    with conn:
        conn.settimeout(5)
        return conn.recv(64)


def as_another_user(path: Path) -> None:
    """Make ``path`` look like another local user's: theirs when we are root, else at
    least not private (the check refuses either)."""
    if os.geteuid() == 0:
        os.lchown(path, NOBODY, NOBODY)
    elif not path.is_symlink():
        path.chmod(0o777)


def foreign_socket(path: Path) -> socket.socket:
    squatter = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    squatter.bind(str(path))
    squatter.listen()
    return squatter


def _listening_socket(path: Path) -> object:
    squatter = foreign_socket(path)
    as_another_user(path)
    return squatter


def _plain_file(path: Path) -> object:
    path.write_text("not a socket")
    as_another_user(path)
    return None


def _open_folder(path: Path) -> object:
    path.mkdir()
    as_another_user(path)
    path.chmod(0o777)  # where they can put what they like
    return None


def _symlink(path: Path) -> object:
    target = path.parent / "theirs"
    target.mkdir(mode=0o700)
    as_another_user(target)
    path.symlink_to(target)
    as_another_user(path)
    return None


PREPARED: dict[str, Callable[[Path], object]] = {
    "listening socket": _listening_socket,
    "plain file": _plain_file,
    "open folder": _open_folder,
    "symlink to their folder": _symlink,
}


def predictable_names(shared: Path, data_dir: Path) -> list[Path]:
    """Every name another user could guess: the per-user folder and the socket's name."""
    return [shared / f"hubcall-desktop-{os.geteuid()}", shared / instance_claim._name(data_dir)]


@pytest.mark.parametrize("how", PREPARED)
@pytest.mark.parametrize("which", [0, 1], ids=["per-user folder", "socket name"])
def test_what_another_user_prepared_in_the_temp_folder_cannot_stop_the_app(
    tmp_path: Path, shared_tmp: Path, claims: list[Claim], how: str, which: int
) -> None:
    data_dir = tmp_path / "data"
    prepared = predictable_names(shared_tmp, data_dir)[which]
    squatter = PREPARED[how](prepared)
    try:
        claim = claim_instance(data_dir)
        claims.append(claim)
        assert not claim.other_running and claim.refusal is None  # no "already running"
        assert claim.listener is not None
        assert is_private_folder(Path(claim.name).parent, os.geteuid(), follow=False)
        assert len(os.fsencode(claim.name)) <= MAX_SOCKET_PATH
        assert os.path.lexists(prepared), "their entry is left alone"
        second = claim_instance(data_dir)  # and the app is still found by a later launch
        assert second.other_running
        assert read_show(claim.listener) == SHOW_MESSAGE
    finally:
        if isinstance(squatter, socket.socket):
            squatter.close()


def test_a_runtime_dir_that_is_not_private_is_not_used(
    tmp_path: Path, shared_tmp: Path, monkeypatch: pytest.MonkeyPatch, claims: list[Claim]
) -> None:
    shared_runtime = short_folder(tmp_path, "r")
    shared_runtime.chmod(0o755)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared_runtime))
    claim = claim_instance(tmp_path / "data")
    claims.append(claim)
    assert claim.listener is not None
    assert Path(claim.name).parent != shared_runtime
    assert is_private_folder(Path(claim.name).parent, os.geteuid(), follow=False)


def test_only_our_own_closed_folders_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    me = os.geteuid()
    assert is_private_folder(folder, me)
    assert not is_private_folder(folder, me + 1)  # someone else's
    folder.chmod(0o750)
    assert not is_private_folder(folder, me)  # the group may enter
    folder.chmod(0o700)
    (tmp_path / "link").symlink_to(folder)
    assert not is_private_folder(tmp_path / "link", me, follow=False)
    assert not is_private_folder(tmp_path / "missing", me)


def test_a_runtime_dir_too_deep_for_a_socket_path_is_skipped(
    tmp_path: Path, shared_tmp: Path, monkeypatch: pytest.MonkeyPatch, claims: list[Claim]
) -> None:
    deep = short_folder(tmp_path, "d") / ("x" * 80)
    deep.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))
    claim = claim_instance(tmp_path / "data")
    claims.append(claim)
    assert claim.listener is not None
    assert len(os.fsencode(claim.name)) <= MAX_SOCKET_PATH
    assert server_name(tmp_path / "data") == claim.name


def test_the_data_folder_is_the_key_not_the_runtime_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims: list[Claim]
) -> None:
    """A second app on the same folder, started with another XDG_RUNTIME_DIR, finds the
    first (and does not run beside it); another folder runs side by side."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(short_folder(tmp_path, "a")))
    first = claim_instance(tmp_path / "data")
    claims.append(first)
    assert first.listener is not None
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(short_folder(tmp_path, "b")))
    second = claim_instance(tmp_path / "data")
    claims.append(second)
    assert second.other_running and second.listener is None
    assert read_show(first.listener) == SHOW_MESSAGE
    other_folder = claim_instance(tmp_path / "other")
    claims.append(other_folder)
    assert other_folder.listener is not None


def test_a_holder_that_cannot_be_asked_is_reported_not_pretended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims: list[Claim]
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(short_folder(tmp_path, "h")))
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    holder = os.open(data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)  # held, but no socket recorded: nobody to ask
        os.write(holder, b"4242\n\n")
        claim = claim_instance(data_dir)
        claims.append(claim)
        assert not claim.other_running and claim.listener is None
        assert claim.refusal is not None
        assert "already running" in claim.refusal and "4242" in claim.refusal
    finally:
        os.close(holder)
    after = claim_instance(data_dir)  # the holder gone: the folder is free
    claims.append(after)
    assert after.listener is not None and after.refusal is None


def test_a_crashed_app_leaves_nothing_that_blocks_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims: list[Claim]
) -> None:
    """Killed with SIGKILL while holding the folder: the OS drops the lock, and the socket
    file it left is replaced."""
    runtime = short_folder(tmp_path, "k")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    data_dir = tmp_path / "data"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from hubcall_desktop.ui.startup.instance_claim import claim_instance\n"
            "claim = claim_instance(Path(sys.argv[1]))\n"
            "print(claim.name, flush=True)\n"
            "time.sleep(120)\n",
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        name = holder.stdout.readline().strip()
        assert Path(name).exists()
        assert claim_instance(data_dir).other_running  # it runs, and answers
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(30)
        assert holder.stdout is not None
        holder.stdout.close()
    assert Path(name).exists(), "what a crash leaves behind"
    claim = claim_instance(data_dir)
    claims.append(claim)
    assert claim.listener is not None and claim.refusal is None and claim.name == name


def run_app(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    launch = (
        "import sys\n"
        "from hubcall_desktop.cli.main import main\n"
        "code = main([])\n"
        "print(code, 'PySide6' in sys.modules)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", launch], env=env, capture_output=True, text=True, timeout=60
    )


def test_the_real_app_on_the_same_folder_with_another_runtime_dir_wakes_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims: list[Claim]
) -> None:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(short_folder(tmp_path, "1")))
    running = claim_instance(data_dir)
    claims.append(running)
    assert running.listener is not None
    env = dict(
        os.environ,
        HUBCALL_DATA_DIR=str(data_dir),
        XDG_RUNTIME_DIR=str(short_folder(tmp_path, "2")),
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    )
    done = run_app(env)
    assert done.stdout.split() == ["0", "False"], done.stderr
    assert "already running" in done.stderr
    assert read_show(running.listener) == SHOW_MESSAGE


def test_the_real_app_says_so_when_the_holder_cannot_be_asked(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    holder = os.open(data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        env = dict(
            os.environ,
            HUBCALL_DATA_DIR=str(data_dir),
            XDG_RUNTIME_DIR=str(short_folder(tmp_path, "3")),
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        )
        done = run_app(env)
    finally:
        os.close(holder)
    assert done.stdout.split() == ["1", "False"], done.stderr
    assert "already running on the data folder" in done.stderr
    assert "did not answer" in done.stderr


def test_a_file_at_our_socket_path_is_left_alone_and_another_place_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims: list[Claim]
) -> None:
    """Not a socket (whoever made it): never removed, never a crash; the socket goes to
    a fresh private folder, and a later launch still finds the app."""
    runtime = short_folder(tmp_path, "f")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setattr(tempfile, "tempdir", str(runtime))
    data_dir = tmp_path / "data"
    usual = Path(server_name(data_dir))
    usual.write_text("somebody's notes")
    claim = claim_instance(data_dir)
    claims.append(claim)
    assert claim.listener is not None and claim.refusal is None
    assert usual.read_text() == "somebody's notes"
    assert Path(claim.name) != usual
    assert is_private_folder(Path(claim.name).parent, os.geteuid(), follow=False)
    assert claim_instance(data_dir).other_running
    assert read_show(claim.listener) == SHOW_MESSAGE


def test_a_recorded_socket_of_another_user_is_not_connected_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims: list[Claim]
) -> None:
    """The lock file names a socket someone else owns: no "show" is sent there, and no
    "already running" is claimed on its word."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    theirs = short_folder(tmp_path, "o") / "s"
    squatter = foreign_socket(theirs)
    holder = os.open(data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        os.write(holder, f"4242\n{theirs}\n".encode())
        me = os.geteuid()
        monkeypatch.setattr(os, "geteuid", lambda: me + 1)  # their socket, as the code sees it
        claim = claim_instance(data_dir)
        monkeypatch.undo()
        claims.append(claim)
        assert not claim.other_running and claim.refusal is not None
        squatter.settimeout(0.5)
        with pytest.raises(TimeoutError):
            squatter.accept()  # nobody knocked
    finally:
        os.close(holder)
        squatter.close()
