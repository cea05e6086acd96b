"""Outside text is never markup: what the webhook, HubSpot or the journal says is shown as
text in the pop-up, the call dialog, the main window and the tray, and cannot make the
always-on-top pop-up grow (an ``<img height=2000>`` caller number once made it 2,135 px).

The sweep walks every QLabel and every tooltip of a window after hostile data went in:
wherever hostile text shows, the label is plain text and the tooltip shows it verbatim.
"""

from __future__ import annotations

import asyncio

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import Call, CallSource
from hubcall_desktop.core.desk_types import DeskStatus, TokenState
from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.webhook import EVENTS_PATH, WebhookServer
from hubcall_desktop.ui.desktop.app_actions import AppActions
from hubcall_desktop.ui.desktop.notifications import _body_for_system
from hubcall_desktop.ui.desktop.tray import Tray, TrayState
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.call_dialog import CallDialog
from hubcall_desktop.ui.windows.popup import POPUP_WIDTH, CallPopup

from .ui_helpers import WAIT_MS, run, tooltip_text

# As reproduced: an entity, a SIP URI in angle brackets, tags, and an image that, read as
# HTML, is 2,000 px tall. Each is within the webhook's 128-character limit for a number.
HOSTILE_NUMBER = '&lt;<sip:204@pbx> <b>X</b><img src="x" width="300" height="2000">'
HOSTILE = '<h1>Big</h1><img src="y" height="2000"> &amp; <a href="https://evil">click</a>'
MAX_POPUP_HEIGHT = 600  # the tallest pop-up the app itself draws is well below this
SECRET = Secret("outside-text-secret-0123456789abcdefghijklmnopq")


def _hostile_match() -> CallerMatch:
    return CallerMatch(
        kind="CONTACT",
        coordinates=ObjectCoordinates(object_id=1, object_type_id="0-1", portal_id=2),
        first_name=HOSTILE,
        last_name="<i>Doe</i>",
        email=f"{HOSTILE}@example.com",
    )


def _hostile_call() -> Call:
    return Call(raw_from=HOSTILE_NUMBER, source=CallSource.WEBHOOK, matches=[_hostile_match()])


def _assert_shown_as_text(root: QWidget, *texts: str) -> None:
    """Every label showing one of ``texts`` is plain text (and at least one shows each);
    every tooltip holding one shows it verbatim."""
    labels = root.findChildren(QLabel)
    for text in texts:
        showing = [label for label in labels if text in label.text()]
        assert showing, f"no label shows {text!r}"
        for label in showing:
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName() or label
    for widget in [root, *root.findChildren(QWidget)]:
        for text in texts:  # a tooltip made from plain text holds it escaped, never raw
            assert text not in widget.toolTip(), f"{widget!r}: a tooltip Qt reads as markup"


def test_a_hostile_number_through_the_webhook_shows_as_text_in_a_pop_up_of_normal_size(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    assert controller.desk is not None
    server = WebhookServer(controller.desk.handle_event, SECRET, port=0)
    run(qtbot, qloop, server.start())

    async def ring() -> httpx.Response:
        async with httpx.AsyncClient(base_url=server.url) as http:
            return await http.post(
                EVENTS_PATH,
                json={"event": "ringing", "from": HOSTILE_NUMBER},
                headers={"Authorization": f"Bearer {SECRET.reveal()}"},
            )

    try:
        answer = run(qtbot, qloop, ring())
    finally:
        run(qtbot, qloop, server.stop())
    assert answer.status_code == 202, answer.text
    call_id = answer.json()["call_id"]
    qtbot.waitUntil(lambda: controller.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = controller.popups.popup(call_id)
    assert popup is not None
    assert popup.number.text() == HOSTILE_NUMBER  # what the softphone sent, as it sent it
    _assert_shown_as_text(popup, HOSTILE_NUMBER)
    assert popup.height() <= MAX_POPUP_HEIGHT, popup.size()
    assert popup.width() <= POPUP_WIDTH + 2, popup.size()

    call = popup.call
    dialog = controller.dialogs.open_call(call)
    _assert_shown_as_text(dialog, HOSTILE_NUMBER)
    qtbot.waitUntil(lambda: HOSTILE_NUMBER in controller.window.current_label.text())
    _assert_shown_as_text(controller.window, HOSTILE_NUMBER)


def test_hostile_names_emails_errors_and_domains_in_the_pop_up(qtbot: QtBot) -> None:
    popup = CallPopup(_hostile_call(), "DE", f"app.hubspot.com/{HOSTILE}")
    qtbot.addWidget(popup)
    popup.show_matches([_hostile_match(), _hostile_match()], fresh=False)
    popup.show_lookup_failed(HOSTILE)
    popup.show()
    _assert_shown_as_text(popup, HOSTILE_NUMBER, HOSTILE, "<i>Doe</i>")
    assert popup.height() <= MAX_POPUP_HEIGHT, popup.size()
    button = popup.matches.buttons[0]
    assert HOSTILE in tooltip_text(button)  # the record link, as text

    popup.show_matches([], fresh=False)
    popup.show_error(HOSTILE)  # HubSpot refused the log: its words
    assert popup.info.text() == HOSTILE
    assert popup.info.textFormat() == Qt.TextFormat.PlainText


def test_hubspot_error_text_in_the_call_dialog(qtbot: QtBot) -> None:
    dialog = CallDialog(_hostile_call(), "DE", "app.hubspot.com")
    qtbot.addWidget(dialog)
    dialog.show_call(_hostile_call(), HOSTILE)
    dialog.show()
    _assert_shown_as_text(dialog, HOSTILE_NUMBER, HOSTILE)
    assert dialog.windowTitle().endswith(HOSTILE_NUMBER)  # titles are always text
    dialog.show_error(HOSTILE)
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText


def test_the_main_window_status_and_its_tooltips(qtbot: QtBot, controller: AppController) -> None:
    window = controller.window
    window.set_status(
        DeskStatus(token=TokenState.REFUSED, reachable=False, sources=(HOSTILE,), message=HOSTILE)
    )
    window.show_current_call(_hostile_call(), "DE")
    _assert_shown_as_text(window, HOSTILE_NUMBER, HOSTILE)
    assert tooltip_text(window.token_label) == HOSTILE
    assert tooltip_text(window.hubspot_label) == HOSTILE


def test_the_tray_tooltip_names_a_hostile_caller_as_text(qtbot: QtBot) -> None:
    tray = Tray(AppActions(), lambda: [_hostile_call()], lambda: "DE")
    tray.set_state(TrayState.RINGING, HOSTILE)
    shown = tooltip_text_of(tray.icon.toolTip())
    assert shown == f"HubCall Desktop: Ringing\n{HOSTILE}"
    assert tray.tooltip() == shown


def tooltip_text_of(tip: str) -> str:
    holder = QWidget()
    holder.setToolTip(tip)
    return tooltip_text(holder)


def test_system_notifications_carry_the_caller_as_text_not_markup() -> None:
    # freedesktop servers read the body as markup (dunst's default is full markup).
    assert _body_for_system(HOSTILE_NUMBER) == (
        '&amp;lt;&lt;sip:204@pbx&gt; &lt;b&gt;X&lt;/b&gt;&lt;img src="x" width="300" '
        'height="2000"&gt;'
    )


def test_hubspot_words_in_the_settings(qtbot: QtBot, controller: AppController) -> None:
    dialog = controller.dialogs.open_settings(hubspot_tab=True)
    page = dialog.hubspot
    page.show_portal(12345, HOSTILE)  # the domain as HubSpot's account details gave it
    page.show_token_state(HOSTILE, ok=False)
    page.show_scope_warning(f"{HOSTILE} (scope)")
    dialog.show_error(f"{HOSTILE} (error)")
    _assert_shown_as_text(dialog, HOSTILE, f"{HOSTILE} (scope)", f"{HOSTILE} (error)")
    dialog.close()
