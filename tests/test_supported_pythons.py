"""pip keeps Python 3.14 away while the installed qasync is one that fails there
(qasync 0.28 and older: "loop ... is not the running loop", qasync issue 176)."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
LAST_BROKEN_QASYNC = Version("0.28.0")


def supported() -> SpecifierSet:
    with PYPROJECT.open("rb") as file:
        return SpecifierSet(tomllib.load(file)["project"]["requires-python"])


def test_the_pythons_the_readme_names_are_supported() -> None:
    assert all(python in supported() for python in ("3.11", "3.12", "3.13"))


def test_python_3_14_is_refused_while_qasync_fails_there() -> None:
    if Version(metadata.version("qasync")) <= LAST_BROKEN_QASYNC:
        assert "3.14" not in supported(), "qasync 0.28 fails on Python 3.14"
