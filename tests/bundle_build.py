"""Build a PyInstaller bundle once, into a cache outside the repository, keyed on what goes in.

The key hashes the spec, the entry point, every file of the package and of the resources
the spec ships, PyInstaller's and Python's versions and the installed distributions, so a
change to any of them builds anew and an unchanged tree reuses the last build (a cold build
takes about two minutes on two cores). Only the newest build of each kind is kept.

``HUBCALL_TEST_BUNDLE_CACHE`` moves the cache (default ``$XDG_CACHE_HOME/hubcall-desktop-tests``,
that is ``~/.cache/...``). A lock keeps two test runs from building the same bundle at once.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "hubcall-desktop.spec"
BUILD_TIMEOUT_S = 1200  # a cold build on a loaded two-core machine, with room


@dataclass(frozen=True, slots=True)
class Bundle:
    folder: Path  # dist/<name>/
    executable: Path
    build_seconds: float  # of the build that made it (maybe an earlier session's)
    built_now: bool

    def size_bytes(self) -> int:
        """On disk: PyInstaller links some libraries to others, and a link counts once."""
        return sum(p.stat().st_size for p in files_on_disk(self.folder))


def files_on_disk(folder: Path) -> list[Path]:
    """The regular files under ``folder``, not the symbolic links to them."""
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def cache_root() -> Path:
    configured = os.environ.get("HUBCALL_TEST_BUNDLE_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hubcall-desktop-tests"


def _files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif path.is_file():
            found.append(path)
    return sorted(found)


def source_key(inputs: Iterable[Path]) -> str:
    """What the build depends on, hashed."""
    digest = hashlib.sha256()
    for path in _files(inputs):
        # Inside the repository by its path there; a generated input by its name.
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        digest.update(str(name).encode())
        digest.update(path.read_bytes())
    installed = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    digest.update("\n".join([sys.version, *installed]).encode())
    return digest.hexdigest()[:20]


def app_inputs() -> list[Path]:
    return [
        SPEC,
        ROOT / "packaging" / "launch.py",
        ROOT / "packaging" / "icons.py",
        ROOT / "hubcall_desktop",
        ROOT / "resources" / "icons",
        *(ROOT / "resources" / "translations").glob("*.qm"),
    ]


def build(kind: str, spec: Path, inputs: Iterable[Path], executable: str) -> Bundle:
    """The bundle ``spec`` makes, from the cache or built now (``kind`` names the cache
    slot: one build of each kind is kept)."""
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    key = source_key([spec, *inputs])
    slot = root / f"{kind}-{key}"
    with FileLock(str(root / f"{kind}.lock")):
        record = slot / "build.json"
        if record.is_file():
            seconds = float(json.loads(record.read_text("utf-8"))["seconds"])
            return _bundle(slot, executable, seconds, built_now=False)
        shutil.rmtree(slot, ignore_errors=True)
        started = time.monotonic()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                str(spec),
                "--noconfirm",
                "--log-level=WARN",
                "--distpath",
                str(slot / "dist"),
                "--workpath",
                str(slot / "work"),
            ],
            cwd=slot.parent,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
            check=False,
        )
        seconds = time.monotonic() - started
        if done.returncode != 0:
            raise AssertionError(f"PyInstaller failed ({done.returncode}):\n{done.stderr[-6000:]}")
        shutil.rmtree(slot / "work", ignore_errors=True)  # only a rebuild would use it
        record.write_text(json.dumps({"seconds": seconds, "key": key}), "utf-8")
        for old in root.glob(f"{kind}-*"):  # the disk holds one build of each kind
            if old != slot and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
        return _bundle(slot, executable, seconds, built_now=True)


def _bundle(slot: Path, executable: str, seconds: float, *, built_now: bool) -> Bundle:
    folder = slot / "dist" / executable
    return Bundle(folder, folder / executable, seconds, built_now)


def app_bundle() -> Bundle:
    return build("app", SPEC, app_inputs(), "hubcall-desktop")


BARE_APP = '''"""A bare PySide6 app: one window."""
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
window = QLabel("Hello")
window.show()
app.exec()
'''
BARE_SPEC = """# PyInstaller's defaults for one script, as `pyinstaller --onedir bare.py` writes them.
a = Analysis([str(Path(SPECPATH) / "bare.py")])
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="bare-pyside6", console=True)
coll = COLLECT(exe, a.binaries, a.datas, name="bare-pyside6")
"""


def bare_bundle() -> Bundle:
    """PyInstaller's defaults for a PySide6 app with one window: what any Qt app weighs."""
    source = cache_root() / "bare-source"
    source.mkdir(parents=True, exist_ok=True)
    (source / "bare.py").write_text(BARE_APP, "utf-8")
    (source / "bare.spec").write_text("from pathlib import Path\n" + BARE_SPEC, "utf-8")
    return build("bare", source / "bare.spec", [source / "bare.py"], "bare-pyside6")
