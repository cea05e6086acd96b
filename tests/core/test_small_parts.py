"""Secrets, record links, calls' derived values, settings files."""

from __future__ import annotations

import json
import logging
import pickle
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call, ensure_utc
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.links import record_url
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates, sort_by_likelihood
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.storage.settings import load_settings, save_settings

TOKEN = "pat-na1-0123456789abcdef"


def test_secret_never_prints(caplog: pytest.LogCaptureFixture) -> None:
    secret = Secret(TOKEN)
    caplog.set_level(logging.DEBUG)
    logging.getLogger("t").debug("token %s %r", secret, secret)
    texts = [
        str(secret),
        repr(secret),
        f"{secret}",
        f"{secret!r}",
        f"{secret:>40}",
        caplog.text,
        repr([secret]),
        repr({"t": secret}),
    ]
    assert all(TOKEN not in text for text in texts)
    assert secret.reveal() == TOKEN
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_record_links() -> None:
    coords = ObjectCoordinates(object_id=51, object_type_id="0-1", portal_id=4242)
    assert (
        record_url(coords, "app-eu1.hubspot.com")
        == "https://app-eu1.hubspot.com/contacts/4242/record/0-1/51"
    )
    assert record_url(coords, "") == "https://app.hubspot.com/contacts/4242/record/0-1/51"


def test_likeliest_first() -> None:
    coords = ObjectCoordinates(1, "0-2", 1)
    ordered = sort_by_likelihood(
        [
            CallerMatch("COMPANY", coords),
            CallerMatch("DEAL", coords),
            CallerMatch("CONTACT", coords),
        ]
    )
    assert [m.kind for m in ordered] == ["CONTACT", "COMPANY", "DEAL"]


def test_call_duration_and_start() -> None:
    t0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    call = Call(
        ringing_at=t0, answered_at=t0 + timedelta(seconds=4), ended_at=t0 + timedelta(seconds=34.6)
    )
    assert call.duration == 31
    assert call.start_time == t0
    assert Call().duration is None
    with pytest.raises(ValueError, match="timezone-aware"):
        ensure_utc(datetime(2026, 1, 1))


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(region="DE", user_id=7, recipient_user_ids=[1, 2], own_number="+4930123456")
    save_settings(settings, path)
    loaded, warnings = load_settings(path)
    assert warnings == []
    assert loaded == settings


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2]", b"null", b'"text"'],
)
def test_broken_settings_file_is_kept_aside_and_defaults_used(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded, warnings = load_settings(path)
    assert loaded == Settings()
    assert len(warnings) == 1
    backups = list(tmp_path.glob("settings.json.broken-*"))
    assert [b.read_bytes() for b in backups] == [content]


def test_bad_values_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "region": "XX",
                "user_id": "12",
                "recipient_user_ids": [1, True],
                "webhook_port": 70000,
                "api_version": "v9",
                "api_base": "ftp://x",
                "popup_enabled": 1,
                "own_number": "+4930123456",
                "mystery": 1,
                "rate_limit_per_10s": 0,
            }
        )
    )
    loaded, warnings = load_settings(path)
    assert loaded == Settings(own_number="+4930123456")
    assert len(warnings) == 9


def test_invalid_settings_are_not_saved(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="region"):
        save_settings(Settings(region="Germany"), tmp_path / "s.json")
    assert not (tmp_path / "s.json").exists()
