"""The hook-ups offered to copy are titled in the UI language (sources/connect.py names
them in English)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.connect import templates
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.widgets.softphone_page import SoftphonePage


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "de")
    yield
    install_translations(qapp, "en")


def test_every_hook_up_is_titled_in_german(qtbot: QtBot, german: None) -> None:
    page = SoftphonePage()
    qtbot.addWidget(page)
    offered = templates("http://127.0.0.1:47831", Secret("never-shown-secret"))
    page.set_templates([(t.title, t.text) for t in offered])
    layout = page._copy_layout
    titles = []
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        assert isinstance(label, QLabel)
        titles.append(label.text())
    assert titles == [
        "Klingeln (URL)",
        "Angenommen (URL)",
        "Beendet (URL)",
        "Klingeln (Befehl)",
        "Angenommen (Befehl)",
        "Beendet (Befehl)",
        "curl",
    ]
    assert page.copy_buttons[0].accessibleName() == "Klingeln (URL) kopieren"
