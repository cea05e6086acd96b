"""The OAuth suite passes, warning-free, with ``httpx2`` importable beside httpx.

authlib >= 1.8 drives httpx2 whenever it can import it; handing it the app's httpx objects
broke 19 of 31 OAuth tests. The app now does its OAuth requests with its own httpx client
and uses only authlib's framework-independent parts. The suite runs in a child process on
the project's interpreter with httpx2 added at the end of ``sys.path`` (see
tests/httpx2_beside.py); pytest's ``filterwarnings = error`` applies there too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import on_ci
from tests.httpx2_beside import REPO, Unavailable, httpx2_dir

SUITE = (
    "tests/secrets/test_oauth_flow.py",
    "tests/secrets/test_oauth_tokens.py",
    "tests/secrets/test_oauth_tokens_expiry.py",
    "tests/secrets/test_oauth_rotation.py",
    "tests/secrets/test_oauth_daily_limit.py",
    "tests/sandbox/test_oauth_routes.py",
    "tests/sandbox/test_oauth_expiry.py",
    "tests/services/test_connection.py",
)
# Run in the child: httpx2 must really be importable there, the suite must pass, and the
# app must not have loaded authlib's httpx integration (the part that moved to httpx2).
# What it found goes to a file: the suite's conftest may end the process in
# pytest_unconfigure, before anything after pytest.main() runs.
CHILD = """
import json, sys
folder, report, *args = sys.argv[1:]
sys.path.append(folder)
import httpx, httpx2

class Report:
    def pytest_sessionfinish(self, session, exitstatus):
        loaded = sorted(m for m in sys.modules if m.startswith("authlib.integrations"))
        found = {"httpx": httpx.__version__, "httpx2": httpx2.__version__, "loaded": loaded}
        with open(report, "w") as handle:
            json.dump(found, handle)

import pytest
sys.exit(pytest.main(args, plugins=[Report()]))
"""
CHILD_TIMEOUT_S = 100  # under the suite's 120 s per test


def test_the_oauth_suite_passes_with_httpx2_installed(tmp_path: Path) -> None:
    try:
        folder = httpx2_dir()
    except Unavailable as exc:
        if on_ci():
            raise
        pytest.skip(f"httpx2 could not be installed here: {exc}")
    report = tmp_path / "child.json"
    args = ["-q", "-p", "no:xvfb", "-p", "no:pytestqt", "-p", "no:cacheprovider"]
    args += ["--basetemp", str(tmp_path / "t")]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(report), *args, *SUITE],
        cwd=REPO,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    output = done.stdout[-4000:] + done.stderr[-2000:]
    assert done.returncode == 0, output
    assert " passed" in done.stdout and " failed" not in done.stdout, output
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["httpx2"].startswith("2.") and found["httpx"].startswith("0."), found
    assert found["loaded"] == [], found
