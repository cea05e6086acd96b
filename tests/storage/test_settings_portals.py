"""Settings' portal keys (the active one and the list): the keyring's rule for a portal key
(core.portals), checked on load and save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.settings import MAX_PORTALS, Settings
from hubcall_desktop.storage.settings import load_settings, save_settings

BAD_KEYS = ["", "two words", "tab\there", "new\nline", "x" * 65, "bell\x07", "nbsp\u00a0here"]


def test_portals_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(portals=["berlin", "12345678", "x" * 64]), path)
    loaded, warnings = load_settings(path)
    assert warnings == []
    assert loaded.portals == ["berlin", "12345678", "x" * 64]


@pytest.mark.parametrize("bad", BAD_KEYS)
def test_a_bad_portal_key_is_not_saved(tmp_path: Path, bad: str) -> None:
    with pytest.raises(InputError, match="portals"):
        save_settings(Settings(portals=["berlin", bad]), tmp_path / "settings.json")
    assert not (tmp_path / "settings.json").exists()


@pytest.mark.parametrize(
    "value", [["berlin", 7], "berlin", [["berlin"]], [None], ["ok"] * (MAX_PORTALS + 1)]
)
def test_a_bad_portals_value_in_the_file_falls_back_to_none(tmp_path: Path, value: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"portals": value, "region": "DE"}), "utf-8")
    loaded, warnings = load_settings(path)
    assert loaded.portals == [] and loaded.region == "DE"  # the rest of the file is kept
    assert len(warnings) == 1 and "portals" in warnings[0]


@pytest.mark.parametrize("bad", [*BAD_KEYS, 7, None, ["default"]])
def test_a_bad_active_portal_falls_back_to_the_default(tmp_path: Path, bad: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"active_portal": bad, "region": "DE"}), "utf-8")
    loaded, warnings = load_settings(path)
    assert loaded.active_portal == "default" and loaded.region == "DE"
    assert len(warnings) == 1 and "active_portal" in warnings[0]
    with pytest.raises(InputError, match="active_portal"):
        save_settings(Settings(active_portal=bad), tmp_path / "other.json")  # type: ignore[arg-type]
    assert not (tmp_path / "other.json").exists()
