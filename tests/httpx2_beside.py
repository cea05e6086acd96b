"""``httpx2`` installed beside httpx, as it is on many machines, for the OAuth suite to run
with (tests/secrets/test_httpx2_beside.py).

httpx2 and what it needs go into a cached folder of their own (``.venv-extra/httpx2``,
``HUBCALL_TEST_CACHE`` moves it, rebuilt weekly to follow new releases), never into the
project's virtualenv. The suite runs on the project's interpreter with that folder added
at the *end* of ``sys.path``: httpx2 becomes importable while every package the
virtualenv already has (httpx, anyio, idna, ...) stays the one it has.

``python -m tests.httpx2_beside`` builds the folder and prints it (tests/run.sh does
this before the tests, so pytest itself needs no network).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from filelock import FileLock

REPO = Path(__file__).resolve().parents[1]
REQUIREMENT = "httpx2>=2.16"
BUILD_TIMEOUT_S = 600  # a cold pip install, bounded
REFRESH_S = 7 * 24 * 3600


class Unavailable(Exception):
    """pip could not install httpx2 here (no network, no index)."""


def cache_root() -> Path:
    return Path(os.environ.get("HUBCALL_TEST_CACHE") or REPO / ".venv-extra")


def httpx2_dir() -> Path:
    """The folder holding httpx2 and its requirements, installed once and kept."""
    folder = cache_root() / "httpx2"
    stamp = folder / ".installed"
    cache_root().mkdir(parents=True, exist_ok=True)
    with FileLock(str(cache_root() / "httpx2.lock"), timeout=BUILD_TIMEOUT_S):
        if stamp.exists() and time.time() - stamp.stat().st_mtime < REFRESH_S:
            return folder
        shutil.rmtree(folder, ignore_errors=True)
        env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--target",
                str(folder),
                REQUIREMENT,
            ],
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if done.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            raise Unavailable(f"pip install {REQUIREMENT} failed:\n{done.stderr[-2000:]}")
        stamp.write_text(REQUIREMENT + "\n", encoding="utf-8")
    return folder


if __name__ == "__main__":
    try:
        print(httpx2_dir())
    except Unavailable as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
