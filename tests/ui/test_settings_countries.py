"""The country chooser names countries in the UI language and sorts them as it does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.windows.settings_dialog import SettingsDialog


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "de")
    yield
    install_translations(qapp, "en")


def _names(qtbot: QtBot) -> dict[str, str]:
    dialog = SettingsDialog(demo_settings("DE"), autostart_supported=True)
    qtbot.addWidget(dialog)
    box = dialog.region
    return {str(box.itemData(i)): box.itemText(i) for i in range(box.count())}


def test_country_names_are_german_in_the_german_ui(qtbot: QtBot, german: None) -> None:
    names = _names(qtbot)
    assert names["DE"] == "Deutschland (DE)"
    assert names["US"] == "Vereinigte Staaten von Amerika (US)"
    assert names["CH"] == "Schweiz (CH)"
    order = list(names.values())
    # German order: Ägypten among the A's, before Albanien; Österreich among the O's.
    assert order.index("Ägypten (EG)") < order.index("Albanien (AL)")
    assert order.index("Oman (OM)") < order.index("Österreich (AT)") < order.index("Pakistan (PK)")


def test_country_names_are_english_in_the_english_ui(qtbot: QtBot) -> None:
    names = _names(qtbot)
    assert names["DE"] == "Germany (DE)"
    assert len(names) > 240 and all(name.strip() for name in names.values())
