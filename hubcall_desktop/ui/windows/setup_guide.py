"""The first-start guide: connect HubSpot, the agent's own number, the softphone and a test ring.

Three steps, each one the Settings' own widgets (the HubSpot page without its advanced
part, the number field, the Softphone page), so what the guide sets is what Settings
shows. Every step can be left empty with Next, and the whole guide skipped; Enter is
Next on every step (a private app token typed on the first step is saved first, and the
guide moves on once HubSpot took it). The window holds no logic: the presenter
(``ui/presenters/setup_guide.py``) saves, connects and rings.
"""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from hubcall_desktop.core.settings import Settings
from hubcall_desktop.ui.desktop.assets import icon
from hubcall_desktop.ui.text.region_names import region_names
from hubcall_desktop.ui.widgets.hubspot_page import HubSpotPage
from hubcall_desktop.ui.widgets.phone_field import ERROR_STYLE, PhoneField
from hubcall_desktop.ui.widgets.softphone_page import SoftphonePage
from hubcall_desktop.ui.windows.settings_dialog import ScrollingPage

HUBSPOT_STEP, NUMBER_STEP, SOFTPHONE_STEP = 0, 1, 2


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _no_auto_default(page: QWidget) -> None:
    """In a dialog, a focused push button takes Enter; here Enter is always Next (or
    Finish), and Space presses the focused button."""
    for button in page.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def _focus_later(widget: QWidget) -> None:
    # After QWizard has shown the page and given the focus to its own first choice.
    QTimer.singleShot(0, lambda: widget.setFocus(Qt.FocusReason.TabFocusReason))


def suggested_region(settings: Settings, system: QLocale | None = None) -> str:
    """The country the number step starts at: the settings' own, except on a first start
    still at the built-in default, where the system's country is the better guess (a
    German agent's "030 …" is not a US number)."""
    untouched = not settings.own_number and not settings.setup_guide_done
    if untouched and settings.region == Settings().region:
        code = QLocale.territoryToCode((system or QLocale.system()).territory())
        if code in phonenumbers.SUPPORTED_REGIONS:
            return code
    return settings.region


class HubSpotStep(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Connect HubSpot"))
        self.setSubTitle(
            self.tr(
                "Sign in with OAuth in your browser, or paste a private app token (in "
                "HubSpot: Settings → Integrations → Private apps). Tokens are kept in the "
                "system keyring, never in a file."
            )
        )
        self.hubspot = HubSpotPage()
        self.hubspot.advanced.hide()  # client id, API address: Settings has them
        self.saving = False  # Next asked to save the typed token first
        self.hubspot.token_kept.connect(self._on_token_kept)
        column = QVBoxLayout(self)
        column.addWidget(self.hubspot)
        _no_auto_default(self)

    def initializePage(self) -> None:
        _focus_later(self.hubspot.token)

    def validatePage(self) -> bool:
        """A token typed but not saved: save it (HubSpot checks it) and stay; the guide
        moves on once it is kept. Nothing typed: on to the next step."""
        if not self.hubspot.token.text().strip():
            return True
        self.saving = True
        self.hubspot.save_token_button.click()
        return False

    def cleanupPage(self) -> None:
        self.saving = False

    def _on_token_kept(self) -> None:
        wizard = self.wizard()
        if self.saving and wizard is not None and wizard.currentPage() is self:
            self.saving = False
            wizard.next()


class NumberStep(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your phone number"))
        self.setSubTitle(
            self.tr(
                "The number callers dial to reach you. HubSpot needs it with every call "
                "HubCall Desktop logs; leave it empty if your softphone sends it."
            )
        )
        form = QFormLayout(self)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Default country for phone numbers"))
        for code, name in region_names():
            self.region.addItem(f"{name} ({code})", code)
        self.number_field = PhoneField("own_number", "US")
        self.number = self.number_field.edit
        self.number.setAccessibleName(self.tr("Your own phone number"))
        self.region.currentIndexChanged.connect(self._on_region)
        self.number_field.changed.connect(self.completeChanged)
        form.addRow(self.tr("&Country:"), self.region)
        form.addRow(self.tr("Your &number:"), self.number_field)
        buddy = form.labelForField(self.number_field)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(self.number)

    def load(self, settings: Settings) -> None:
        region = suggested_region(settings)
        self.region.setCurrentIndex(max(0, self.region.findData(region)))
        self.number_field.set_region(region)
        self.number.setText(settings.own_number)

    def region_code(self) -> str:
        return str(self.region.currentData())

    def _on_region(self, _index: int) -> None:
        self.number_field.set_region(self.region_code())
        self.completeChanged.emit()

    def initializePage(self) -> None:
        _focus_later(self.number)

    def isComplete(self) -> bool:
        """Empty (skipped) or a number HubSpot can log a call to: "12" is neither."""
        return not self.number.text().strip() or self.number_field.number() is not None


class SoftphoneStep(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your softphone, and a test ring"))
        self.setSubTitle(self.tr("Tell HubCall Desktop about your calls, then ring a test call."))
        ways = _wrapped(
            self.tr(
                "Three ways: a softphone that opens a web address on each call (copy the "
                "addresses below into its settings), baresip (enter its control address), "
                "or a script or phone system that runs a command (copy a command)."
            )
        )
        self.softphone = SoftphonePage()
        test_box = QGroupBox(self.tr("Test ring"))
        # The sentence under the button: a wrapped label beside it would be cut off (a
        # row does not give a label the height its wrapped lines need).
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test &ring"))
        self.test_button.setToolTip(
            self.tr("Ring a test call here to see the pop-up; it is never logged in HubSpot")
        )
        row.addWidget(self.test_button)
        row.addStretch(1)
        self.test_state = _wrapped(
            self.tr("A test call rings here so you see the pop-up. It is never logged in HubSpot.")
        )
        self.test_state.setAccessibleName(self.tr("Test ring result"))
        box = QVBoxLayout(test_box)
        box.addLayout(row)
        box.addWidget(self.test_state)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(ways)
        inner = self.softphone.layout()
        if inner is not None:  # lined up with the text above and the test below
            inner.setContentsMargins(0, 0, 0, 0)
        # As tall as it needs, no taller: the test ring follows right under it.
        self.softphone.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column.addWidget(self.softphone)
        column.addWidget(test_box)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(ScrollingPage(content))  # a small screen scrolls, Finish stays
        _no_auto_default(self)

    def set_templates(self, templates: list[tuple[str, str]]) -> None:
        self.softphone.set_templates(templates)
        _no_auto_default(self)  # the new Copy buttons

    def initializePage(self) -> None:
        _focus_later(self.test_button)

    def show_test_state(self, text: str, *, ok: bool) -> None:
        self.test_state.setStyleSheet("" if ok else ERROR_STYLE)
        self.test_state.setText(text)


class SetupGuide(QWizard):
    number_chosen = Signal(str, str)  # region, the number as typed ("": skipped)
    test_ring_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowIcon(icon("hubcall"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Skip set-up"))
        cancel = self.button(QWizard.WizardButton.CancelButton)
        cancel.setToolTip(self.tr("Close the guide; Help → Set-up guide opens it again"))
        self.first = HubSpotStep()
        self.second = NumberStep()
        self.third = SoftphoneStep()
        self.setPage(HUBSPOT_STEP, self.first)
        self.setPage(NUMBER_STEP, self.second)
        self.setPage(SOFTPHONE_STEP, self.third)
        self.hubspot = self.first.hubspot
        self.softphone = self.third.softphone
        self.third.test_button.clicked.connect(self.test_ring_requested)
        self.currentIdChanged.connect(self._on_step)
        self._on_step(HUBSPOT_STEP)
        self.setMinimumWidth(640)
        self.resize(700, 640)  # the softphone step without scrolling, on a 1280x800 screen
        self.load(settings)

    def load(self, settings: Settings) -> None:
        """Start over from the settings as they are now."""
        self.hubspot.load(settings)
        self.second.load(settings)
        self.softphone.webhook.setChecked(settings.webhook_enabled)
        self.softphone.port.setValue(settings.webhook_port)
        self.softphone.set_endpoints(settings.baresip_endpoints)

    def _on_step(self, step: int) -> None:
        if step < 0:  # no page (the guide is being reset)
            return
        # Where the agent is, for the taskbar and screen readers as much as for the eye.
        title = self.tr("Set up HubCall Desktop – step %1 of %2")
        self.setWindowTitle(title.replace("%1", str(step + 1)).replace("%2", "3"))
        if step == SOFTPHONE_STEP:  # the number step was left forwards: keep its value
            self.number_chosen.emit(self.second.region_code(), self.second.number.text().strip())
