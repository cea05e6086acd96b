"""The import-linter contracts name modules one by one where a package cannot be named whole
(the controller sits among the presenters it must not be imported by): a new presenter must be
added to them, or the contract would silently not cover it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PRESENTERS = ROOT / "hubcall_desktop" / "ui" / "presenters"
CONTROLLER = "hubcall_desktop.ui.presenters.controller"


def _contract(name: str) -> dict[str, Any]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    contracts: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    (found,) = [c for c in contracts if c["name"] == name]
    return found


def test_every_presenter_but_the_controller_is_kept_from_importing_it() -> None:
    contract = _contract("Presenters and the boot get a context, never the controller")
    assert contract["forbidden_modules"] == [CONTROLLER]
    modules = {
        f"hubcall_desktop.ui.presenters.{path.stem}"
        for path in PRESENTERS.glob("*.py")
        if path.stem != "__init__"
    }
    assert modules - set(contract["source_modules"]) == {CONTROLLER}


def test_views_are_named_whole_packages() -> None:
    contract = _contract("Views import no services, storage, secrets, hubspot or presenters")
    assert set(contract["source_modules"]) == {
        "hubcall_desktop.ui.windows",
        "hubcall_desktop.ui.widgets",
        "hubcall_desktop.ui.models",
    }
    assert "hubcall_desktop.ui.presenters" in contract["forbidden_modules"]
