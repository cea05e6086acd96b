"""The start-up guard against PySide6 builds known to crash the app: the table, the sentence,
and ``hubcall-desktop`` refusing to start (exit 5, before Qt loads) on such a build.

No broken build needs to be installed: versions are parameters, and the process tests
point the guard at a fake ``shiboken6`` first on ``sys.path``: a package folder with only
its ``_config.py`` (what the guard reads first) and ``.dist-info`` folders with only their
METADATA (what it reads when that says "broken" or cannot be read)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.ui.startup import qt_guard
from hubcall_desktop.ui.startup.qt_guard import OVERRIDE_ENV, installed_versions, known_problem

BROKEN = {"shiboken6": "6.12.0", "PySide6-Essentials": "6.12.0"}


@pytest.mark.parametrize(
    ("binding", "python", "broken"),
    [
        ("6.12.0", (3, 11, 7), True),
        ("6.12.0", (3, 11, 0), True),
        ("6.12.0.1", (3, 11, 9), True),  # a post-release of the same build
        ("6.12.0", (3, 10, 14), True),
        ("6.12.0", (3, 12, 0), False),  # None and the bools are immortal from 3.12 (PEP 683)
        ("6.12.0", (3, 13, 1), False),
        ("6.11.3", (3, 11, 7), False),
        ("6.6.0", (3, 11, 7), False),
        ("6.12.1", (3, 11, 7), False),  # not known broken (pip keeps 3.11 below 6.12 anyway)
        ("6.13.0rc1", (3, 11, 7), False),
        ("", (3, 11, 7), False),
        ("unknown", (3, 11, 7), False),
    ],
)
def test_the_table_of_known_broken_builds(
    binding: str, python: tuple[int, ...], broken: bool
) -> None:
    versions = {"shiboken6": binding, "PySide6-Essentials": binding}
    assert (known_problem(versions, python, environ={}) is not None) is broken


def test_the_sentence_says_what_is_wrong_and_what_to_install() -> None:
    text = known_problem(BROKEN, (3, 11, 7), environ={}, executable="/opt/venv/bin/python")
    assert text is not None
    assert text.startswith("shiboken6 6.12.0 on Python 3.11 ")
    assert "none_dealloc" in text
    assert '`"/opt/venv/bin/python" -m pip install "PySide6-Essentials>=6.6,<6.12"`' in text
    assert "Python 3.12 or newer" in text and f"{OVERRIDE_ENV}=1" in text
    assert text.count(". ") == 0 and text.endswith(".")  # one sentence
    assert "\n" not in text


def test_the_pyside6_bundle_is_what_gets_reinstalled() -> None:
    """The PySide6 bundle pins PySide6-Essentials to its own version: downgrading only the
    part would leave pip with a conflict."""
    text = known_problem({**BROKEN, "PySide6": "6.12.0"}, (3, 11, 7), environ={})
    assert text is not None and 'install "PySide6>=6.6,<6.12"' in text


def test_shiboken_decides_when_it_is_installed() -> None:
    """The bug is shiboken6's; a PySide6 wheel reinstalled without its shiboken6 is judged by
    the shiboken6 that is actually loaded."""
    mixed = {"shiboken6": "6.11.3", "PySide6-Essentials": "6.12.0"}
    assert known_problem(mixed, (3, 11, 7), environ={}) is None
    assert known_problem({"PySide6-Essentials": "6.12.0"}, (3, 11, 7), environ={}) is not None
    assert known_problem({}, (3, 11, 7), environ={}) is None


@pytest.mark.parametrize(
    ("value", "refused"), [("1", False), (" 1 ", False), ("0", True), ("", True)]
)
def test_experts_can_start_anyway(value: str, refused: bool) -> None:
    text = known_problem(BROKEN, (3, 11, 7), environ={OVERRIDE_ENV: value})
    assert (text is not None) is refused


def test_installed_versions_reads_the_metadata() -> None:
    assert installed_versions()["shiboken6"] == metadata.version("shiboken6")

    def lookup(name: str) -> str:
        if name == "PySide6":
            raise metadata.PackageNotFoundError(name)
        return "6.12.0"

    assert installed_versions(lookup) == BROKEN


def test_the_exit_code_is_the_cli_set_up_problem_code() -> None:
    assert qt_guard.EXIT_CODE == ExitCode.CONFIGURATION


def test_this_suite_runs_on_a_sound_build() -> None:
    assert known_problem() is None


FAKE_METADATA = "Metadata-Version: 2.1\nName: {name}\nVersion: 6.12.0\n"


def _fake_broken_build(folder: Path, *, package: bool = True) -> Path:
    """Installed-package metadata saying shiboken6 and PySide6-Essentials are 6.12.0, and
    (``package``) a shiboken6 package whose own _config.py says so, found before the real one."""
    for name in ("shiboken6", "PySide6_Essentials"):
        info = folder / f"{name}-6.12.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(FAKE_METADATA.format(name=name), encoding="utf-8")
    if package:
        (folder / "shiboken6").mkdir()
        (folder / "shiboken6" / "__init__.py").write_text("raise ImportError('a fake')\n")
        (folder / "shiboken6" / "_config.py").write_text(FAKE_CONFIG, encoding="utf-8")
    return folder


FAKE_CONFIG = (
    'shiboken_library_soversion = "6.12"\n\nversion = "6.12.0"\nversion_info = (6, 12, 0, "", "")\n'
)


def _guard_in_a_process(folder: Path, python_below: tuple[int, ...] = (99,)) -> dict[str, object]:
    """known_problem() in a Python that sees ``folder`` first on its path."""
    script = (
        "import dataclasses, json, sys\n"
        f"sys.path.insert(0, {str(folder)!r})\n"
        "from hubcall_desktop.ui.startup import qt_guard as g\n"
        f"g.KNOWN_BROKEN = tuple(dataclasses.replace(b, python_below={python_below!r}) for b in g.KNOWN_BROKEN)\n"
        "problem = g.known_problem(environ={})\n"
        "print(json.dumps({'problem': problem, 'metadata': 'importlib.metadata' in sys.modules}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout)
    return report


def test_a_sound_build_is_passed_without_reading_the_packages_metadata(tmp_path: Path) -> None:
    """The binding's own _config.py decides the common case: importlib.metadata (and the
    email parser it loads) stays out of every cold start."""
    assert qt_guard.binding_version() == metadata.version("shiboken6")
    assert _guard_in_a_process(tmp_path, python_below=(0,)) == {"problem": None, "metadata": False}


def test_the_binding_that_import_loads_decides_over_the_metadata(tmp_path: Path) -> None:
    broken = _guard_in_a_process(_fake_broken_build(tmp_path / "both"))
    assert str(broken["problem"]).startswith("shiboken6 6.12.0 on Python")
    # Metadata alone says 6.12.0, but the shiboken6 import would load is the sound one.
    only_metadata = _guard_in_a_process(_fake_broken_build(tmp_path / "meta", package=False))
    assert only_metadata == {"problem": None, "metadata": False}


def test_a_binding_without_a_readable_config_falls_back_to_the_metadata(tmp_path: Path) -> None:
    folder = _fake_broken_build(tmp_path / "site")
    (folder / "shiboken6" / "_config.py").write_text("version = unknown\n")
    report = _guard_in_a_process(folder)
    assert str(report["problem"]).startswith("shiboken6 6.12.0 on Python")
    assert report["metadata"] is True


def test_the_app_refuses_to_start_on_a_broken_build(tmp_path: Path) -> None:
    """The real entry point, on a Python that sees shiboken6 6.12.0: exit 5, one sentence on
    stderr, and Qt never imported (the check runs before it)."""
    fake = _fake_broken_build(tmp_path / "site")
    # The table spares 3.12+ (immortal None); there the wiring is tested with the same
    # entry widened to every Python.
    widen = (
        "import dataclasses\nfrom hubcall_desktop.ui.startup import qt_guard as g\n"
        "g.KNOWN_BROKEN = tuple(dataclasses.replace(b, python_below=(99,)) for b in g.KNOWN_BROKEN)\n"
        if sys.version_info >= (3, 12)
        else ""
    )
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(fake)!r})\n"
        + widen
        # Past the guard the window would open: stop there instead, saying so.
        + "from hubcall_desktop.ui.startup import app\n"
        "app._run_gui = lambda options: print('PAST THE GUARD', flush=True) or 0\n"
        "from hubcall_desktop.cli.main import main\n"
        "code = main(['--data-dir', sys.argv[1], '--api-base', 'http://127.0.0.1:9'])\n"
        "print('QT LOADED' if 'PySide6.QtCore' in sys.modules else 'NO QT', flush=True)\n"
        "sys.exit(code)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != OVERRIDE_ENV}
    env.update({"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)})
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == ExitCode.CONFIGURATION, done.stdout + done.stderr
    assert done.stdout.strip() == "NO QT"
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert lines[0].startswith(f"hubcall-desktop: shiboken6 6.12.0 on Python {python} ")
    assert "pip install" in lines[0] and "PySide6-Essentials>=6.6,<6.12" in lines[0]
