"""Refuse to start on a PySide6 build known to crash the app, with one sentence saying why.

PySide6/shiboken6 6.12.0 drops a reference to ``None`` each time Python calls a Qt method
that returns nothing (``postEvent``, ``processEvents``, ``setObjectName``, ...) and to
``True`` on each ``Signal.emit``. qasync makes such calls for every wake-up, so on Python
3.11, where ``None`` and the bools are ordinary objects, their counts reach zero after a
few hundred calls and the interpreter aborts ("none_dealloc", "bool_dealloc"). From 3.12
on they are immortal (PEP 683) and the same build is harmless.

pyproject.toml keeps pip away from these combinations; this check covers an install that
got one anyway (a forced ``pip install``, a distribution's package). It never imports Qt,
so it runs before anything can go wrong. It first reads the version of the shiboken6 that
``import`` would load from that package's own ``_config.py``; only when that is missing
or names a broken release does it read the installed packages' metadata (importlib.metadata
and the email parser it needs cost some 35 ms of every cold start).
``HUBCALL_ALLOW_BROKEN_QT=1`` skips it, for someone testing a patched build.
tests/ui/test_qt_refcounts.py and tests/e2e/test_app_refcounts.py tell whether a build
belongs in the table.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

OVERRIDE_ENV = "HUBCALL_ALLOW_BROKEN_QT"
# cli.exit_codes.ExitCode.CONFIGURATION (a set-up problem); ui may not import cli.
EXIT_CODE = 5
# The distributions that carry the binding code, most specific first: shiboken6 holds the
# bug, and PySide6-Essentials / PySide6 pin it to their own version.
DISTRIBUTIONS = ("shiboken6", "PySide6-Essentials", "PySide6")

Version = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class BrokenBuild:
    """Binding releases from ``first`` to ``last`` (inclusive) that crash the app on Pythons
    older than ``python_below``."""

    first: Version
    last: Version
    python_below: Version
    symptom: str
    specifier: str  # the versions pip should install instead on those Pythons

    def matches(self, binding: Version, python: Version) -> bool:
        release = binding[: len(self.last)]
        return self.first <= release <= self.last and python[:2] < self.python_below


KNOWN_BROKEN: tuple[BrokenBuild, ...] = (
    BrokenBuild(
        first=(6, 12, 0),
        last=(6, 12, 0),
        python_below=(3, 12),
        symptom="loses a reference to None on every Qt call and the app aborts after a few "
        'hundred calls ("none_dealloc")',
        specifier=">=6.6,<6.12",
    ),
)


def parse_version(text: str) -> Version | None:
    """The numeric release of a version string ("6.12.0" -> (6, 12, 0); "6.12.0.1" keeps
    four parts; "6.13.0rc1" -> (6, 13, 0)); None if it does not start with a number."""
    found = re.match(r"\d+(?:\.\d+)*", text.strip())
    return tuple(int(part) for part in found.group(0).split(".")) if found else None


def installed_versions(lookup: Callable[[str], str] | None = None) -> dict[str, str]:
    """The installed version of each of DISTRIBUTIONS that is installed."""
    from importlib import metadata

    found: dict[str, str] = {}
    for name in DISTRIBUTIONS:
        try:
            found[name] = (lookup or metadata.version)(name)
        except metadata.PackageNotFoundError:
            continue
    return found


# shiboken6/_config.py, as every shiboken6 wheel has it: ``version = "6.11.3"``.
_CONFIG_VERSION = re.compile(r'^version\s*=\s*"([^"]+)"', re.MULTILINE)


def binding_version() -> str | None:
    """The version of the shiboken6 that ``import shiboken6`` would load, from its own
    ``_config.py`` (read as text, nothing imported); None where it cannot be read."""
    try:
        spec = importlib.util.find_spec(DISTRIBUTIONS[0])
    except (ImportError, ValueError):
        return None
    folders = spec.submodule_search_locations if spec is not None else None
    for folder in folders or ():
        try:
            text = (Path(folder) / "_config.py").read_text(encoding="utf-8")
        except OSError:
            continue
        found = _CONFIG_VERSION.search(text)
        return found.group(1) if found else None
    return None


def known_problem(
    versions: Mapping[str, str] | None = None,
    python: Version | None = None,
    environ: Mapping[str, str] | None = None,
    executable: str | None = None,
) -> str | None:
    """One sentence if this Python and PySide6 are a combination known to crash the app
    (what is wrong, and the pip command that fixes it); None if not known to be broken."""
    env = os.environ if environ is None else environ
    if env.get(OVERRIDE_ENV, "").strip() == "1":
        return None
    python = tuple(sys.version_info[:3]) if python is None else python
    if versions is None:
        loaded = binding_version()
        binding = parse_version(loaded or "")
        if binding is not None and not any(b.matches(binding, python) for b in KNOWN_BROKEN):
            return None  # the common case, decided without the packages' metadata
        versions = installed_versions()
        if loaded is not None:  # what import loads decides, whatever the metadata says
            versions[DISTRIBUTIONS[0]] = loaded
    for name in DISTRIBUTIONS:
        binding = parse_version(versions.get(name, ""))
        if binding is None:
            continue
        for broken in KNOWN_BROKEN:
            if broken.matches(binding, python):
                # Reinstall what the user installed: the PySide6 bundle pins its parts.
                package = "PySide6" if "PySide6" in versions else "PySide6-Essentials"
                return _sentence(
                    f"{name} {versions[name]}",
                    package + broken.specifier,
                    python,
                    broken,
                    executable,
                )
        return None  # the most specific distribution decides
    return None


def _sentence(
    build: str, requirement: str, python: Version, broken: BrokenBuild, executable: str | None
) -> str:
    interpreter = executable or sys.executable or "python3"
    py = ".".join(map(str, python[:2]))
    return (
        f"{build} on Python {py} {broken.symptom}, so HubCall Desktop will not "
        f'start on it: install a sound build with `"{interpreter}" -m pip install '
        f'"{requirement}"` (or run the app on Python '
        f"{'.'.join(map(str, broken.python_below))} or newer), or set {OVERRIDE_ENV}=1 "
        "to start anyway."
    )
