"""Languages: English and German shipped, the system locale followed, the setting obeyed, and
the translation files in step with the code."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import SyncState
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.ui.desktop.assets import translations_dir
from hubcall_desktop.ui.text.i18n import (
    choose_language,
    install_translations,
    status_label,
    sync_label,
)
from hubcall_desktop.ui.windows.popup import CallPopup

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("de", "en_US", "de"),
        ("en", "de_DE", "en"),
        ("", "de_AT", "de"),
        ("", "fr_FR", "en"),
        ("xx", "de_CH", "de"),
    ],
)
def test_language_follows_the_setting_then_the_system(
    setting: str, system: str, expected: str
) -> None:
    assert choose_language(setting, QLocale(system)) == expected


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "de")
    yield
    install_translations(qapp, "en")


def test_german_labels_and_windows(qtbot: QtBot, german: None) -> None:
    assert status_label(CallStatus.COMPLETED) == "Abgeschlossen"
    assert status_label(CallStatus.NO_ANSWER) == "Keine Antwort"
    assert sync_label(SyncState.FAILED) == "Fehlgeschlagen"
    from hubcall_desktop.core.call import Call

    popup = CallPopup(Call(raw_from="anonymous", number_withheld=True), "DE", "app.hubspot.com")
    qtbot.addWidget(popup)
    assert popup.log_button.text() == "&Protokollieren"
    assert popup.number.text() == "Rufnummer unterdrückt"
    assert QApplication.translate("MainWindow", "%n call(s)", "", 3) == "3 Anrufe"


def test_english_plurals(qapp: QApplication) -> None:
    assert QApplication.translate("MainWindow", "%n call(s)", "", 1) == "1 call"
    assert QApplication.translate("MainWindow", "%n call(s)", "", 2) == "2 calls"


def _messages(path: Path) -> list[ET.Element]:
    return [m for m in ET.parse(path).getroot().iter("message")]


def test_every_german_string_is_translated() -> None:
    unfinished = []
    for message in _messages(translations_dir() / "hubcall_de.ts"):
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        texts = [translation.text or ""] + [f.text or "" for f in translation.iter("numerusform")]
        if translation.get("type") == "unfinished" or not any(texts):
            unfinished.append(message.findtext("source"))
    assert unfinished == []


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None,
    reason="needs pyside6-lupdate",
)
def test_translation_files_are_in_step_with_the_code(tmp_path: Path) -> None:
    """Every translatable string in the code is in the .ts files (run
    ``python packaging/translations.py update`` after changing UI text)."""
    copy = tmp_path / "hubcall_de.ts"
    shutil.copy(translations_dir() / "hubcall_de.ts", copy)
    sources = sorted(str(p) for p in (ROOT / "hubcall_desktop" / "ui").rglob("*.py"))
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate is not None
    done = subprocess.run(
        [lupdate, *sources, "-ts", str(copy)], capture_output=True, text=True, check=True
    )
    assert "(0 new and" in done.stdout, done.stdout
