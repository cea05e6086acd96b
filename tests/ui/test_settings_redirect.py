"""Settings, HubSpot page: the sign-in port and the exact redirect URL to register in the
HubSpot app, with a Copy button; the sign-in uses the port the page shows."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.settings import Settings
from hubcall_desktop.sandbox.server import SandboxServer
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.widgets.hubspot_page import HubSpotPage
from tests.oauth_redirect import register_port

from .ui_helpers import WAIT_MS, run


def test_the_page_shows_the_url_to_register_and_copies_it(qtbot: QtBot) -> None:
    page = HubSpotPage()
    qtbot.addWidget(page)
    page.load(Settings(oauth_redirect_port=50123))
    assert page.redirect_port.value() == 50123
    assert page.redirect_url.text() == "http://localhost:50123/oauth-callback"
    assert page.redirect_url.isReadOnly()
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("something else")
    qtbot.mouseClick(page.copy_redirect, Qt.MouseButton.LeftButton)
    assert clipboard.text() == "http://localhost:50123/oauth-callback"

    page.redirect_port.setValue(50200)
    assert page.redirect_url.text() == "http://localhost:50200/oauth-callback"
    saved = Settings()
    page.collect_into(saved)
    assert saved.oauth_redirect_port == 50200


def test_the_default_is_shown_for_a_new_install(qtbot: QtBot) -> None:
    page = HubSpotPage()
    qtbot.addWidget(page)
    page.load(Settings())
    assert page.redirect_url.text() == "http://localhost:47832/oauth-callback"
    # Only ports a user may listen on without privileges can be chosen.
    assert (page.redirect_port.minimum(), page.redirect_port.maximum()) == (1024, 65535)


def test_connecting_uses_the_port_the_page_shows(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    oauth_app: AppController,
    sandbox: SandboxServer,
    browser_urls: list[str],
) -> None:
    port = run(qtbot, qloop, register_port(sandbox.base_url))  # registered, not yet saved
    page = oauth_app.dialogs.open_settings().hubspot
    page.redirect_port.setValue(port)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Connected" in page.state.text(), timeout=WAIT_MS)
    redirect = parse_qs(urlsplit(browser_urls[0]).query)["redirect_uri"]
    assert redirect == [page.redirect_url.text()] == [f"http://localhost:{port}/oauth-callback"]
