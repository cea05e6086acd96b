"""Screenshots of every window in English and German (plus 200 % and a dark theme), written to
resources/screenshots/ for the README and for looking at: clipped text and overlaps show
there first. Rendered offscreen with a fixed time zone, so the files change only when the
windows do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "screenshots"
SCREENS = (
    "popup-matched",
    "popup-unknown",
    "popup-ended",
    "main-window",
    "main-window-reconnect",
    "log-form",
    "settings",
    "missed-calls",
    "setup-guide",
)
RUNS: dict[str, tuple[list[str], dict[str, str]]] = {
    "en": (["--lang", "en"], {}),
    "de": (["--lang", "de"], {}),
    "en-200": (
        ["--lang", "en", "--suffix=-en-200", "--only", "popup-ended", "main-window"],
        {"QT_SCALE_FACTOR": "2"},
    ),
    "en-dark": (
        ["--lang", "en", "--dark", "--suffix=-en-dark", "--only", "popup-ended", "main-window"],
        {},
    ),
}


@pytest.fixture(scope="module")
def rendered() -> Path:
    for args, extra in RUNS.values():
        env = {k: v for k, v in os.environ.items() if k != "QT_SCALE_FACTOR"}
        env.update(
            {"QT_QPA_PLATFORM": "offscreen", "TZ": "Europe/Berlin", "LANG": "C.UTF-8", **extra}
        )
        done = subprocess.run(
            [sys.executable, "-m", "hubcall_desktop.ui.tools.screenshots", str(OUT), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    return OUT


def _image(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), path
    return image


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("screen", SCREENS)
def test_every_window_is_rendered(rendered: Path, screen: str, language: str) -> None:
    image = _image(rendered / f"{screen}-{language}.png")
    assert image.width() >= 300 and image.height() >= 100


@pytest.mark.parametrize("screen", SCREENS)
def test_german_is_not_english(rendered: Path, screen: str) -> None:
    assert _image(rendered / f"{screen}-en.png") != _image(rendered / f"{screen}-de.png")


def test_200_percent_is_twice_the_size(rendered: Path) -> None:
    normal = _image(rendered / "popup-ended-en.png")
    double = _image(rendered / "popup-ended-en-200.png")
    assert double.width() == 2 * normal.width()
    assert abs(double.height() - 2 * normal.height()) <= 8  # text metrics round per scale


def test_dark_theme_is_dark(rendered: Path) -> None:
    image = _image(rendered / "main-window-en-dark.png")
    background = image.pixelColor(image.width() // 2, image.height() - 5)
    assert background.lightness() < 80
