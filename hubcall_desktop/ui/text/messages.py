"""The sentences of the Qt-free code (errors, status, sync failures) in the UI language.

``core``, ``hubspot``, ``secrets``, ``storage``, ``services`` and ``sources`` must not
import Qt, and the command line is English-only, so their sentences are English source
text. The UI passes what it shows through :func:`message_text`.

Every sentence is made from a ``core.messages.Template``: the :class:`Message` carries
its id and parameters, ``_BY_ID`` (and ``_INPUT_ERROR_IDS`` for the phone number's and
the form's problems, whose translations live in the InputError context) maps the id to
the translatable template, and each parameter is shown according to its kind
(``_SLOTS``): HubSpot's own words, paths, numbers and library details exactly as they
are; a nested Message, field name or action translated too. Plain text is shown as
written: nothing is ever read back out of a sentence.

``tests/ui/test_message_ids.py`` checks ``_BY_ID`` against the templates the code
declares; ``tests/ui/test_messages.py`` builds the real errors and scans every place
that raises one, so a new sentence without an entry here fails the tests.

Left out on purpose, because the app never shows them: the hand-off to the running app
(``sources/handoff.py``) and the outbox sender lock (command line only, which is
English), parsing of events and statuses (the softphone gets those as HTTP answers), the
demo's console output, the sign-in pages the browser shows (``secrets/oauth_flow.py``),
and the Windows registry missing on another system (it cannot happen outside tests).
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.messages import Message, fill

logger = logging.getLogger(__name__)

_CONTEXT = "Message"
_FIELD_CONTEXT = "MessageField"
_ACTION_CONTEXT = "MessageAction"
_INPUT_ERROR_CONTEXT = "InputError"
_MAX_DEPTH = 4  # a sentence inside a sentence inside ...: real ones nest twice at most


@dataclass(frozen=True, slots=True)
class _Slot:
    translate: str = ""  # "": kept as is; else "sentence", "field", "action", ...
    # Plain text in a sentence's place that is not one of ours: a library's words, shown
    # without their exception class.
    library_detail: bool = False


# What a %N of a template stands for.
_SLOTS: dict[str, _Slot] = {
    "keep": _Slot(),  # a path, a number, a library's detail
    "hubspot": _Slot(),  # HubSpot's own message
    "reply": _Slot("sentence", library_detail=True),  # baresip's words or our sentence
    "value": _Slot(),  # the value an InputError quotes
    "address": _Slot(),
    "id": _Slot(),  # HubSpot's correlation id
    "detail": _Slot("sentence", library_detail=True),  # our sentence or a library's detail
    "sentence": _Slot("sentence"),
    "head": _Slot("sentence"),  # our sentence before HubSpot's words
    "problem": _Slot("sentence"),  # an InputError's problem
    "field": _Slot("field"),
    "known_field": _Slot("field"),
    "action": _Slot("action"),
    # A library's error ("RuntimeError: no D-Bus session bus"): shown without the class.
    "library": _Slot("library"),
    # HubSpot's request field names ("fromNumber, durationSeconds"): shown as the agent's words.
    "api_fields": _Slot("api_fields"),
}

# Sentences made from a core.messages.Template: id -> (source text, the kind of each %N).
# The source text must equal the template's English (tests/ui/test_message_ids.py
# checks), so lupdate sees it here and German keeps its translation. An id's first part
# says where it is declared (journal, outbox, keyring, oauth, hubspot, webhook, baresip,
# autostart, connection; problem: an InputError's problem).
# fmt: off
_BY_ID: dict[str, tuple[object, str]] = {
    # services/desk_intake.py: a pop-up's lookup without the called number
    "desk.no_own_number": (QT_TRANSLATE_NOOP("Message", "HubSpot needs the number that was called: enter your own number in Settings (Calls), or let the softphone send it."), ""),
    # core/errors.py: InputError and InvalidSecretValue; the problems follow
    #: %1 is a field (MessageField), %2 the problem, %3 the value given
    "input.problem_got": (QT_TRANSLATE_NOOP("Message", "%1: %2 (got %3)"), "field problem value"),
    #: %1 is a field (MessageField), %2 the problem
    "input.problem": (QT_TRANSLATE_NOOP("Message", "%1: %2"), "known_field problem"),
    #: %1 is a file path, %2 a number of seconds
    "journal.locked": (QT_TRANSLATE_NOOP("Message", "The call journal %1 is in use by another program and stayed locked for %2 s. Close any other copy of HubCall Desktop (or the program holding the file) and try again."), "keep keep"),
    #: %1 is a file path
    "journal.cannot_open": (QT_TRANSLATE_NOOP("Message", "The call journal %1 cannot be opened. Check that its folder exists and that you may read and write there."), "keep"),
    #: %1 is a file path
    "journal.disk_full": (QT_TRANSLATE_NOOP("Message", "The disk holding the call journal %1 is full, so the last change was not saved. Free some space and try again."), "keep"),
    #: %1 is a file path
    "journal.read_only": (QT_TRANSLATE_NOOP("Message", "The call journal %1 is read-only. Allow writing to the file and its folder, then try again."), "keep"),
    #: %1 is a file path, %2 SQLite's error name
    "journal.disk_error": (QT_TRANSLATE_NOOP("Message", "The call journal %1 could not be read or written (disk error %2). Check the disk and try again."), "keep keep"),
    #: %1 is a file path, %2 SQLite's error
    "journal.damaged": (QT_TRANSLATE_NOOP("Message", "The call journal %1 is damaged or is not a HubCall Desktop journal (%2). It was left untouched: move it elsewhere (or restore a backup) and start HubCall Desktop again to begin a new journal."), "keep keep"),
    #: %1 is a file path
    "journal.in_the_way": (QT_TRANSLATE_NOOP("Message", "The call journal %1 cannot be created: a file or folder is in the way. Move it elsewhere or choose another data folder."), "keep"),
    #: %1 is a file path, %2 the system's error
    "journal.cannot_create": (QT_TRANSLATE_NOOP("Message", "The call journal %1 cannot be created (%2). Check that its folder exists and that you may write there."), "keep keep"),
    #: %1 is a file path, %2 the system's error
    "journal.cannot_check": (QT_TRANSLATE_NOOP("Message", "The call journal %1 cannot be checked (%2). Check that its folder is still there and readable."), "keep keep"),
    #: %1 is a file path, %2 the system's error
    "journal.not_written_back": (QT_TRANSLATE_NOOP("Message", "The call journal %1 was deleted while HubCall Desktop was running and cannot be written back (%2). Quit HubCall Desktop and check that its folder can be written."), "keep keep"),
    #: %1 is a file path
    "journal.foreign": (QT_TRANSLATE_NOOP("Message", "The file %1 is not a HubCall Desktop call journal (it holds another program's data). It was left untouched: move it elsewhere or choose another data folder."), "keep"),
    #: %1 is a file path, %2 and %3 are version numbers
    "journal.newer": (QT_TRANSLATE_NOOP("Message", "The call journal %1 was written by a newer version of HubCall Desktop (journal version %2; this version knows up to %3). It was left untouched: update HubCall Desktop, or start this version with another data folder."), "keep keep keep"),
    #: %1 is a file path, %2 the call's id and what is wrong with it
    "journal.unreadable_call": (QT_TRANSLATE_NOOP("Message", "The call journal %1 holds a call it cannot read (%2). The file was changed by another program."), "keep keep"),
    "outbox.already_logged": (QT_TRANSLATE_NOOP("Message", "This call is already logged in HubSpot; a call is logged once only."), ""),
    "outbox.already_queued": (QT_TRANSLATE_NOOP("Message", "This call is already waiting to be logged in HubSpot."), ""),
    "outbox.sender_busy": (QT_TRANSLATE_NOOP("Message", "HubCall Desktop (or another 'hubcall-desktop sync') is sending the outbox right now; it sends what is queued."), ""),
    #: %1 says why (a sentence of this list)
    "outbox.not_sendable": (QT_TRANSLATE_NOOP("Message", "This call cannot be logged in HubSpot: %1."), "detail"),
    "outbox.number_withheld": (QT_TRANSLATE_NOOP("Message", "the number is withheld"), ""),
    "outbox.number_missing": (QT_TRANSLATE_NOOP("Message", "a phone number is missing"), ""),
    #: %1 says why (a sentence of this list or the keyring library's words)
    "keyring.none": (QT_TRANSLATE_NOOP("Message", "No secure keyring is available to keep the HubSpot token (%1). Install and start a keyring service (GNOME Keyring, KWallet or KeePassXC with its Secret Service enabled on Linux; the system keychain on macOS and Windows) and try again, or set HUBCALL_ACCESS_TOKEN for this session."), "detail"),
    #: %1 is the error the keyring gave
    "keyring.locked": (QT_TRANSLATE_NOOP("Message", "The system keyring is locked or could not be opened (%1). Unlock it (log in to your desktop session, or open your password manager and unlock the login keyring), then try again."), "library"),
    #: %1 is an action of the MessageAction list, %2 the error the keyring gave
    "keyring.failed": (QT_TRANSLATE_NOOP("Message", "The system keyring could not %1 (%2). Check that your keyring service is running and unlocked, then try again."), "action detail"),
    #: %1 is an action of the MessageAction list, %2 a number of seconds
    "keyring.timed_out": (QT_TRANSLATE_NOOP("Message", "The system keyring did not %1 within %2 seconds. It may be waiting for you to unlock it: look for an unlock window, then try again."), "action keep"),
    #: %1 is the portal's key in quotes, e.g. 'default'
    "keyring.no_token": (QT_TRANSLATE_NOOP("Message", "No HubSpot access token is saved for portal %1. Save your private app's access token in the settings (or with the command line), or set HUBCALL_ACCESS_TOKEN."), "keep"),
    #: %1 is the portal's key in quotes, %2 says why (a sentence of this list)
    "oauth.reconnect": (QT_TRANSLATE_NOOP("Message", "HubSpot needs you to connect again for portal %1 (%2). Open the settings and press Connect (or run `hubcall-desktop auth login`); calls are kept in the outbox and sent once you are connected."), "keep detail"),
    "oauth.grant_gone": (QT_TRANSLATE_NOOP("Message", "HubSpot no longer accepts the connection"), ""),
    "oauth.no_refresh_saved": (QT_TRANSLATE_NOOP("Message", "no refresh token is saved"), ""),
    "oauth.no_refresh_sent": (QT_TRANSLATE_NOOP("Message", "HubSpot sent no refresh token"), ""),
    #: %1 is an action of the MessageAction list
    "oauth.unreachable": (QT_TRANSLATE_NOOP("Message", "Could not reach HubSpot to %1; check the network and try again."), "action"),
    "oauth.wrong_state": (QT_TRANSLATE_NOOP("Message", "The answer from the browser did not match this sign-in (wrong state), so it was refused. Start the connection again from the app."), ""),
    #: %1 is a number of seconds, %2 the redirect URL to register (http://localhost:PORT/oauth-callback)
    "oauth.login_timed_out": (QT_TRANSLATE_NOOP("Message", "No answer from the browser within %1 seconds. If HubSpot said the redirect URL is not allowed, add %2 to the HubSpot app's redirect URLs exactly as written. Then start the connection again and finish it in the browser window that opens."), "keep keep"),
    "oauth.no_client_id": (QT_TRANSLATE_NOOP("Message", "No OAuth client id is configured. Enter your HubSpot app's client id in the settings (or pass --client-id), or connect with a private-app token instead."), ""),
    #: %1 is a port number
    "oauth.port_in_use": (QT_TRANSLATE_NOOP("Message", "Port %1, where the browser returns after signing in to HubSpot, is used by another program. Close that program, or choose another sign-in port in the settings (HubSpot, Advanced) and add its redirect URL to your HubSpot app."), "keep"),
    "keyring.no_backend": (QT_TRANSLATE_NOOP("Message", "the keyring library found no usable backend"), ""),
    #: %1 is the name of a keyring backend
    "keyring.plaintext": (QT_TRANSLATE_NOOP("Message", "%1 keeps secrets in a file, which is refused"), "keep"),
    #: %1 is the name of a keyring backend, %2 the error it gave
    "keyring.not_usable": (QT_TRANSLATE_NOOP("Message", "%1 is not usable here: %2"), "keep library"),
    #: %1 is the name of a keyring backend
    "keyring.not_recommended": (QT_TRANSLATE_NOOP("Message", "%1 is not recommended by the keyring library"), "keep"),
    #: %1 is the error the keyring library gave
    "keyring.not_loaded": (QT_TRANSLATE_NOOP("Message", "the keyring library could not load it: %1"), "library"),
    #: %1 is a process exit code, or "none"
    "keyring.helper_ended": (QT_TRANSLATE_NOOP("Message", "the keyring helper process ended (exit code %1)"), "keep"),
    "keyring.helper_unreadable": (QT_TRANSLATE_NOOP("Message", "the keyring helper's answer cannot be read"), ""),
    #: %1 is the error's name, e.g. FileNotFoundError
    "keyring.helper_not_started": (QT_TRANSLATE_NOOP("Message", "the keyring helper process could not start: %1"), "library"),
    "keyring.helper_unknown": (QT_TRANSLATE_NOOP("Message", "the keyring helper was asked something it does not know"), ""),
    "token.empty": (QT_TRANSLATE_NOOP("Message", "is empty; paste the whole token"), ""),
    #: %1 is a number
    "token.too_long": (QT_TRANSLATE_NOOP("Message", "is longer than %1 characters, so it is not a token"), "keep"),
    "token.spaces": (QT_TRANSLATE_NOOP("Message", "contains spaces or line breaks; copy the token again without them"), ""),
    "token.characters": (QT_TRANSLATE_NOOP("Message", "contains control characters or characters a token cannot have"), ""),
    "secret.empty": (QT_TRANSLATE_NOOP("Message", "is empty; delete the entry instead of saving nothing"), ""),
    #: %1 is a number
    "problem.is_longer_than": (QT_TRANSLATE_NOOP("Message", "is longer than %1 characters"), "keep"),
    "keyring.delete_refused": (QT_TRANSLATE_NOOP("Message", "the keyring refused to delete it"), ""),
    #: %1 is a sentence of this list, %2 HubSpot's own message, %3 its correlation id
    "hubspot.said_with_id": (QT_TRANSLATE_NOOP("Message", "%1 (HubSpot said: %2; correlation id %3)"), "head hubspot id"),
    #: %1 is a sentence of this list, %2 HubSpot's own message
    "hubspot.said": (QT_TRANSLATE_NOOP("Message", "%1 (HubSpot said: %2)"), "head hubspot"),
    #: %1 is a sentence of this list, %2 HubSpot's correlation id
    "hubspot.with_id": (QT_TRANSLATE_NOOP("Message", "%1 (correlation id %2)"), "head id"),
    "hubspot.token_expired": (QT_TRANSLATE_NOOP("Message", "The HubSpot access token expired; the app fetches a new one for the next request. Reconnect to HubSpot in Settings if this message stays."), ""),
    "hubspot.token_refused": (QT_TRANSLATE_NOOP("Message", "The HubSpot access token was not accepted. Reconnect to HubSpot in Settings."), ""),
    #: %1 lists the API versions that take private-app tokens, e.g. "2025-09, 2026-09"
    "hubspot.token_refused_versions": (QT_TRANSLATE_NOOP("Message", "The HubSpot access token was not accepted. Reconnect to HubSpot in Settings; a private-app token works only with API versions %1."), "keep"),
    #: %1 is a list of HubSpot scope names
    "hubspot.scope_missing": (QT_TRANSLATE_NOOP("Message", "The HubSpot app lacks a permission: add the scope %1 and reconnect."), "keep"),
    #: %1 is a list of HubSpot scope names, any one of which will do
    "hubspot.scope_any": (QT_TRANSLATE_NOOP("Message", "The HubSpot app lacks a permission: add one of the scopes %1 and reconnect."), "keep"),
    #: %1 is the API version in use (v3, 2026-03), %2 one that also takes private-app tokens
    "hubspot.oauth_only": (QT_TRANSLATE_NOOP("Message", "HubSpot refused access: API version %1 accepts OAuth connections only. Connect with OAuth in Settings, or choose API version %2 to use a private-app token."), "keep keep"),
    #: %1 is a list of HubSpot scope names
    "hubspot.scopes_needed": (QT_TRANSLATE_NOOP("Message", "HubSpot refused access. The app needs one of these scopes: %1."), "keep"),
    "hubspot.daily_limit": (QT_TRANSLATE_NOOP("Message", "HubSpot's daily API limit is used up; calls stay queued until it resets."), ""),
    "hubspot.rate_limited": (QT_TRANSLATE_NOOP("Message", "HubSpot is rate limiting requests; the app will send again shortly."), ""),
    #: %1 is the HTTP status code
    "hubspot.server_error": (QT_TRANSLATE_NOOP("Message", "HubSpot had a server error (%1); the app will try again."), "keep"),
    #: %1 is a list of HubSpot's request field names
    "hubspot.rejected_call": (QT_TRANSLATE_NOOP("Message", "HubSpot rejected the call: check %1."), "api_fields"),
    #: %1 is the HTTP status code
    "hubspot.rejected_request": (QT_TRANSLATE_NOOP("Message", "HubSpot rejected the request (%1)."), "keep"),
    "hubspot.slow": (QT_TRANSLATE_NOOP("Message", "HubSpot is slow: no answer within %1 seconds."), "keep"),
    "hubspot.slow_queued": (QT_TRANSLATE_NOOP("Message", "HubSpot is slow: no answer within %1 seconds. The call stays queued and is sent later."), "keep"),
    #: %1 names the network error, e.g. ReadTimeout
    "hubspot.timed_out": (QT_TRANSLATE_NOOP("Message", "HubSpot did not answer in time (%1)."), "keep"),
    #: %1 names the network error, e.g. ConnectError
    "hubspot.unreachable": (QT_TRANSLATE_NOOP("Message", "Could not reach HubSpot (%1)."), "keep"),
    "hubspot.no_account_details": (QT_TRANSLATE_NOOP("Message", "HubSpot's account details lacked the portal id or domain."), ""),
    "hubspot.not_json": (QT_TRANSLATE_NOOP("Message", "HubSpot answered with something that is not JSON."), ""),
    "hubspot.no_matches": (QT_TRANSLATE_NOOP("Message", "HubSpot's answer did not list caller matches."), ""),
    #: %1 says why, e.g. "larger than 1024 KiB"
    "hubspot.unreadable": (QT_TRANSLATE_NOOP("Message", "HubSpot's answer could not be read (%1)."), "keep"),
    #: %1 is a port number, %2 the address it listens on (127.0.0.1 or ::1)
    "webhook.port_taken": (QT_TRANSLATE_NOOP("Message", "Another program is listening on port %1 (%2); the webhook cannot use it. Close that program or choose another port in Settings."), "keep keep"),
    #: %1 is a port number, %2 the system's error
    "webhook.cannot_listen": (QT_TRANSLATE_NOOP("Message", "The webhook cannot listen on port %1 (%2); choose another port in Settings."), "keep keep"),
    #: %1 is a port number; the demo (hubcall-desktop --demo) was started first and took it
    "webhook.demo_holds_port": (QT_TRANSLATE_NOOP("Message", "The HubCall Desktop demo holds port %1, so the webhook is off; quit the demo, then restart HubCall Desktop."), "keep"),
    #: A call source in the status bar; %1 is an address such as 127.0.0.1:47831
    "sources.webhook_at": (QT_TRANSLATE_NOOP("Message", "webhook %1"), "address"),
    #: A call source in the status bar; %1 is an address such as 127.0.0.1:4444
    "sources.baresip_down": (QT_TRANSLATE_NOOP("Message", "baresip %1 (not connected)"), "address"),
    #: %1 is an address such as 127.0.0.1:4444
    "baresip.not_connected": (QT_TRANSLATE_NOOP("Message", "baresip at %1 is not connected."), "keep"),
    #: %1 is an address such as 127.0.0.1:4444
    "baresip.no_answer": (QT_TRANSLATE_NOOP("Message", "baresip at %1 did not answer."), "keep"),
    #: %1 is an address such as 127.0.0.1:4444
    "baresip.disconnected": (QT_TRANSLATE_NOOP("Message", "baresip at %1 disconnected."), "keep"),
    "baresip.gone_before_answer": (QT_TRANSLATE_NOOP("Message", "baresip disconnected before answering."), ""),
    "baresip.not_ringing": (QT_TRANSLATE_NOOP("Message", "That call is not ringing on this softphone."), ""),
    "baresip.several_ringing": (QT_TRANSLATE_NOOP("Message", "Several calls are ringing; answer in the softphone."), ""),
    "baresip.not_open": (QT_TRANSLATE_NOOP("Message", "That call is not open on this softphone."), ""),
    "baresip.several_open": (QT_TRANSLATE_NOOP("Message", "Several calls are open; hang up in the softphone."), ""),
    "baresip.not_on_baresip": (QT_TRANSLATE_NOOP("Message", "This call is not open on a connected baresip."), ""),
    #: %1 is an action of the MessageAction list, %2 baresip's answer (or one of the four below)
    "baresip.refused": (QT_TRANSLATE_NOOP("Message", "Could not %1 the call in baresip: %2"), "action reply"),
    "autostart.unsupported": (QT_TRANSLATE_NOOP("Message", "Starting at login is not supported on this system yet. Add HubCall Desktop to your system's login items by hand."), ""),
    #: %1 is a file path, %2 the system's error
    "autostart.entry_failed": (QT_TRANSLATE_NOOP("Message", "Could not write the autostart entry %1 (%2). Check that the folder is writable."), "keep keep"),
    #: macOS. %1 is a file path, %2 the system's error
    "autostart.launch_agent_failed": (QT_TRANSLATE_NOOP("Message", "Could not write the LaunchAgent %1 (%2). Check that the folder is writable."), "keep keep"),
    #: Windows. %1 is a registry value's location, %2 the system's error
    "autostart.registry_failed": (QT_TRANSLATE_NOOP("Message", "Could not change the registry value %1 (%2)."), "keep keep"),
    #: Windows. %1 is a program's path
    "autostart.quote_in_path": (QT_TRANSLATE_NOOP("Message", "A program path cannot contain a quote: %1"), "keep"),
    #: Flatpak: the Background portal could not be asked. %1 is the D-Bus error
    "autostart.portal_not_asked": (QT_TRANSLATE_NOOP("Message", "Could not ask the system to start HubCall Desktop at login (%1)."), "keep"),
    #: Flatpak: the desktop's Background portal said no (or the user did)
    "autostart.portal_refused": (QT_TRANSLATE_NOOP("Message", "The system did not allow HubCall Desktop to start at login. Allow it in your system's settings for background apps, then turn the setting on again."), ""),
    "oauth.no_access_token": (QT_TRANSLATE_NOOP("Message", "HubSpot's token answer had no access token."), ""),
    "oauth.details_not_object": (QT_TRANSLATE_NOOP("Message", "HubSpot's token details were not a JSON object."), ""),
    #: %1 is HubSpot's own message
    "oauth.refused": (QT_TRANSLATE_NOOP("Message", "HubSpot refused: %1"), "hubspot"),
    #: %1 is a web address
    "oauth.no_browser": (QT_TRANSLATE_NOOP("Message", "No web browser could be opened. Open this address yourself to connect: %1"), "hubspot"),
    #: %1 is a loopback address, %2 a port number, %3 the system's reason
    "oauth.cannot_listen": (QT_TRANSLATE_NOOP("Message", "The sign-in cannot listen on %1 port %2: %3"), "keep keep keep"),
    #: %1 is HubSpot's error code
    "oauth.not_granted": (QT_TRANSLATE_NOOP("Message", "HubSpot did not grant access (%1)."), "keep"),
    #: %1 and %2 are HubSpot scope names
    "oauth.scope_warning": (QT_TRANSLATE_NOOP("Message", "This HubSpot connection cannot identify callers or log calls: add the scope %1 (or one of %2) to the app in HubSpot, then connect again."), "keep keep"),
    #: %1 is a number
    "problem.longer_than": (QT_TRANSLATE_NOOP("Message", "longer than %1 characters"), "keep"),
    #: %1 and %2 are numbers
    "problem.from_to": (QT_TRANSLATE_NOOP("Message", "must be from %1 to %2"), "keep keep"),
    #: %1 is a list of choices
    "problem.one_of": (QT_TRANSLATE_NOOP("Message", "must be one of %1"), "keep"),
    #: the agent's notes; %1 and %2 are numbers of characters, %3 how many to keep, %4 how many to cut
    "problem.notes_too_long": (QT_TRANSLATE_NOOP("Message", "too long for HubSpot once formatted (%1 of at most %2 characters): shorten them to %3 characters or fewer (%4 fewer than now)"), "keep keep keep keep"),
    #: %1 is a number
    "problem.extension_digits": (QT_TRANSLATE_NOOP("Message", "use 1 to %1 digits"), "keep"),
    #: %1 is a number
    "problem.whole_number_up_to": (QT_TRANSLATE_NOOP("Message", "must be a whole number from 1 to %1"), "keep"),
    #: %1 is a Python type name, e.g. int
    "problem.expected": (QT_TRANSLATE_NOOP("Message", "expected %1"), "keep"),
    #: %1 is a number
    "problem.portal_key": (QT_TRANSLATE_NOOP("Message", "must be 1-%1 visible characters without spaces"), "keep"),
    #: %1 and %2 are numbers
    "problem.portal_keys": (QT_TRANSLATE_NOOP("Message", "must be at most %1 portal keys of 1-%2 visible characters without spaces"), "keep keep"),
    #: %1 is the portal's key in quotes
    "outbox.portal_not_connected": (QT_TRANSLATE_NOOP("Message", "This call belongs to HubSpot portal %1, which is not connected now; connect it again to send the call. It stays queued until then."), "keep"),
    #: %1 is the portal's key in quotes
    "connection.not_oauth": (QT_TRANSLATE_NOOP("Message", "Portal %1 is not connected with OAuth."), "keep"),
    #: A warning after logging out; %1 says why (a sentence of this list)
    "connection.not_revoked": (QT_TRANSLATE_NOOP("Message", "HubSpot could not be told to forget the connection: %1"), "detail"),
    "problem.whole_number": (QT_TRANSLATE_NOOP("Message", "must be a whole number"), ""),
    "problem.not_empty": (QT_TRANSLATE_NOOP("Message", "must not be empty"), ""),
    "problem.needs_called_number": (QT_TRANSLATE_NOOP("Message", "HubSpot needs the number that was called"), ""),
    "problem.needs_caller_number": (QT_TRANSLATE_NOOP("Message", "HubSpot needs the caller's number"), ""),
    "problem.needs_final_status": (QT_TRANSLATE_NOOP("Message", "a call needs a final status before it is logged"), ""),
    "problem.call_id_length": (QT_TRANSLATE_NOOP("Message", "must be 1 to 256 characters"), ""),
    "problem.properties_text": (QT_TRANSLATE_NOOP("Message", "property names and values must be text"), ""),
    "webhook.no_secret": (QT_TRANSLATE_NOOP("Message", "The webhook needs a secret; none was given."), ""),
    "webhook.empty_secret": (QT_TRANSLATE_NOOP("Message", "The webhook secret cannot be empty."), ""),
    "manual.being_logged": (QT_TRANSLATE_NOOP("Message", "This call is being logged already; wait for HubSpot's answer before logging it again."), ""),
    "problem.needs_time_zone": (QT_TRANSLATE_NOOP("Message", "needs a time zone"), ""),
    "problem.choose_status": (QT_TRANSLATE_NOOP("Message", "choose the call's status before logging it"), ""),
    "problem.not_unicode": (QT_TRANSLATE_NOOP("Message", "contains characters that are not valid Unicode"), ""),
    "problem.too_large": (QT_TRANSLATE_NOOP("Message", "is too large to store"), ""),
    "problem.must_be_text": (QT_TRANSLATE_NOOP("Message", "must be text"), ""),
    "problem.unclosed_quote": (QT_TRANSLATE_NOOP("Message", "has an unclosed quote"), ""),
    "problem.host_port_strings": (QT_TRANSLATE_NOOP("Message", "must be HOST:PORT strings"), ""),
    "problem.port_range": (QT_TRANSLATE_NOOP("Message", "must be a port from 1 to 65535"), ""),
    "problem.positive_32": (QT_TRANSLATE_NOOP("Message", "must be a positive 32-bit number"), ""),
    "problem.iso_time": (QT_TRANSLATE_NOOP("Message", "must be an ISO date and time"), ""),
    "problem.https_url": (QT_TRANSLATE_NOOP("Message", "must be an https:// URL (http only for loopback)"), ""),
    "problem.seconds_range": (QT_TRANSLATE_NOOP("Message", "must be from 0 to 3600 seconds"), ""),
    "problem.rate_range": (QT_TRANSLATE_NOOP("Message", "must be from 1 to 1000"), ""),
    "problem.positive_ids": (QT_TRANSLATE_NOOP("Message", "must be positive 32-bit user ids"), ""),
    "problem.name_a_program": (QT_TRANSLATE_NOOP("Message", "must name a program"), ""),
    "problem.wrong_type": (QT_TRANSLATE_NOOP("Message", "wrong type"), ""),
    "problem.no_spaces": (QT_TRANSLATE_NOOP("Message", "must not contain spaces or control characters"), ""),
    "problem.baresip_needs_port": (QT_TRANSLATE_NOOP("Message", "needs a port from 1 to 65535, e.g. 127.0.0.1:4444"), ""),
    "problem.baresip_not_host_port": (QT_TRANSLATE_NOOP("Message", "not HOST:PORT, e.g. 127.0.0.1:4444"), ""),
    "problem.unknown_region": (QT_TRANSLATE_NOOP("Message", "not a known two-letter country code such as US, DE or GB"), ""),
    "problem.no_such_call": (QT_TRANSLATE_NOOP("Message", "no such call in the journal"), ""),
    "problem.paste_token": (QT_TRANSLATE_NOOP("Message", "paste a token first"), ""),
    "connection.none": (QT_TRANSLATE_NOOP("Message", "Not connected to HubSpot."), ""),
    "connection.reconnect_needed": (QT_TRANSLATE_NOOP("Message", "HubSpot needs you to connect again; calls are queued until you do."), ""),
    "problem.redirect_port_range": (QT_TRANSLATE_NOOP("Message", "must be a port from 1024 to 65535"), ""),
}
# The checks' problems of the phone number and the manual form, in the InputError context
# (their translations were there before ids).
_INPUT_ERROR_IDS: dict[str, tuple[object, str]] = {
    "problem.control_characters": (QT_TRANSLATE_NOOP("InputError", "contains control characters"), ""),
    "phone.withheld": (QT_TRANSLATE_NOOP("InputError", "the caller's number is withheld"), ""),
    "phone.internal_extension": (QT_TRANSLATE_NOOP("InputError", "an internal extension, not a public phone number"), ""),
    "phone.invalid_as": (QT_TRANSLATE_NOOP("InputError", "not a valid phone number (read as %1)"), "keep"),
    "phone.no_country_code": (QT_TRANSLATE_NOOP("InputError", "no country code and no default country"), ""),
    "phone.not_a_number": (QT_TRANSLATE_NOOP("InputError", "not a phone number"), ""),
    "phone.too_short_after_prefix": (QT_TRANSLATE_NOOP("InputError", "too short after the international prefix"), ""),
    "phone.too_short": (QT_TRANSLATE_NOOP("InputError", "too short to be a phone number"), ""),
    "phone.too_long": (QT_TRANSLATE_NOOP("InputError", "too long to be a phone number"), ""),
    "manual.enter_number": (QT_TRANSLATE_NOOP("InputError", "enter a phone number"), ""),
    "manual.user_ids_format": (QT_TRANSLATE_NOOP("InputError", "user ids are whole numbers, separated by commas"), ""),
    "manual.not_negative": (QT_TRANSLATE_NOOP("InputError", "must not be negative"), ""),
    "manual.in_future": (QT_TRANSLATE_NOOP("InputError", "is in the future"), ""),
}
# fmt: on

# Sentences whose English names a programmer's detail (an exception class, an API field
# name): the agent reads what happened and what to do instead; the log keeps the detail.
# fmt: off
_SHOWN: dict[str, str] = {
    "HubSpot did not answer in time (%1).": str(QT_TRANSLATE_NOOP("Message", "HubSpot did not answer in time. Check that this computer is online; calls wait in the queue until HubSpot answers.")),
    "Could not reach HubSpot (%1).": str(QT_TRANSLATE_NOOP("Message", "Could not reach HubSpot. Check that this computer is online; calls wait in the queue until HubSpot can be reached.")),
    #: %1 names what HubSpot found wrong, e.g. "the caller's number, the duration"
    "HubSpot rejected the call: check %1.": str(QT_TRANSLATE_NOOP("Message", "HubSpot refused the call because of %1. Correct it and log the call again.")),
}
# fmt: on

# HubSpot's request fields (any part of "toNumber.e164Number") in the agent's words.
_API_FIELDS: dict[str, str] = {
    "fromnumber": str(QT_TRANSLATE_NOOP("MessageApiField", "the caller's number")),
    "tonumber": str(QT_TRANSLATE_NOOP("MessageApiField", "the number that was called")),
    "durationseconds": str(QT_TRANSLATE_NOOP("MessageApiField", "the duration")),
    "callstartedtimestamp": str(QT_TRANSLATE_NOOP("MessageApiField", "the start time")),
    "userid": str(QT_TRANSLATE_NOOP("MessageApiField", "your HubSpot user id")),
    "potentialrecipientuserids": str(QT_TRANSLATE_NOOP("MessageApiField", "the recipients")),
    "finalcallstatus": str(QT_TRANSLATE_NOOP("MessageApiField", "the status")),
    "callstatus": str(QT_TRANSLATE_NOOP("MessageApiField", "the status")),
    "hs_call_body": str(QT_TRANSLATE_NOOP("MessageApiField", "the notes")),
    "engagementproperties": str(QT_TRANSLATE_NOOP("MessageApiField", "the notes")),
    "hs_call_title": str(QT_TRANSLATE_NOOP("MessageApiField", "the title")),
    "hs_call_disposition": str(QT_TRANSLATE_NOOP("MessageApiField", "the outcome")),
    "calltitle": str(QT_TRANSLATE_NOOP("MessageApiField", "the title")),
    "externalcallid": str(QT_TRANSLATE_NOOP("MessageApiField", "the call's id")),
}
_SOME_FIELD = str(QT_TRANSLATE_NOOP("MessageApiField", "a detail of the call"))
# "RuntimeError: ", "KeyringLocked: ": a library's class name before its message.
_CLASS_PREFIX = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|Locked|Timeout|Denied)\b:\s*")

# The settings' names (core/settings.py) as the settings dialog labels them.
_FIELD_LABELS: dict[str, str] = {
    "region": str(QT_TRANSLATE_NOOP("MessageField", "default country")),
    "own_number": str(QT_TRANSLATE_NOOP("MessageField", "your number")),
    "user_id": str(QT_TRANSLATE_NOOP("MessageField", "HubSpot user id")),
    "recipient_user_ids": str(QT_TRANSLATE_NOOP("MessageField", "default recipients")),
    "webhook_port": str(QT_TRANSLATE_NOOP("MessageField", "webhook port")),
    "baresip_endpoints": str(QT_TRANSLATE_NOOP("MessageField", "baresip addresses")),
    "api_base": str(QT_TRANSLATE_NOOP("MessageField", "API base URL")),
    "api_version": str(QT_TRANSLATE_NOOP("MessageField", "API path version")),
    "auto_log_seconds": str(QT_TRANSLATE_NOOP("MessageField", "log untouched calls after")),
    "missed_auto_log_seconds": str(QT_TRANSLATE_NOOP("MessageField", "log missed calls after")),
    "call_back_command": str(QT_TRANSLATE_NOOP("MessageField", "call back command")),
    "call_back_scheme": str(QT_TRANSLATE_NOOP("MessageField", "call back link")),
    "rate_limit_per_10s": str(QT_TRANSLATE_NOOP("MessageField", "requests per 10 seconds")),
    "portal_id": str(QT_TRANSLATE_NOOP("MessageField", "portal id")),
    "portals": str(QT_TRANSLATE_NOOP("MessageField", "portals")),
}

# The field names InputErrors carry, as the UI labels them.
_FIELDS = frozenset(
    str(name)
    for name in (
        QT_TRANSLATE_NOOP("MessageField", "from"),
        QT_TRANSLATE_NOOP("MessageField", "to"),
        QT_TRANSLATE_NOOP("MessageField", "number"),
        QT_TRANSLATE_NOOP("MessageField", "extension"),
        QT_TRANSLATE_NOOP("MessageField", "status"),
        QT_TRANSLATE_NOOP("MessageField", "started"),
        QT_TRANSLATE_NOOP("MessageField", "duration"),
        QT_TRANSLATE_NOOP("MessageField", "title"),
        QT_TRANSLATE_NOOP("MessageField", "notes"),
        QT_TRANSLATE_NOOP("MessageField", "user id"),
        QT_TRANSLATE_NOOP("MessageField", "recipient"),
        QT_TRANSLATE_NOOP("MessageField", "recipients"),
        QT_TRANSLATE_NOOP("MessageField", "call"),
        QT_TRANSLATE_NOOP("MessageField", "call id"),
        QT_TRANSLATE_NOOP("MessageField", "token"),
        QT_TRANSLATE_NOOP("MessageField", "access token"),
        QT_TRANSLATE_NOOP("MessageField", "secret"),
        QT_TRANSLATE_NOOP("MessageField", "portal"),
        # core/settings.py's names, as the settings dialog reports them
        QT_TRANSLATE_NOOP("MessageField", "region"),
        QT_TRANSLATE_NOOP("MessageField", "user_id"),
        QT_TRANSLATE_NOOP("MessageField", "recipient_user_ids"),
        QT_TRANSLATE_NOOP("MessageField", "webhook_port"),
        QT_TRANSLATE_NOOP("MessageField", "baresip_endpoints"),
        QT_TRANSLATE_NOOP("MessageField", "api_base"),
        QT_TRANSLATE_NOOP("MessageField", "api_version"),
        QT_TRANSLATE_NOOP("MessageField", "auto_log_seconds"),
        "missed_auto_log_seconds",
        "call_back_command",
        "call_back_scheme",
        "missed_seen_at",
        QT_TRANSLATE_NOOP("MessageField", "portal_id"),
        QT_TRANSLATE_NOOP("MessageField", "portals"),
        "own_number",
        "rate_limit_per_10s",
    )
)

# What the keyring, HubSpot's OAuth server or baresip was asked to do.
_ACTIONS = frozenset(
    str(action)
    for action in (
        #: An action as a noun phrase; it is read in "while %1", "to %1": German "Öffnen"
        #: (beim Öffnen), "Lesen eines Geheimnisses", "Erneuern des Zugriffstokens"
        QT_TRANSLATE_NOOP("MessageAction", "open"),
        QT_TRANSLATE_NOOP("MessageAction", "read a secret"),
        QT_TRANSLATE_NOOP("MessageAction", "save a secret"),
        QT_TRANSLATE_NOOP("MessageAction", "delete a secret"),
        QT_TRANSLATE_NOOP("MessageAction", "read the access token"),
        QT_TRANSLATE_NOOP("MessageAction", "save the access token"),
        QT_TRANSLATE_NOOP("MessageAction", "delete the access token"),
        QT_TRANSLATE_NOOP("MessageAction", "read the webhook secret"),
        QT_TRANSLATE_NOOP("MessageAction", "refresh the access token"),
        QT_TRANSLATE_NOOP("MessageAction", "read the connection's details"),
        QT_TRANSLATE_NOOP("MessageAction", "finish connecting"),
        QT_TRANSLATE_NOOP("MessageAction", "revoke the connection"),
        QT_TRANSLATE_NOOP("MessageAction", "answer"),
        QT_TRANSLATE_NOOP("MessageAction", "hang up"),
    )
)

_MARKER = re.compile(r"%([1-9])")  # finds a template's markers; fills nothing


def catalogue() -> list[str]:
    """Every source text of the Message context (for the tests)."""
    return [str(source) for source, _spec in (*_BY_ID.values(), *_INPUT_ERROR_IDS.values())]


def by_id() -> dict[str, str]:
    """The source text of each template id (for the tests)."""
    return {key: source for key, (_context, source, _slots) in _ids().items()}


@functools.cache
def _ids() -> dict[str, tuple[str, str, tuple[_Slot, ...]]]:
    """id -> (translation context, source text, the kind of each %N)."""
    return {
        key: (context, str(source), tuple(_SLOTS[name] for name in spec.split()))
        for context, table in ((_CONTEXT, _BY_ID), (_INPUT_ERROR_CONTEXT, _INPUT_ERROR_IDS))
        for key, (source, spec) in table.items()
    }


def message_text(text: str | Message | UserError) -> str:
    """``text`` in the UI language when it is a sentence we know, else unchanged.

    A :class:`Message` (or an error made from one) is translated from its id; plain text
    is shown as written."""
    if isinstance(text, UserError):
        text = text.user_message
    found = known_text(text)
    return found if found is not None else text


def known_text(text: str, depth: int = 0) -> str | None:
    """``text`` in the UI language, or ``None`` when the catalogue does not know it
    (in English a known text comes back as it is)."""
    if isinstance(text, Message):
        return _render(text, depth)
    return None


def _render(message: Message, depth: int) -> str | None:
    """The template of ``message``'s id, translated, with its parameters put in: no
    English is read back. ``None`` for an id the table lacks (the tests forbid that)."""
    entry = _ids().get(message.id)
    if entry is None or depth > _MAX_DEPTH:
        return None
    context, source, slots = entry
    parts = []
    for slot, arg in zip(slots, message.args, strict=True):
        if isinstance(arg, Message):
            parts.append(_render(arg, depth + 1) or str(arg))
        else:
            parts.append(_part(slot, str(arg)))
    return _fill(source, parts, context)


def _part(slot: _Slot, value: str) -> str:
    """A parameter given as plain text, in the UI language where its kind says so."""
    if slot.translate == "field":
        label = _FIELD_LABELS.get(value, value)
        return QCoreApplication.translate(_FIELD_CONTEXT, label) if value in _FIELDS else value
    if slot.translate == "library":
        return _CLASS_PREFIX.sub("", value) or value
    if slot.translate == "api_fields":
        return _api_fields(value)
    if slot.translate == "action":
        return QCoreApplication.translate(_ACTION_CONTEXT, value) if value in _ACTIONS else value
    if slot.library_detail:  # not our sentence (that would be a Message): a library's
        return _CLASS_PREFIX.sub("", value) or value
    return value


def _api_fields(names: str) -> str:
    """``fromNumber, toNumber.e164Number`` -> "the caller's number, the number that was
    called" in the UI language; a field not known reads as "a detail of the call"."""
    shown: list[str] = []
    for name in names.split(", "):
        parts = [p.lower() for p in re.split(r"[.\[\]/]+", name) if p]
        # The most specific part: "engagementProperties.hs_call_disposition" is the outcome.
        words = next((_API_FIELDS[p] for p in reversed(parts) if p in _API_FIELDS), _SOME_FIELD)
        text = QCoreApplication.translate("MessageApiField", words)
        if text not in shown:
            shown.append(text)
    return ", ".join(shown)


def is_reworded(text: str) -> bool:
    """``text`` is one of the sentences shown in other words (``_SHOWN``)."""
    if isinstance(text, Message):
        return text.template.english in _SHOWN or any(
            isinstance(arg, Message) and is_reworded(arg) for arg in text.args
        )
    return False


def _fill(source: str, parts: list[str], context: str = _CONTEXT) -> str:
    """The translated template with its parts put in, in one pass: a part that contains
    "%1" itself is never filled again. A translation that lost a marker would hide a
    detail, so the English template is used then."""
    english = _SHOWN.get(source, source)
    translated = QCoreApplication.translate(context, english)
    wanted = set(_MARKER.findall(english))
    if set(_MARKER.findall(translated)) != wanted:
        logger.warning("translation of %r lost a marker; showing English", english)
        translated = english
    return fill(translated, parts)
