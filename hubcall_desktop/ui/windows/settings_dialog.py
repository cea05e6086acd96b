"""Settings in one place: HubSpot connection, numbers and people, notifications, start-up.

Tokens and the client secret go to the keyring (never into the settings file); the
HubSpot page (:mod:`hubcall_desktop.ui.widgets.hubspot_page`) connects with OAuth or a
private app token. The dialog only collects values and shows answers: saving, the
keyring and HubSpot are the presenter's business (``ui/presenters/settings.py``).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hubcall_desktop.core.account import apply_account
from hubcall_desktop.core.connection_types import WhoAmI
from hubcall_desktop.core.errors import WHOLE_NUMBER, InputError
from hubcall_desktop.core.manual_log import check_number, parse_user_ids
from hubcall_desktop.core.settings import CALL_BACK_SCHEMES, Settings
from hubcall_desktop.ui.desktop.assets import icon
from hubcall_desktop.ui.text.i18n import LANGUAGES
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.text.region_names import region_names
from hubcall_desktop.ui.widgets.hubspot_page import HubSpotPage
from hubcall_desktop.ui.widgets.phone_field import ERROR_STYLE, PhoneField
from hubcall_desktop.ui.widgets.softphone_page import SoftphonePage

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's own limit of a widget's size


class SettingsDialog(QDialog):
    save_requested = Signal(object)  # Settings

    def __init__(
        self, settings: Settings, autostart_supported: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = dataclasses.replace(settings)
        self._autostart_supported = autostart_supported
        self._setup_ui()
        self.load(settings)

    # -- building -----------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowIcon(icon("hubcall"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.hubspot = HubSpotPage()
        self.hubspot.messages_changed.connect(self._fit_later)
        self.softphone = SoftphonePage()
        # Each page scrolls when the screen is too small for it (long German messages on a
        # 1280x800 laptop): the dialog never grows past the screen, OK stays on it.
        self._hubspot_tab = ScrollingPage(self.hubspot)
        self._calls_page = ScrollingPage(self._calls_tab())
        self.tabs.addTab(self._hubspot_tab, self.tr("&HubSpot"))
        self.tabs.addTab(self._calls_page, self.tr("&Calls"))
        self.tabs.addTab(ScrollingPage(self._notifications_tab()), self.tr("&Notifications"))
        self.tabs.addTab(ScrollingPage(self.softphone), self.tr("&Softphone"))
        self.tabs.addTab(ScrollingPage(self._general_tab()), self.tr("&General"))
        layout.addWidget(self.tabs)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # HubSpot's or the keyring's words
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()  # takes room only when there is something to say
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.clicked.connect(self._on_apply)
        layout.addWidget(self.buttons)

    def _calls_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Default country for phone numbers"))
        for code, name in region_names():
            self.region.addItem(f"{name} ({code})", code)
        # Checked as you type, like the form's numbers: an extension such as "12" is not a
        # number HubSpot can log a call to.
        self.own_number_field = PhoneField("own_number", self._settings.region)
        self.own_number = self.own_number_field.edit
        self.own_number.setAccessibleName(self.tr("Your own phone number"))
        self.region.currentIndexChanged.connect(
            lambda _i: self.own_number_field.set_region(str(self.region.currentData()))
        )
        self.user_id = QLineEdit()
        self.user_id.setAccessibleName(self.tr("Your HubSpot user id"))
        self.recipients = QLineEdit()
        self.recipients.setAccessibleName(self.tr("Default recipient user ids"))
        self.recipients.setPlaceholderText(self.tr("User ids, separated by commas"))
        self.auto_log = QSpinBox()
        self.auto_log.setAccessibleName(self.tr("Log untouched calls automatically after seconds"))
        self.auto_log.setRange(0, 3600)
        self.auto_log.setSpecialValueText(self.tr("Never"))
        self.auto_log.setSuffix(self.tr(" s"))
        form.addRow(self.tr("Default &country:"), self.region)
        form.addRow(self.tr("Your &number:"), self.own_number_field)
        buddy = form.labelForField(self.own_number_field)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(self.own_number)
        form.addRow(self.tr("Your HubSpot &user id:"), self.user_id)
        form.addRow(self.tr("Default &recipients:"), self.recipients)
        form.addRow(self.tr("&Log untouched calls after:"), self.auto_log)
        # Missed calls: logged as Missed by themselves, and how to call them back.
        self.missed_auto_log = QSpinBox()
        self.missed_auto_log.setAccessibleName(
            self.tr("Log missed calls automatically after seconds")
        )
        self.missed_auto_log.setRange(0, 3600)
        self.missed_auto_log.setSpecialValueText(self.tr("Never"))
        self.missed_auto_log.setSuffix(self.tr(" s"))
        self.call_back_scheme = QComboBox()
        self.call_back_scheme.setAccessibleName(self.tr("Link used to call back"))
        for scheme in CALL_BACK_SCHEMES:
            self.call_back_scheme.addItem(f"{scheme}:", scheme)
        self.call_back_command = QLineEdit()
        self.call_back_command.setAccessibleName(self.tr("Command that calls back"))
        self.call_back_command.setPlaceholderText(
            self.tr("e.g. baresip-dial {number}; empty: open the link")
        )
        form.addRow(self.tr("Log &missed calls after:"), self.missed_auto_log)
        form.addRow(self.tr("Call back &with:"), self.call_back_scheme)
        form.addRow(self.tr("Call back co&mmand:"), self.call_back_command)
        return page

    def _notifications_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.popup_enabled = QCheckBox(self.tr("Show a &pop-up when a call rings"))
        self.sound_enabled = QCheckBox(self.tr("Play a &sound with notifications"))
        self.dnd = QCheckBox(
            self.tr("&Do not disturb (no pop-ups or notifications; calls are still journaled)")
        )
        for box in (self.popup_enabled, self.sound_enabled, self.dnd):
            column.addWidget(box)
        column.addStretch(1)
        return page

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.start_minimised = QCheckBox(self.tr("Start &minimised to the tray"))
        self.start_at_login = QCheckBox(self.tr("Start at &login"))
        form.addRow(self.start_minimised)
        form.addRow(self.start_at_login)
        if not self._autostart_supported:
            self.start_at_login.setEnabled(False)
            note = QLabel(
                self.tr(
                    "Starting at login is not supported on this system yet. Add HubCall "
                    "Desktop to your system's login items by hand."
                )
            )
            note.setWordWrap(True)
            form.addRow(note)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        form.addRow(self.tr("&Language:"), self.language)
        hint = QLabel(self.tr("A new language shows after HubCall Desktop restarts."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        return page

    # -- values ---------------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        self._settings = dataclasses.replace(settings, portals=list(settings.portals))
        self.hubspot.load(settings)
        self.region.setCurrentIndex(max(0, self.region.findData(settings.region)))
        self.own_number.setText(settings.own_number)
        self.user_id.setText(str(settings.user_id) if settings.user_id else "")
        self.recipients.setText(", ".join(map(str, settings.recipient_user_ids)))
        self.auto_log.setValue(settings.auto_log_seconds)
        self.missed_auto_log.setValue(settings.missed_auto_log_seconds)
        self.call_back_scheme.setCurrentIndex(
            max(0, self.call_back_scheme.findData(settings.call_back_scheme))
        )
        self.call_back_command.setText(settings.call_back_command)
        self.popup_enabled.setChecked(settings.popup_enabled)
        self.sound_enabled.setChecked(settings.sound_enabled)
        self.dnd.setChecked(settings.do_not_disturb)
        self.start_minimised.setChecked(settings.start_minimised)
        self.start_at_login.setChecked(settings.start_at_login)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.softphone.webhook.setChecked(settings.webhook_enabled)
        self.softphone.port.setValue(settings.webhook_port)
        self.softphone.set_endpoints(settings.baresip_endpoints)

    def collect(self) -> Settings:
        """The settings as shown; raises InputError naming the first bad field."""
        own_number = self.own_number.text().strip()
        if own_number:  # optional; when given, a public number (what the field says)
            check_number(own_number, str(self.region.currentData()), "own_number")
        user_text = self.user_id.text().strip()
        if user_text and not (user_text.isdigit() and user_text.isascii()):
            raise InputError("user_id", user_text, WHOLE_NUMBER())
        new = dataclasses.replace(
            self._settings,
            portals=list(self._settings.portals),
            region=str(self.region.currentData()),
            own_number=own_number,
            user_id=int(user_text) if user_text else None,
            recipient_user_ids=list(parse_user_ids(self.recipients.text(), "recipient_user_ids")),
            auto_log_seconds=self.auto_log.value(),
            missed_auto_log_seconds=self.missed_auto_log.value(),
            call_back_scheme=str(self.call_back_scheme.currentData()),
            call_back_command=self.call_back_command.text().strip(),
            popup_enabled=self.popup_enabled.isChecked(),
            sound_enabled=self.sound_enabled.isChecked(),
            do_not_disturb=self.dnd.isChecked(),
            start_minimised=self.start_minimised.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
            language=str(self.language.currentData()),
            webhook_enabled=self.softphone.webhook.isChecked(),
            webhook_port=self.softphone.port.value(),
            baresip_endpoints=self.softphone.endpoints(),
        )
        self.hubspot.collect_into(new)
        new.validate()
        return new

    # -- answers from the presenter --------------------------------------------------------

    def show_account(self, who: WhoAmI) -> None:
        """HubSpot's account for the token: kept with the settings on OK or Apply."""
        apply_account(self._settings, who)
        self.hubspot.show_account(who)

    def adopt_connection(self, settings: Settings) -> None:
        """The presenter changed what the connection decides (portal, account, user id)
        at once: keep this copy in step, so OK does not put old values back."""
        mine = self._settings
        mine.active_portal, mine.portals = settings.active_portal, list(settings.portals)
        mine.portal_id, mine.ui_domain = settings.portal_id, settings.ui_domain
        self.hubspot.show_portal(settings.portal_id, settings.ui_domain)
        if settings.user_id is not None and not self.user_id.text().strip():
            mine.user_id = settings.user_id  # prefilled, never over a typed id
            self.user_id.setText(str(settings.user_id))

    def show_hubspot_tab(self) -> None:
        self.tabs.setCurrentWidget(self._hubspot_tab)

    def show_error(self, message: str) -> None:
        self.error.setText(message_text(message))
        self.error.setVisible(bool(message))
        self._fit_later()

    # -- events ---------------------------------------------------------------------------

    def _on_apply(self) -> bool:
        try:
            settings = self.collect()
        except InputError as error:
            self.show_error(error.user_message)
            if error.field == "own_number":  # show the agent where
                self.tabs.setCurrentWidget(self._calls_page)
                self.own_number_field.show_error(message_text(error.problem))
                self.own_number.setFocus()
            return False
        self.show_error("")
        self._settings = settings
        self.save_requested.emit(settings)
        return True

    def _on_ok(self) -> None:
        if self._on_apply():
            self.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def _fit_later(self) -> None:
        QTimer.singleShot(0, self._fit_height)  # once the labels have their new text laid out

    def _fit_height(self) -> None:
        """Grow to the wrapped text: a window's minimum size ignores height-for-width
        (the state line and messages wrap, more so in German). Never past the screen's
        free height: the page scrolls instead, so OK and Apply stay on the screen."""
        layout = self.layout()
        if layout is None:
            return
        for widget in self.findChildren(QWidget):  # layouts cache each widget's answer
            widget.updateGeometry()
        total = layout.totalHeightForWidth(self.width())
        if total < 0:  # no height-for-width in the layout: its plain size hint
            total = layout.totalSizeHint().height()
        needed = min(total, self._room())
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)
        elif self.height() > self._room():
            self.resize(self.width(), self._room())
        self._keep_on_screen()

    def _room(self) -> int:
        """The most height the dialog (without its title bar) may take on its screen."""
        screen = self.screen()
        if screen is None:
            return QWIDGETSIZE_MAX
        frame = max(0, self.frameGeometry().height() - self.height())
        return max(200, screen.availableGeometry().height() - frame)

    def _keep_on_screen(self) -> None:
        """A window that grew downwards may hang off the bottom: move it up."""
        screen = self.screen()
        if screen is None or not self.isVisible():
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry()
        if frame.bottom() > free.bottom():
            self.move(frame.left(), max(free.top(), free.bottom() - frame.height() + 1))


class ScrollingPage(QScrollArea):
    """A tab page that asks for its content's whole height, so the dialog shows all of it
    when the screen has room, and scrolls when it has not."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self._page = page
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        page = self._page
        hint = page.sizeHint()
        width = max(self.viewport().width(), page.minimumSizeHint().width())
        height = page.heightForWidth(width) if page.hasHeightForWidth() else -1
        if height < 0:
            layout = page.layout()
            height = layout.totalHeightForWidth(width) if layout is not None else -1
        return QSize(hint.width(), max(height, hint.height()))

    def minimumSizeHint(self) -> QSize:
        page = self._page.minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(page.width() + bar, min(page.height(), 120))
