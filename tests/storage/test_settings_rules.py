"""Settings: the declared defaults, each field's type and range (with its boundaries), and the
sentence that names a bad value, checked both on save and on load."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.limits import INT32_MAX
from hubcall_desktop.core.settings import MAX_PORTALS, Settings
from hubcall_desktop.storage.settings import load_settings, save_settings

# What a first start uses: the file format's defaults, so a changed one is a changed product.
DEFAULTS: dict[str, Any] = {
    "api_base": "https://api.hubapi.com",
    "api_version": "2026-09",
    "region": "US",
    "own_number": "",
    "user_id": None,
    "recipient_user_ids": [],
    "rate_limit_per_10s": 100,
    "active_portal": "default",
    "portal_id": None,
    "ui_domain": "app.hubspot.com",
    "popup_enabled": True,
    "sound_enabled": False,
    "do_not_disturb": False,
    "start_minimised": False,
    "start_at_login": False,
    "language": "",
    "webhook_enabled": True,
    "webhook_port": 47831,
    "baresip_endpoints": [],
    "auto_log_seconds": 0,
    "missed_auto_log_seconds": 10,
    "call_back_command": "",
    "call_back_scheme": "tel",
    "missed_seen_at": "",
    "oauth_client_id": "",
    "oauth_redirect_port": 47832,
    "portals": [],
    "setup_guide_done": False,
}

# Values at the edge of each rule that are still accepted.
ACCEPTED: list[tuple[str, Any]] = [
    ("api_base", "https://eu1.api.hubapi.com"),
    ("api_base", "http://127.0.0.1:8080"),
    ("api_base", "http://localhost:9000"),
    ("api_base", "http://[::1]:9000"),
    ("api_version", "v3"),
    ("api_version", "2025-09"),
    ("api_version", "2026-03"),
    ("api_version", "2026-09"),
    ("region", "DE"),
    ("user_id", 1),
    ("user_id", INT32_MAX),
    ("user_id", None),
    ("portal_id", 1),
    ("portal_id", INT32_MAX),
    ("recipient_user_ids", [1, INT32_MAX]),
    ("baresip_endpoints", ["127.0.0.1:4444", "[::1]:4444"]),
    ("webhook_port", 1),
    ("webhook_port", 65535),
    ("rate_limit_per_10s", 1),
    ("rate_limit_per_10s", 1000),
    ("auto_log_seconds", 0),
    ("auto_log_seconds", 3600),
    ("missed_auto_log_seconds", 0),
    ("missed_auto_log_seconds", 3600),
    ("call_back_command", "baresip-call --dial '{number}'"),
    ("call_back_command", "x" * 1000),
    ("call_back_scheme", "sip"),
    ("missed_seen_at", "2026-11-24T09:30:00+00:00"),
    ("active_portal", "x" * 64),
    ("portals", ["p"] * MAX_PORTALS),
    ("popup_enabled", False),
    ("sound_enabled", True),
    ("do_not_disturb", True),
    ("start_minimised", True),
    ("start_at_login", True),
    ("webhook_enabled", False),
    ("setup_guide_done", True),
    ("own_number", "+4930123456"),
    ("language", "de"),
    ("oauth_client_id", "client-1"),
    ("oauth_redirect_port", 1024),
    ("oauth_redirect_port", 65535),
    ("ui_domain", "app-eu1.hubspot.com"),
]

# A bad value of each rule and the problem the agent reads.
REFUSED: list[tuple[str, Any, str]] = [
    ("api_base", "http://example.com", "must be an https:// URL (http only for loopback)"),
    ("api_base", "ftp://api.hubapi.com", "must be an https:// URL (http only for loopback)"),
    ("api_version", "v9", "must be one of v3, 2025-09, 2026-03, 2026-09"),
    ("region", "XX", "not a known two-letter country code such as US, DE or GB"),
    ("user_id", 0, "must be a positive 32-bit number"),
    ("user_id", -5, "must be a positive 32-bit number"),
    ("user_id", INT32_MAX + 1, "must be a positive 32-bit number"),
    ("user_id", "12", "expected int"),
    ("user_id", True, "wrong type"),
    ("portal_id", 0, "must be a positive 32-bit number"),
    ("portal_id", INT32_MAX + 1, "must be a positive 32-bit number"),
    ("portal_id", 1.5, "expected int"),
    ("recipient_user_ids", [0], "must be positive 32-bit user ids"),
    ("recipient_user_ids", [1, INT32_MAX + 1], "must be positive 32-bit user ids"),
    ("recipient_user_ids", [True], "must be positive 32-bit user ids"),
    ("recipient_user_ids", ["1"], "must be positive 32-bit user ids"),
    ("recipient_user_ids", 1, "expected list"),
    ("baresip_endpoints", ["127.0.0.1:4444", 4444], "must be HOST:PORT strings"),
    ("webhook_port", 0, "must be a port from 1 to 65535"),
    ("webhook_port", 65536, "must be a port from 1 to 65535"),
    ("webhook_port", True, "wrong type"),
    ("webhook_port", "47831", "expected int"),
    ("oauth_redirect_port", 1023, "must be a port from 1024 to 65535"),
    ("oauth_redirect_port", 65536, "must be a port from 1024 to 65535"),
    ("oauth_redirect_port", True, "wrong type"),
    ("rate_limit_per_10s", 0, "must be from 1 to 1000"),
    ("rate_limit_per_10s", 1001, "must be from 1 to 1000"),
    ("auto_log_seconds", -1, "must be from 0 to 3600 seconds"),
    ("auto_log_seconds", 3601, "must be from 0 to 3600 seconds"),
    ("missed_auto_log_seconds", -1, "must be from 0 to 3600 seconds"),
    ("missed_auto_log_seconds", 3601, "must be from 0 to 3600 seconds"),
    ("call_back_command", "dial '{number}", "has an unclosed quote"),
    ("call_back_command", "  ", "must name a program"),
    ("call_back_command", "x" * 1001, "is longer than 1000 characters"),
    ("call_back_scheme", "http", "must be one of tel, sip, callto"),
    ("missed_seen_at", "yesterday", "must be an ISO date and time"),
    ("active_portal", "", "must be 1-64 visible characters without spaces"),
    (
        "portals",
        ["p"] * (MAX_PORTALS + 1),
        "must be at most 100 portal keys of 1-64 visible characters without spaces",
    ),
    ("popup_enabled", 1, "expected bool"),
    ("setup_guide_done", "yes", "expected bool"),
    ("webhook_enabled", None, "expected bool"),
    ("region", 49, "expected str"),
    ("own_number", None, "expected str"),
]


def test_a_first_start_uses_the_declared_defaults(tmp_path: Path) -> None:
    assert asdict(Settings()) == DEFAULTS
    Settings().validate()  # the defaults pass their own rules
    loaded, warnings = load_settings(tmp_path / "missing.json")
    assert (asdict(loaded), warnings) == (DEFAULTS, [])


@pytest.mark.parametrize(("name", "value"), ACCEPTED)
def test_a_value_inside_the_rules_is_saved_and_read_back(
    tmp_path: Path, name: str, value: Any
) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(**{name: value}), path)
    loaded, warnings = load_settings(path)
    assert warnings == []
    assert getattr(loaded, name) == value
    assert asdict(loaded) == {**DEFAULTS, name: value}


@pytest.mark.parametrize(("name", "value", "problem"), REFUSED)
def test_a_bad_value_is_not_saved_and_its_field_is_named(
    tmp_path: Path, name: str, value: Any, problem: str
) -> None:
    path = tmp_path / "settings.json"
    with pytest.raises(InputError) as refused:
        save_settings(Settings(**{name: value}), path)
    assert (refused.value.field, refused.value.problem) == (name, problem)
    assert not path.exists()


@pytest.mark.parametrize(("name", "value", "problem"), REFUSED)
def test_a_bad_value_in_the_file_falls_back_to_its_default_alone(
    tmp_path: Path, name: str, value: Any, problem: str
) -> None:
    path = tmp_path / "settings.json"
    other = "sound_enabled" if name != "sound_enabled" else "language"
    path.write_text(json.dumps({name: value, other: True if other == "sound_enabled" else "de"}))
    loaded, warnings = load_settings(path)
    assert getattr(loaded, name) == DEFAULTS[name]
    assert getattr(loaded, other) != DEFAULTS[other]  # the rest of the file is used
    assert warnings == [f"Settings: {name}: {problem} (got {_shown(value)}); using the default."]
    assert path.exists()  # one bad value does not set the whole file aside


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


def test_validate_names_the_first_bad_field() -> None:
    settings = Settings(webhook_port=0, rate_limit_per_10s=0)
    with pytest.raises(InputError) as refused:
        settings.validate()
    assert refused.value.field == "rate_limit_per_10s"  # declared before webhook_port


def test_a_lower_case_region_is_read_as_upper_case(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"region": "de", "language": "fr"}))
    loaded, warnings = load_settings(path)
    assert (loaded.region, loaded.language, warnings) == ("DE", "fr", [])


def test_an_unknown_setting_is_named_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"mystery": 1, "region": "GB", "token": "x"}))
    loaded, warnings = load_settings(path)
    assert loaded.region == "GB"
    assert warnings == [
        "Settings: ignored unknown setting 'mystery'.",
        "Settings: ignored unknown setting 'token'.",
    ]
    assert not hasattr(loaded, "mystery")
