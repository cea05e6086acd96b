"""Settings' "HubSpot" page: the connection (portal, state, OAuth, private-app token) and
the advanced API and OAuth app settings.

It collects values and shows answers; connecting, the keyring and HubSpot are the
presenter's business (:mod:`hubcall_desktop.ui.presenters.settings`). No secret is ever
shown: the token and client secret are password fields, cleared once kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hubcall_desktop.core.api_versions import API_VERSIONS
from hubcall_desktop.core.connection_types import (
    ConnectionKind,
    ConnectionSnapshot,
    ConnectionStatus,
    WhoAmI,
)
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.oauth import (
    MAX_REDIRECT_PORT,
    MIN_REDIRECT_PORT,
    redirect_uri,
    scope_warning,
)
from hubcall_desktop.core.portals import DEFAULT_PORTAL, validate_portal
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.widgets.phone_field import ERROR_STYLE

OK_STYLE = "color: #1a7f37;"
WARNING_STYLE = ERROR_STYLE + " font-weight: bold;"


def fill(template: str, *values: object) -> str:
    """Put values into ``%1``, ``%2``, ... in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m[1]) - 1]), template)


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    # Layouts may give a wrapped label more height than it needs: text at the top.
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setTextFormat(Qt.TextFormat.PlainText)  # HubSpot's and the keyring's words, verbatim
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class HubSpotPage(QWidget):
    portal_chosen = Signal(str)
    connect_requested = Signal(str, bool, str)  # client id, legacy endpoints, secret ("": none)
    cancel_requested = Signal()
    logout_requested = Signal()  # the presenter asks to confirm first
    token_save_requested = Signal(str)
    test_requested = Signal(str)  # the token typed (empty: the saved one)
    messages_changed = Signal()  # a message line changed: the window may need to grow
    token_kept = Signal()  # a private app token was checked and saved in the keyring

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._active = DEFAULT_PORTAL
        self._demo = False
        self._waiting = False
        self._can_log_out = False
        self._status: ConnectionStatus | None = None  # the state line's, to see it change
        self._api_base_in_use: str | None = None  # set for this session, not by the field
        self._saved_api_base = ""
        self._setup_ui()
        self._update_buttons()

    # -- building -----------------------------------------------------------------------

    def _setup_ui(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(self._connection_box())
        self.advanced = self._advanced_box()  # the set-up guide leaves it out
        column.addWidget(self.advanced)
        column.addStretch(1)

    def _connection_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Connection"))
        form = QFormLayout(box)
        self.portal_choice = QComboBox()
        self.portal_choice.setEditable(True)
        self.portal_choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.portal_choice.setAccessibleName(self.tr("Portal"))
        self.portal_choice.setToolTip(
            self.tr(
                "Each HubSpot account you connect has a name here. Type a new name and "
                "press Enter to add one."
            )
        )
        self.portal_choice.activated.connect(self._choose_portal)
        # Enter in the name field chooses that portal; it must not also press OK.
        editor = self.portal_choice.lineEdit()
        if editor is not None:  # always, for an editable combo box
            editor.installEventFilter(self)
        form.addRow(self.tr("&Portal:"), self.portal_choice)
        self.state = _message_label()
        self.state.setAccessibleName(self.tr("Connection state"))
        self.state.show()
        form.addRow(self.tr("State:"), self.state)

        self.connect_button = QPushButton(self.tr("Connect with OA&uth…"))
        self.connect_button.clicked.connect(self._on_connect)
        self.cancel_button = QPushButton(self.tr("Cancel sign-&in"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.logout_button = QPushButton(self.tr("&Log out"))
        self.logout_button.clicked.connect(self.logout_requested)
        self.oauth_message = _message_label()
        self.scope_warning = _message_label()
        form.addRow(
            "",
            _stack(
                [self.connect_button, self.cancel_button, self.logout_button],
                self.oauth_message,
                self.scope_warning,
            ),
        )

        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Private app access token"))
        self.token.setPlaceholderText(self.tr("Paste a private app token (pat-…)"))
        self.save_token_button = QPushButton(self.tr("&Save token"))
        self.save_token_button.clicked.connect(self._on_save_token)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(
            lambda: self.test_requested.emit(self.token.text().strip())
        )
        self.token_state = _message_label()
        form.addRow(self.tr("Private app to&ken:"), self.token)
        form.addRow("", _stack([self.save_token_button, self.test_button], self.token_state))

        self.portal = QLabel()
        self.portal.setAccessibleName(self.tr("Portal id"))
        self.ui_domain = QLabel()
        self.ui_domain.setAccessibleName(self.tr("HubSpot domain"))
        self.portal.setTextFormat(Qt.TextFormat.PlainText)  # both as HubSpot gave them
        self.ui_domain.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Portal id:"), self.portal)
        form.addRow(self.tr("HubSpot domain:"), self.ui_domain)
        return box

    def _advanced_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Advanced"))
        form = QFormLayout(box)
        self.client_id = QLineEdit()
        self.client_id.setAccessibleName(self.tr("OAuth client id"))
        self.client_id.setPlaceholderText(self.tr("Your HubSpot app's client id"))
        self.client_secret = QLineEdit()
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_secret.setAccessibleName(self.tr("OAuth client secret"))
        self.client_secret.setPlaceholderText(self.tr("Optional; kept only in the system keyring"))
        self.legacy = QCheckBox(self.tr("Use the legacy OAuth endpoints (v&1)"))
        form.addRow(self.tr("OAuth client i&d:"), self.client_id)
        form.addRow(self.tr("Client s&ecret:"), self.client_secret)
        form.addRow("", self.legacy)
        self._redirect_rows(form)
        self.api_base = QLineEdit()
        self.api_base.setAccessibleName(self.tr("API base URL"))
        self.api_version = QComboBox()
        self.api_version.setAccessibleName(self.tr("API path version"))
        for version in API_VERSIONS:
            self.api_version.addItem(version, version)
        form.addRow(self.tr("API &base URL:"), self.api_base)
        self.api_base_note = _message_label()
        form.addRow("", self.api_base_note)
        form.addRow(self.tr("API path &version:"), self.api_version)
        restart = QLabel(self.tr("API changes take effect after HubCall Desktop restarts."))
        restart.setWordWrap(True)
        form.addRow(restart)
        return box

    def _redirect_rows(self, form: QFormLayout) -> None:
        """The sign-in port and the exact redirect URL to register in the HubSpot app."""
        self.redirect_port = QSpinBox()
        self.redirect_port.setRange(MIN_REDIRECT_PORT, MAX_REDIRECT_PORT)
        self.redirect_port.setGroupSeparatorShown(False)
        self.redirect_port.setAccessibleName(self.tr("Sign-in port"))
        self.redirect_url = QLineEdit()
        self.redirect_url.setReadOnly(True)
        self.redirect_url.setAccessibleName(self.tr("Redirect URL to register"))
        self.copy_redirect = QPushButton(self.tr("Cop&y"))
        self.copy_redirect.setAccessibleName(self.tr("Copy the redirect URL"))
        self.copy_redirect.clicked.connect(self._copy_redirect)
        self.redirect_port.valueChanged.connect(
            lambda port: self.redirect_url.setText(redirect_uri(port))
        )
        url_row = QHBoxLayout()
        url_row.setContentsMargins(0, 0, 0, 0)
        url_row.addWidget(self.redirect_url, 1)
        url_row.addWidget(self.copy_redirect)
        hint = QLabel(
            self.tr(
                "Add this redirect URL to your HubSpot app (Auth, Redirect URLs) exactly as "
                "shown; HubSpot refuses a sign-in whose URL differs. Change the port only if "
                "another program uses it, then register the new URL."
            )
        )
        hint.setWordWrap(True)
        column = QVBoxLayout()  # one row: a wrapped label alone in a form row gets too tall
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(url_row)
        column.addWidget(hint)
        form.addRow(self.tr("Sign-in &port:"), self.redirect_port)
        form.addRow(self.tr("Redirect URL:"), column)

    def _copy_redirect(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.redirect_url.text())

    # -- values ---------------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        self.set_portals([settings.active_portal, *settings.portals], settings.active_portal)
        self.show_portal(settings.portal_id, settings.ui_domain)
        self.client_id.setText(settings.oauth_client_id)
        self.redirect_port.setValue(settings.oauth_redirect_port)
        self.redirect_url.setText(redirect_uri(self.redirect_port.value()))
        self._saved_api_base = settings.api_base
        self._api_base_in_use = None
        self.api_base.setText(settings.api_base)
        self.api_base.setReadOnly(False)
        self._say(self.api_base_note, "")
        self.api_version.setCurrentIndex(max(0, self.api_version.findData(settings.api_version)))

    def collect_into(self, settings: Settings) -> None:
        """Write this page's values into ``settings``; InputError names a bad one."""
        portal = self.portal_text()
        validate_portal(portal)
        settings.use_portal(portal)
        settings.oauth_client_id = self.client_id.text().strip()
        settings.oauth_redirect_port = self.redirect_port.value()
        if self._api_base_in_use is None:  # else the field shows this session's address
            settings.api_base = self.api_base.text().strip().rstrip("/")
        else:
            settings.api_base = self._saved_api_base
        settings.api_version = str(self.api_version.currentData())

    def portal_text(self) -> str:
        return self.portal_choice.currentText().strip()

    def set_portals(self, known: Iterable[str], active: str) -> None:
        """The portals to choose from (``default`` first, the rest sorted), ``active`` chosen."""
        names = sorted({DEFAULT_PORTAL, active, *known} - {DEFAULT_PORTAL}, key=str.casefold)
        self._active = active
        self.portal_choice.blockSignals(True)
        self.portal_choice.clear()
        self.portal_choice.addItems([DEFAULT_PORTAL, *names])
        self.portal_choice.setCurrentIndex(self.portal_choice.findText(active))
        self.portal_choice.blockSignals(False)

    # -- answers from the presenter ----------------------------------------------------------

    def show_api_base_in_use(self, url: str) -> None:
        """The address the app talks to now. When demo mode, ``--api-base`` or
        HUBCALL_API_BASE chose it, the field shows it read-only (saving keeps the stored
        address, which applies when the app starts without them), and a note says so."""
        if url.rstrip("/") == self._saved_api_base.rstrip("/"):
            return
        self._api_base_in_use = url
        self.api_base.setText(url)
        self.api_base.setReadOnly(True)
        self._say(
            self.api_base_note,
            fill(
                self.tr(
                    "In use now, set by demo mode, --api-base or HUBCALL_API_BASE. Started "
                    "without them, HubCall Desktop uses %1."
                ),
                self._saved_api_base,
            ),
        )

    def set_demo(self) -> None:
        """Demo mode: the sandbox's token is used, nothing connects or logs out."""
        self._demo = True
        self._update_buttons()
        self._say(
            self.oauth_message,
            self.tr("Demo mode uses the sandbox's token: connecting and logging out are off."),
        )
        self._say(self.state, self.tr("Connected to the demo sandbox."), OK_STYLE)

    def show_connection(self, snapshot: ConnectionSnapshot) -> None:
        """The state line for the active portal, and what the buttons may do."""
        status, kind, meta = snapshot.status, snapshot.kind, snapshot.oauth
        warning = None
        if status is ConnectionStatus.CONNECTED and kind is ConnectionKind.OAUTH:
            user = (meta.user or str(meta.user_id or "")) if meta else ""
            hub = meta.hub_id if meta and meta.hub_id else snapshot.portal
            scopes = ", ".join(meta.scopes) if meta and meta.scopes else "–"
            text = fill(
                self.tr(
                    "Connected with OAuth as %1 (portal %2), scopes: %3. The access token "
                    "is renewed automatically."
                ),
                user or "?",
                hub,
                scopes,
            )
            warning = scope_warning(meta.scopes) if meta else None
            style = OK_STYLE
        elif status is ConnectionStatus.CONNECTED and kind is ConnectionKind.PRIVATE_APP:
            text, style = self.tr("Connected with a private app token."), OK_STYLE
        elif status is ConnectionStatus.CONNECTED:
            text, style = self.tr("Using the token from HUBCALL_ACCESS_TOKEN."), OK_STYLE
        elif status is ConnectionStatus.RECONNECT_NEEDED:
            text, style = (
                fill(self.tr("Reconnect needed: %1"), message_text(snapshot.message)),
                ERROR_STYLE,
            )
        elif status is ConnectionStatus.NO_KEYRING:
            text, style = (
                fill(self.tr("No keyring: %1"), message_text(snapshot.message)),
                ERROR_STYLE,
            )
        else:
            text, style = self.tr("Not connected."), ""
        if status is not self._status:
            # A new state: an error said about the old one (a failed sign-in, a refused
            # token) is stale, and must not stand next to "Connected".
            self._status = status
            for label in (self.oauth_message, self.token_state):
                if label.styleSheet() == ERROR_STYLE:
                    self._say(label, "")
        self._say(self.state, text, style)
        self.show_scope_warning(warning)
        self._can_log_out = kind in (ConnectionKind.OAUTH, ConnectionKind.PRIVATE_APP)
        self._update_buttons()

    def show_state_error(self, message: str) -> None:
        self._say(self.state, message_text(message), ERROR_STYLE)

    def show_waiting(self) -> None:
        self._waiting = True
        self._update_buttons()
        self._say(self.oauth_message, self.tr("Waiting for you to sign in in the browser…"))
        self.show_scope_warning(None)

    def show_address(self, url: str) -> None:
        """No browser could be opened: the agent opens the sign-in address by hand."""
        self._say(
            self.oauth_message,
            fill(
                self.tr(
                    "No web browser could be opened. Open this address in your browser to "
                    "sign in:\n%1"
                ),
                url,
            ),
        )

    def done_waiting(self) -> None:
        self._waiting = False
        self._update_buttons()

    def show_signed_in(self, who: WhoAmI) -> None:
        """Who the OAuth connection belongs to, and what it cannot do."""
        user = who.user or str(who.user_id or "?")
        self._say(
            self.oauth_message,
            fill(self.tr("Signed in as %1 to portal %2."), user, who.portal_id),
            OK_STYLE,
        )
        self.client_secret.clear()  # kept in the keyring now
        self.show_portal(who.portal_id, who.ui_domain)
        self.show_scope_warning(who.scope_warning)

    def show_oauth_message(self, text: str, *, ok: bool = False) -> None:
        self._say(self.oauth_message, message_text(text), OK_STYLE if ok else ERROR_STYLE)

    def show_logged_out(self, portal: str, warnings: Iterable[str]) -> None:
        lines = [
            fill(
                self.tr("Logged out: the secrets of portal %1 were deleted from the keyring."),
                portal,
            ),
            *(message_text(warning) for warning in warnings),
        ]
        self._say(
            self.oauth_message, "\n".join(lines), OK_STYLE if len(lines) == 1 else ERROR_STYLE
        )

    def show_scope_warning(self, warning: str | None) -> None:
        self._say(self.scope_warning, message_text(warning or ""), WARNING_STYLE)

    def show_token_state(self, text: str, ok: bool) -> None:
        self._say(self.token_state, message_text(text), OK_STYLE if ok else ERROR_STYLE)

    def token_saved(self) -> None:
        self.token.clear()
        self.show_token_state(self.tr("Token saved in the system keyring."), ok=True)
        self.token_kept.emit()

    def show_portal(self, portal_id: int | None, ui_domain: str) -> None:
        self.portal.setText(str(portal_id) if portal_id else self.tr("not known yet"))
        self.ui_domain.setText(ui_domain)

    def show_account(self, details: WhoAmI) -> None:
        self.show_portal(details.portal_id, details.ui_domain)
        self.show_token_state(
            fill(self.tr("Connected to portal %1 (%2)."), details.portal_id, details.ui_domain),
            ok=True,
        )

    def _say(self, label: QLabel, text: str, style: str = "") -> None:
        label.setStyleSheet(style)
        label.setText(text)
        label.setVisible(bool(text))
        self.messages_changed.emit()

    # -- events ---------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        usable = not self._demo
        self.portal_choice.setEnabled(usable and not self._waiting)
        self.connect_button.setEnabled(usable and not self._waiting)
        self.cancel_button.setVisible(self._waiting)
        self.logout_button.setEnabled(usable and not self._waiting and self._can_log_out)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.portal_choice.lineEdit()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._choose_portal()
            return True
        return super().eventFilter(watched, event)

    def _choose_portal(self) -> None:
        portal = self.portal_text()
        try:
            validate_portal(portal)
        except InputError as error:
            self.show_state_error(error.user_message)
            return
        if portal != self._active:
            self._active = portal
            self.portal_chosen.emit(portal)

    def _on_connect(self) -> None:
        self.connect_requested.emit(
            self.client_id.text().strip(), self.legacy.isChecked(), self.client_secret.text()
        )

    def _on_save_token(self) -> None:
        text = self.token.text().strip()
        if not text:
            self.show_token_state(self.tr("Paste the token first."), ok=False)
            return
        self.token_save_requested.emit(text)


def _stack(buttons: list[QPushButton], *labels: QLabel) -> QWidget:
    """A row of buttons with message lines under it (hidden lines take no room)."""
    widget = QWidget()
    column = QVBoxLayout(widget)
    column.setContentsMargins(0, 0, 0, 0)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    column.addLayout(row)
    for label in labels:
        column.addWidget(label)
    return widget
