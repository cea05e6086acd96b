"""The "Create contact" action of a pop-up or a call window: opens the form, hands the
draft to the Qt-free :class:`~hubcall_desktop.services.contact_create.ContactCreator` in the
background, and shows what came of it: the new contact in the pop-up and the call window
(name and "Open in HubSpot"), or the form's sentence (a duplicate with a link to the
existing contact, queued, refused).

Contacts journaled but not yet sent (offline, a crash) go out from the background loop
started once the desk is running; that loop also puts back what a crash left ``sending``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.contacts import ContactDraft, Result
from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.services.contact_create import ContactCreator
from hubcall_desktop.ui import tasks
from hubcall_desktop.ui.windows.contact_form import ContactForm

if TYPE_CHECKING:
    from hubcall_desktop.ui.presenters.context import AppContext

logger = logging.getLogger(__name__)

_HOOKED = "hubcallContactHooked"  # a pop-up whose button is connected already


class ContactActions:
    def __init__(self, context: AppContext) -> None:
        self._ctx = context
        self._creator: ContactCreator | None = None
        self.forms: dict[str, ContactForm] = {}  # call id -> its open form
        context.popups.opened.connect(self._hook_popup)
        context.ready.connect(self._start)

    def creator(self) -> ContactCreator | None:
        desk = self._ctx.desk
        if desk is None:
            return None
        if self._creator is None:
            self._creator = desk.contact_creator()
        return self._creator

    def _start(self) -> None:
        creator = self.creator()
        if creator is not None:
            tasks.start(creator.run_forever(), "contacts waiting to be created")

    def _hook_popup(self, call_id: str) -> None:
        popup = self._ctx.popups.popup(call_id)
        if popup is not None and not popup.property(_HOOKED):
            popup.setProperty(_HOOKED, True)
            popup.create_contact_requested.connect(self.open_for_call_id)

    def open_for_call_id(self, call_id: str) -> None:
        tasks.start(self._open(call_id), "open contact form")

    async def _open(self, call_id: str) -> None:
        call = await self._call(call_id)
        if call is not None:
            self.open_form(call)

    def open_form(self, call: Call) -> ContactForm:
        call_id = call.external_call_id
        form = self.forms.get(call_id)
        if form is None:
            number = call.raw_from
            if call.from_number is not None:  # as the agent reads numbers; sent as E.164
                number = call.from_number.for_humans(self._ctx.region)
            form = ContactForm(number, self._ctx.region, self._ctx.settings.ui_domain)
            form.submitted.connect(lambda draft, c=call: self._on_submitted(c, draft))
            form.open_requested.connect(self._ctx.open_url)
            form.finished.connect(lambda _result, i=call_id: self.forms.pop(i, None))
            self.forms[call_id] = form
        form.show()
        form.raise_()
        form.activateWindow()
        return form

    def _on_submitted(self, call: Call, draft: ContactDraft) -> None:
        tasks.start(self._create(call, draft), "create contact")

    async def _create(self, call: Call, draft: ContactDraft) -> None:
        form = self.forms.get(call.external_call_id)
        creator = self.creator()
        if creator is None:
            return
        try:
            outcome = await creator.create(
                draft, self._ctx.region, external_call_id=call.external_call_id, portal=call.portal
            )
        except UserError as error:  # the journal refused it: nothing was saved
            if form is not None:
                form.show_error(error.user_message)
            return
        if form is not None:
            form.show_outcome(outcome)
        if outcome.result is Result.CREATED and outcome.match is not None:
            await self._show_contact(call.external_call_id)

    async def _show_contact(self, call_id: str) -> None:
        """Told like HubSpot's answer to a lookup: the pop-up, the call window, the history
        and the tray show the call's matches, the new contact first."""
        call = await self._call(call_id)
        if call is not None:
            self._ctx.signals.on_update(
                DeskUpdate(UpdateKind.MATCHES, call, tuple(call.matches), fresh=True)
            )

    async def _call(self, call_id: str) -> Call | None:
        desk = self._ctx.desk
        if desk is None:
            return None
        return await desk.get_call(call_id)
