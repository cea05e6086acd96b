"""The app's log file opens after its first paint: what was logged before is held, then
written first, in order and masked like any line; the locking handler is not even
imported until then."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hubcall_desktop.services.log_files import LOG_FILE_NAME

TOKEN = "pat-eu1-11111111-2222-3333-4444-555555555555"
SCRIPT = f"""
import logging, sys
from hubcall_desktop.cli.global_options import configure_logging
from hubcall_desktop.services.log_files import open_deferred_log_file
print(configure_logging(0, sys.argv[1], defer_file=True))
logging.getLogger("early").warning("before the paint, token {TOKEN}")
logging.getLogger("early").debug("below the file's level")
print("concurrent_log_handler" in sys.modules)
print(open_deferred_log_file())
logging.getLogger("late").warning("after the paint")
print(open_deferred_log_file())
"""


def test_records_logged_before_the_file_opens_are_written_first(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    log_file = tmp_path.resolve() / "logs" / LOG_FILE_NAME
    assert done.stdout.split() == ["None", "False", str(log_file), "None"]
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 3)[3] for line in lines] == [
        "WARNING early: before the paint, token ***",
        "WARNING late: after the paint",
    ]
