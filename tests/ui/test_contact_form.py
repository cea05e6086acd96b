""" "Create contact": the form checks as the agent types, shows a duplicate with a link to
the existing contact, and, in the whole app against the demo sandbox, an unknown caller's
pop-up and call window offer it and show the new contact once HubSpot created it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.contacts import ContactOutcome, ContactWrite, Result, WriteState
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.matches import CONTACT_TYPE_ID, CallerMatch, ObjectCoordinates
from hubcall_desktop.sandbox.seed import DEMO_CALLERS, SANDBOX_PORTAL_ID, UNKNOWN_CALLER_NUMBER
from hubcall_desktop.services.demo import ring
from hubcall_desktop.ui.presenters.controller import AppController
from hubcall_desktop.ui.windows.contact_form import ContactForm
from hubcall_desktop.ui.windows.popup import CallPopup

from .ui_helpers import WAIT_MS, run

UNKNOWN = 2  # DEMO_CALLERS: valid number, not in the CRM
DOMAIN = "app-eu1.hubspot.com"


def make_form(qtbot: QtBot, number: str = UNKNOWN_CALLER_NUMBER) -> ContactForm:
    form = ContactForm(number, "DE", DOMAIN)
    qtbot.addWidget(form)
    return form


def write(state: WriteState, contact_id: int | None = None) -> ContactWrite:
    now = datetime(2026, 11, 24, tzinfo=UTC)
    return ContactWrite(1, None, None, {}, state, 1, now, contact_id, None)


def test_the_form_opens_on_the_first_name_with_the_number_filled_in(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.show()
    qtbot.waitExposed(form)
    assert form.focusWidget() is form.first_name
    assert form.phone.text() == UNKNOWN_CALLER_NUMBER
    assert form.phone.feedback.text().startswith("+16175550100")
    assert not form.create_button.isEnabled()  # a name or an e-mail first
    assert form.hint.isVisibleTo(form)
    assert form.hint.text() == "Enter a name or an e-mail address."


def test_create_is_enabled_only_while_nothing_is_wrong(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    qtbot.keyClicks(form.first_name, "Ada")
    assert form.create_button.isEnabled()
    assert not form.hint.isVisibleTo(form)

    qtbot.keyClicks(form.email, "ada@example")
    assert not form.create_button.isEnabled()
    assert form.email_problem.isVisibleTo(form)
    assert form.email_problem.text() == "Not an e-mail address (name@example.com)"
    assert form.email.accessibleDescription() == form.email_problem.text()
    qtbot.keyClicks(form.email, ".org")
    assert form.create_button.isEnabled()
    assert not form.email_problem.isVisibleTo(form)

    form.phone.set_text("12")
    assert not form.create_button.isEnabled()
    form.phone.set_text("")  # a contact without a number is allowed
    assert form.create_button.isEnabled()


def test_create_sends_the_draft_once_and_waits(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    qtbot.keyClicks(form.last_name, "Byron")
    with qtbot.waitSignal(form.submitted) as sent:
        qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    assert sent.args is not None
    assert sent.args[0].last_name == "Byron"
    assert sent.args[0].phone == UNKNOWN_CALLER_NUMBER
    assert not form.create_button.isEnabled()
    assert form.status.text() == "Creating the contact in HubSpot…"


def test_a_duplicate_is_shown_with_a_link_to_the_existing_contact(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.show()
    qtbot.keyClicks(form.email, "anna.schmidt@example.com")
    existing = CallerMatch(
        "CONTACT", ObjectCoordinates(51_200_000_101, CONTACT_TYPE_ID, SANDBOX_PORTAL_ID)
    )
    form.show_outcome(ContactOutcome(Result.DUPLICATE, write(WriteState.DUPLICATE), existing))

    assert form.status.text() == "HubSpot already has a contact with this e-mail address."
    assert not form.create_button.isEnabled()  # the same e-mail would conflict again
    assert form.open_existing.isVisible()
    assert form.open_existing.text().replace("&", "") == "Open the existing contact"
    with qtbot.waitSignal(form.open_requested) as opened:
        qtbot.mouseClick(form.open_existing, Qt.MouseButton.LeftButton)
    assert opened.args == [f"https://{DOMAIN}/contacts/{SANDBOX_PORTAL_ID}/record/0-1/51200000101"]
    qtbot.keyClicks(form.email, "x")  # editing again: the old verdict goes
    assert not form.open_existing.isVisible()


def test_a_duplicate_without_an_email_does_not_blame_one(qtbot: QtBot) -> None:
    """HubSpot keeps e-mail addresses unique; a portal may keep another property (the
    number) unique too, and its 409 is shown as a duplicate all the same."""
    form = make_form(qtbot)
    form.show()
    qtbot.keyClicks(form.first_name, "Ada")
    existing = CallerMatch("CONTACT", ObjectCoordinates(7, CONTACT_TYPE_ID, SANDBOX_PORTAL_ID))
    form.show_outcome(ContactOutcome(Result.DUPLICATE, write(WriteState.DUPLICATE), existing))
    assert form.status.text() == "HubSpot already has a contact with these details."
    assert form.open_existing.isVisible()


def test_queued_and_refused_say_so(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    qtbot.keyClicks(form.first_name, "Ada")
    form.show_outcome(ContactOutcome(Result.QUEUED, write(WriteState.PENDING)))
    assert form.status.text().startswith("Saved. HubCall Desktop creates the contact")
    assert form.cancel_button.text() == "Close"
    refused = UserError("HubSpot rejected the request (400).")
    form.show_outcome(ContactOutcome(Result.FAILED, write(WriteState.FAILED), error=refused))
    assert form.status.text() == (
        "The contact was not created. HubSpot rejected the request (400)."
    )
    assert form.create_button.isEnabled()  # to correct and try again


# -- in the whole app ---------------------------------------------------------------------


def _ring_unknown(qtbot: QtBot, loop: asyncio.AbstractEventLoop, app: AppController) -> CallPopup:
    assert app.desk is not None
    call_id = run(qtbot, loop, ring(app.desk, DEMO_CALLERS[UNKNOWN]))
    qtbot.waitUntil(lambda: app.popups.popup(call_id) is not None, timeout=WAIT_MS)
    popup = app.popups.popup(call_id)
    assert popup is not None
    return popup


def test_an_unknown_callers_popup_creates_the_contact_and_shows_it(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring_unknown(qtbot, qloop, controller)
    qtbot.waitUntil(popup.create_contact_button.isVisible, timeout=WAIT_MS)
    assert popup.matches.buttons == []

    qtbot.mouseClick(popup.create_contact_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.call_id in controller.contact_actions.forms, timeout=WAIT_MS)
    form = controller.contact_actions.forms[popup.call_id]
    assert form.phone.text() == "+1 617-555-0100"
    assert form.phone.feedback.text().startswith(UNKNOWN_CALLER_NUMBER)
    qtbot.keyClicks(form.first_name, "Ada")
    qtbot.keyClicks(form.last_name, "Byron")
    qtbot.keyClicks(form.email, "ada@example.org")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(popup.matches.buttons) == 1, timeout=WAIT_MS)
    assert not form.isVisible()
    assert "Ada Byron" in popup.matches.buttons[0].accessibleName()
    assert popup.matches.urls[0].startswith(
        f"https://{DOMAIN}/contacts/{SANDBOX_PORTAL_ID}/record/0-1/"
    )
    assert not popup.create_contact_button.isVisible()
    assert popup.info.text() == ""  # no "Unknown caller" any more
    # The journal's last match for the number, and HubSpot, know the contact now.
    assert controller.desk is not None
    last = run(qtbot, qloop, controller.desk.journal.last_matches_for(UNKNOWN_CALLER_NUMBER))
    assert [m.display_name for m in last] == ["Ada Byron"]
    again = _ring_unknown(qtbot, qloop, controller)
    qtbot.waitUntil(lambda: again.info.text() == "", timeout=WAIT_MS)  # HubSpot answered
    assert [b.accessibleName() for b in again.matches.buttons] == ["Open Ada Byron in HubSpot"]
    assert not again.create_contact_button.isVisible()


def test_the_call_window_offers_it_for_a_call_without_matches(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring_unknown(qtbot, qloop, controller)
    qtbot.waitUntil(popup.create_contact_button.isVisible, timeout=WAIT_MS)
    dialog = controller.dialogs.open_call(popup.call)
    qtbot.waitUntil(dialog.create_contact_button.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.create_contact_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.call_id in controller.contact_actions.forms, timeout=WAIT_MS)
    form = controller.contact_actions.forms[popup.call_id]
    qtbot.keyClicks(form.email, "grace@example.org")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.matches.buttons) == 1, timeout=WAIT_MS)
    assert "grace@example.org" in dialog.matches.buttons[0].accessibleName()
    assert not dialog.create_contact_button.isVisible()


def test_the_history_shows_the_new_contact(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: AppController
) -> None:
    popup = _ring_unknown(qtbot, qloop, controller)
    qtbot.waitUntil(popup.create_contact_button.isVisible, timeout=WAIT_MS)
    form = controller.contact_actions.open_form(popup.call)
    qtbot.keyClicks(form.first_name, "Grace")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    model = controller.model

    def shown() -> bool:
        row = model.row_of(popup.call_id)
        if row is None:
            return False
        texts = [str(model.index(row, c).data()) for c in range(model.columnCount())]
        return any("Grace" in text for text in texts)

    qtbot.waitUntil(shown, timeout=WAIT_MS)
