"""libphonenumber's full Python package, for packaging/region_names.py only.

The app needs only parsing and validation: phonenumberslite carries that, without the
geocoder, carrier and time-zone tables (about 40 MB). The country names in
resources/region_names.json come from the full package's ``geodata.locale`` table, so the
check that the file is in step (tests/ui/test_region_names.py) needs it. Where the
installed package lacks that table, the full ``phonenumbers`` of the *same version* goes into
a cached folder of its own (``.venv-extra/phonenumbers-VERSION``, ``HUBCALL_TEST_CACHE``
moves it), never into the virtualenv, and the check runs with that folder first on
``PYTHONPATH``.

``python -m tests.full_phonenumbers`` prints the folder to put on ``PYTHONPATH`` (empty when
the installed package is the full one).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from filelock import FileLock

REPO = Path(__file__).resolve().parents[1]
BUILD_TIMEOUT_S = 600  # a cold pip install, bounded


class Unavailable(Exception):
    """pip could not install the full package here (no network, no index)."""


def has_locale_table() -> bool:
    try:
        return importlib.util.find_spec("phonenumbers.geodata.locale") is not None
    except ModuleNotFoundError:  # phonenumbers.geodata itself is missing (phonenumberslite)
        return False


def installed_version() -> str:
    import phonenumbers

    return str(phonenumbers.__version__)


def cache_root() -> Path:
    return Path(os.environ.get("HUBCALL_TEST_CACHE") or REPO / ".venv-extra")


def full_package_dir() -> Path | None:
    """A folder holding the full phonenumbers of the installed version, or None when the
    installed package already has the locale table."""
    if has_locale_table():
        return None
    version = installed_version()
    root = cache_root()
    folder = root / f"phonenumbers-{version}"
    root.mkdir(parents=True, exist_ok=True)
    with FileLock(str(root / "phonenumbers.lock"), timeout=BUILD_TIMEOUT_S):
        if (folder / ".installed").exists():
            return folder
        shutil.rmtree(folder, ignore_errors=True)
        done = subprocess.run(
            [
                *(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"),
                *("--target", str(folder), f"phonenumbers=={version}"),
            ],
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
            env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"},
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if done.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            raise Unavailable(f"pip install phonenumbers=={version} failed:\n{done.stderr[-2000:]}")
        (folder / ".installed").write_text(version + "\n", encoding="utf-8")
        for old in root.glob("phonenumbers-*"):  # one version kept
            if old != folder and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
    return folder


if __name__ == "__main__":
    try:
        found = full_package_dir()
    except Unavailable as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
    print(found or "")
