"""Help → Open log folder opens the folder the log and crash files are written to, and a
sentence that says "the log has the details" says where that is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from hubcall_desktop.services.log_files import log_folder
from hubcall_desktop.ui.presenters.controller import AppController

from .ui_helpers import WAIT_MS


class FileManager(QObject):
    """Stands in for the desktop's file manager: Qt hands it every file: URL it opens."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def file_manager() -> Iterator[FileManager]:
    handler = FileManager()
    QDesktopServices.setUrlHandler("file", handler, "open")
    try:
        yield handler
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_help_open_log_folder_opens_the_log_folder(
    data_dir: Path, file_manager: FileManager, controller: AppController
) -> None:
    window = controller.window  # the window asks; the app knows the folder and makes it
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert "&Help" in menus
    actions = {a.text(): a for a in menus["&Help"].actions()}
    actions["Open &log folder"].trigger()
    folder = data_dir.resolve() / "logs"
    assert file_manager.opened == [QUrl.fromLocalFile(str(folder))]
    assert folder.is_dir()  # made if nothing was logged yet, so the file manager shows it


def test_an_unexpected_sign_in_failure_names_the_log_folder(
    qtbot: QtBot, oauth_app: AppController
) -> None:
    async def broken(url: str) -> None:
        raise RuntimeError("no display")

    oauth_app.dialogs.settings.open_browser = broken
    page = oauth_app.dialogs.open_settings().hubspot
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "unexpectedly" in page.oauth_message.text(), timeout=WAIT_MS)
    text = page.oauth_message.text()
    assert str(log_folder()) in text  # HUBCALL_DATA_DIR's logs/ here
    assert "Help → Open log folder" in text
