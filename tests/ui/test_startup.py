"""Start-up: options from the command line, the settings read before the first paint,
whether a display exists, and what is (not) loaded before the window is painted."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.errors import InputError
from hubcall_desktop.ui.startup.app import has_display
from hubcall_desktop.ui.startup.early_settings import EarlySettings, early_settings
from hubcall_desktop.ui.startup.first_paint import show_and_paint
from hubcall_desktop.ui.startup.options import AppOptions


def _args(**values: object) -> argparse.Namespace:
    defaults: dict[str, object] = {
        "demo": False,
        "data_dir": None,
        "region": None,
        "api_base": None,
        "api_version": None,
    }
    defaults.update(values)
    return argparse.Namespace(**defaults)


def test_options_from_the_command_line_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBCALL_API_BASE", "http://127.0.0.1:8765")
    monkeypatch.delenv("HUBCALL_REGION", raising=False)
    options = AppOptions.from_args(_args(demo=True, region="de", baresip=["127.0.0.1:4444"]))
    assert options.demo and options.region == "DE"
    assert options.api_base == "http://127.0.0.1:8765"
    assert options.baresip == ("127.0.0.1:4444",)
    assert AppOptions.from_args(argparse.Namespace()).region is None  # attributes may be missing


def test_a_bad_region_is_refused_by_name() -> None:
    with pytest.raises(InputError) as caught:
        AppOptions.from_args(_args(region="XX"))
    assert caught.value.field == "--region"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, EarlySettings()),
        (
            '{"language": "de", "start_minimised": true, "region": "gb"}',
            EarlySettings("de", True, "GB"),
        ),
        ('{"language": 5, "start_minimised": "yes", "region": "GBR"}', EarlySettings()),
        ("[1, 2]", EarlySettings()),
        ("{not json", EarlySettings()),
        (b"\xff\xfe broken", EarlySettings()),
    ],
)
def test_early_settings_never_fail(
    tmp_path: Path, content: str | bytes | None, expected: EarlySettings
) -> None:
    path = tmp_path / "settings.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    assert early_settings(path) == expected


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":1"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({}, "win32", True),
        ({}, "darwin", True),
    ],
)
def test_display_detection(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert has_display(environ, platform) is expected


def test_show_and_paint_returns_once_painted(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    show_and_paint(widget)
    assert widget.isVisible()


def test_nothing_slow_is_loaded_before_the_first_paint() -> None:
    """The modules the window needs before its first paint bring no asyncio, no phone-number
    library, no HTTP, keyring, D-Bus or journal code with them."""
    probe = (
        "import sys\n"
        "import hubcall_desktop.ui.startup.app, hubcall_desktop.ui.startup.first_paint, hubcall_desktop.ui.text.i18n\n"
        "import hubcall_desktop.ui.models.history_columns, hubcall_desktop.ui.windows.main_window\n"
        "import hubcall_desktop.ui.startup.single_instance, hubcall_desktop.services.demo_dir\n"
        "import hubcall_desktop.cli.main, hubcall_desktop.ui.startup.instance_claim\n"
        "slow = ['asyncio', 'phonenumbers', 'httpx', 'aiohttp', 'keyring', 'jeepney', 'dbus_fast',\n"
        "        'sqlite3', 'PySide6.QtNetwork', 'hubcall_desktop.core.call',\n"
        "        'hubcall_desktop.ui.models.history_model',  # attached after the paint\n"
        "        'hubcall_desktop.ui.text.messages', 'hubcall_desktop.core.desk_types', 'hashlib']\n"
        "print([m for m in slow if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
