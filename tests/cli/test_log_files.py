"""The log file and the crash file, as a real process writes them: set up the way the
command line does (configure_logging), then logging real secrets, raising, crashing."""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import platformdirs
import pytest

from hubcall_desktop import APP_NAME
from hubcall_desktop.services import log_files
from hubcall_desktop.services.log_files import LOG_FILE_NAME, log_folder, redact
from hubcall_desktop.storage.paths import DATA_DIR_ENV

CRASH = "crash.log"
PREAMBLE = """
import logging, sys
from hubcall_desktop.services import log_files
from hubcall_desktop.cli.global_options import configure_logging
log_files.MAX_BYTES = int(sys.argv[2])
print(configure_logging(0, sys.argv[1]), flush=True)
"""


def run_python(
    body: str, data: Path, *args: str, max_bytes: int = 2**21
) -> subprocess.CompletedProcess[str]:
    code = PREAMBLE + textwrap.dedent(body)
    return subprocess.run(
        [sys.executable, "-c", code, str(data), str(max_bytes), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_log_folder_is_the_platforms_or_the_named_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert log_folder(tmp_path) == tmp_path.resolve() / "logs"
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert log_folder() == tmp_path.resolve() / "logs"
    monkeypatch.delenv(DATA_DIR_ENV)
    assert log_folder() == Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def test_secrets_tokens_and_callers_numbers_never_reach_the_file(tmp_path: Path) -> None:
    webhook_secret = secrets.token_urlsafe(32)
    private_app = f"pat-eu1-{uuid.uuid4()}"
    oauth = secrets.token_urlsafe(120)
    refresh = str(uuid.uuid4())
    done = run_python(
        """
        from hubcall_desktop.core.secret import Secret
        from hubcall_desktop.sources.webhook_redact import REDACTOR
        webhook, private_app, oauth, refresh = sys.argv[3:7]
        REDACTOR.add(Secret(webhook))
        log = logging.getLogger("hubcall_desktop.services.call_desk")
        log.warning("a script posted with the secret %s in its body", webhook)
        log.warning("GET /v1/events?token=%s", webhook)
        log.warning("Authorization: Bearer %s", private_app)
        log.warning("token %s and %s", private_app, oauth)
        log.warning("refresh_token=%s&client_id=x", refresh)
        log.info("ringing: +49 30 1234567 called tel:+1-202-555-0143 and sip:030123456@pbx")
        try:
            raise ValueError(f"refused {private_app} for +4930123456")
        except ValueError:
            log.exception("the send failed")
        """,
        tmp_path,
        webhook_secret,
        private_app,
        oauth,
        refresh,
    )
    assert done.returncode == 0, done.stderr
    log_file = Path(done.stdout.strip())
    assert log_file == tmp_path.resolve() / "logs" / LOG_FILE_NAME
    text = log_file.read_text(encoding="utf-8")
    for value in (webhook_secret, webhook_secret[:12], private_app, oauth, refresh):
        assert value not in text
        assert value not in done.stderr
    for number in ("1234567", "555-0143", "030123456", "4930123456"):
        assert number not in text
    assert "called tel:+…43" in text or "called +…43" in text
    assert text.count("***") >= 6
    assert "Traceback" in text and "ValueError: refused *** for +…56" in text
    assert "a script posted with the secret" in text  # the line is kept, only masked


def test_the_file_is_rotated_at_its_cap_and_three_older_files_are_kept(tmp_path: Path) -> None:
    done = run_python(
        """
        log = logging.getLogger("hubcall_desktop.test")
        for n in range(400):
            log.warning("line %04d %s", n, "x" * 80)
        """,
        tmp_path,
        max_bytes=4000,
    )
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "logs"
    names = sorted(p.name for p in folder.glob(f"{LOG_FILE_NAME}*"))
    assert names == [LOG_FILE_NAME, *(f"{LOG_FILE_NAME}.{n}" for n in (1, 2, 3))]
    for path in folder.glob(f"{LOG_FILE_NAME}*"):
        assert path.stat().st_size <= 4000 + 200
    assert "line 0399" in (folder / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_an_uncaught_exception_is_written_to_the_crash_file(tmp_path: Path) -> None:
    done = run_python(
        """
        def handle_call():
            raise KeyError("no call for +4930123456 with token=abc123def456")
        handle_call()
        """,
        tmp_path,
    )
    assert done.returncode == 1
    crash = tmp_path.resolve() / "logs" / CRASH
    assert f"the details are in {crash}" in done.stderr
    assert "Traceback" not in done.stderr  # one sentence for the agent; the file has the rest
    text = crash.read_text(encoding="utf-8")
    assert "uncaught exception" in text
    assert re.search(r"in handle_call\n", text)
    assert "KeyError: 'no call for +…56 with token=***'" in text
    assert "4930123456" not in text and "abc123def456" not in text
    log = (tmp_path / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert (
        f"CRITICAL hubcall_desktop.services.crash_reports: uncaught exception: KeyError; the details are in {crash}"
        in log
    )


def test_a_thread_and_an_event_loop_crash_are_written_too(tmp_path: Path) -> None:
    done = run_python(
        """
        import asyncio, gc, threading
        from hubcall_desktop.services.crash_reports import watch_loop

        def worker():
            raise RuntimeError("worker broke")
        thread = threading.Thread(target=worker, name="journal-writer")
        thread.start(); thread.join()

        async def broken():
            raise OSError("loop task broke")
        async def main():
            watch_loop(asyncio.get_running_loop())
            task = asyncio.ensure_future(broken())
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            del task
            gc.collect()
        asyncio.run(main())
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "logs" / CRASH).read_text(encoding="utf-8")
    assert "uncaught exception in thread journal-writer" in text
    assert "RuntimeError: worker broke" in text
    assert "event loop: Task exception was never retrieved" in text
    assert "OSError: loop task broke" in text


def test_a_segfault_leaves_faulthandlers_traceback_in_the_crash_file(tmp_path: Path) -> None:
    done = run_python(
        """
        import ctypes
        def read_nowhere():
            ctypes.string_at(0)
        read_nowhere()
        """,
        tmp_path,
    )
    assert done.returncode < 0  # killed by the signal
    text = (tmp_path / "logs" / CRASH).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "in read_nowhere" in text


def test_a_large_crash_file_is_set_aside_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / CRASH).write_text("old\n" * 300_000, encoding="utf-8")
    done = run_python("", tmp_path)
    assert done.returncode == 0, done.stderr
    assert (folder / f"{CRASH}.1").read_text(encoding="utf-8").startswith("old\n")
    assert (folder / CRASH).stat().st_size == 0


def test_redact_keeps_ordinary_text(tmp_path: Path) -> None:
    folder = "/tmp/pytest-of-someone/pytest-6957/test_an_uncaught_exception_is_written_to_0/logs"
    line = f"journal {folder}/journal.sqlite3: version 3; 12 calls at 2026-12-02 19:55:04,239"
    assert redact(line) == line
    assert log_files.MASK == "***"
