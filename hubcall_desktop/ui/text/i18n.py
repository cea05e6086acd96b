"""Translations: the app's own (``resources/translations/hubcall_<lang>.qm``) and Qt's.

The tables are keyed by the enums' values, so this module (on the way to the first
paint) loads without the phone-number library that ``core.call`` brings in.

The language follows the system locale unless the settings name one. Labels that live
in Qt-free code (call statuses, sync states) are English source text there and are
translated here; ``QT_TRANSLATE_NOOP`` marks them so ``pyside6-lupdate`` collects them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from hubcall_desktop.ui.desktop.assets import translations_dir

if TYPE_CHECKING:
    from hubcall_desktop.core.call import CallSource, Direction, SyncState
    from hubcall_desktop.core.phone import PhoneNumberType
    from hubcall_desktop.core.statuses import CallStatus

logger = logging.getLogger(__name__)

# Shipped languages: code -> name in that language (shown as is, never translated).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}

_STATUS_CONTEXT = "CallStatus"
_STATUS_LABELS = (
    QT_TRANSLATE_NOOP("CallStatus", "Busy"),
    QT_TRANSLATE_NOOP("CallStatus", "Calling CRM user"),
    QT_TRANSLATE_NOOP("CallStatus", "Canceled"),
    QT_TRANSLATE_NOOP("CallStatus", "Completed"),
    QT_TRANSLATE_NOOP("CallStatus", "Connecting"),
    QT_TRANSLATE_NOOP("CallStatus", "Failed"),
    QT_TRANSLATE_NOOP("CallStatus", "On hold"),
    QT_TRANSLATE_NOOP("CallStatus", "In progress"),
    QT_TRANSLATE_NOOP("CallStatus", "Missed"),
    QT_TRANSLATE_NOOP("CallStatus", "No answer"),
    QT_TRANSLATE_NOOP("CallStatus", "Queued"),
    QT_TRANSLATE_NOOP("CallStatus", "Ringing"),
    QT_TRANSLATE_NOOP("CallStatus", "Unknown"),
)

_SYNC_LABELS: dict[str, str] = {
    "local": str(QT_TRANSLATE_NOOP("SyncState", "Not logged")),
    "pending": str(QT_TRANSLATE_NOOP("SyncState", "Pending")),
    "sending": str(QT_TRANSLATE_NOOP("SyncState", "Sending")),
    "logged": str(QT_TRANSLATE_NOOP("SyncState", "Logged")),
    "failed": str(QT_TRANSLATE_NOOP("SyncState", "Failed")),
    "withheld": str(QT_TRANSLATE_NOOP("SyncState", "Withheld, kept here")),
    "needs_number": str(QT_TRANSLATE_NOOP("SyncState", "Needs the called number")),
    "discarded": str(QT_TRANSLATE_NOOP("SyncState", "Discarded")),
}

_DIRECTION_LABELS: dict[str, str] = {
    "INBOUND": str(QT_TRANSLATE_NOOP("Direction", "Inbound")),
    "OUTBOUND": str(QT_TRANSLATE_NOOP("Direction", "Outbound")),
}

_SOURCE_LABELS: dict[str, str] = {
    "webhook": str(QT_TRANSLATE_NOOP("CallSource", "Softphone (webhook)")),
    "cli": str(QT_TRANSLATE_NOOP("CallSource", "Command line")),
    "baresip": str(QT_TRANSLATE_NOOP("CallSource", "baresip")),
    "manual": str(QT_TRANSLATE_NOOP("CallSource", "Logged by hand")),
    "demo": str(QT_TRANSLATE_NOOP("CallSource", "Demo")),
}

_NUMBER_TYPE_LABELS: dict[str, str] = {
    "FIXED_LINE": str(QT_TRANSLATE_NOOP("PhoneNumberType", "fixed line")),
    "FIXED_LINE_OR_MOBILE": str(QT_TRANSLATE_NOOP("PhoneNumberType", "fixed line or mobile")),
    "MOBILE": str(QT_TRANSLATE_NOOP("PhoneNumberType", "mobile")),
    "PAGER": str(QT_TRANSLATE_NOOP("PhoneNumberType", "pager")),
    "PERSONAL_NUMBER": str(QT_TRANSLATE_NOOP("PhoneNumberType", "personal number")),
    "PREMIUM_RATE": str(QT_TRANSLATE_NOOP("PhoneNumberType", "premium rate")),
    "SHARED_COST": str(QT_TRANSLATE_NOOP("PhoneNumberType", "shared cost")),
    "TOLL_FREE": str(QT_TRANSLATE_NOOP("PhoneNumberType", "toll free")),
    "UAN": str(QT_TRANSLATE_NOOP("PhoneNumberType", "universal access number")),
    "UNKNOWN": str(QT_TRANSLATE_NOOP("PhoneNumberType", "unknown type")),
    "VOICEMAIL": str(QT_TRANSLATE_NOOP("PhoneNumberType", "voicemail")),
    "VOIP": str(QT_TRANSLATE_NOOP("PhoneNumberType", "VoIP")),
}

_installed: list[QTranslator] = []


def all_sync_labels() -> list[str]:
    return [QCoreApplication.translate("SyncState", text) for text in _SYNC_LABELS.values()]


def all_direction_labels() -> list[str]:
    return [QCoreApplication.translate("Direction", text) for text in _DIRECTION_LABELS.values()]


def all_status_labels() -> list[str]:
    return [QCoreApplication.translate(_STATUS_CONTEXT, str(text)) for text in _STATUS_LABELS]


def status_label(status: CallStatus) -> str:
    return QCoreApplication.translate(_STATUS_CONTEXT, status.label)


def sync_label(state: SyncState) -> str:
    return QCoreApplication.translate("SyncState", _SYNC_LABELS[state.value])


def direction_label(direction: Direction) -> str:
    return QCoreApplication.translate("Direction", _DIRECTION_LABELS[direction.value])


def number_type_label(kind: PhoneNumberType) -> str:
    return QCoreApplication.translate("PhoneNumberType", _NUMBER_TYPE_LABELS[kind.value])


def source_label(source: CallSource) -> str:
    return QCoreApplication.translate("CallSource", _SOURCE_LABELS[source.value])


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The setting if it names a shipped language, else the system's if shipped, else English."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def install_translations(app: QCoreApplication, setting: str) -> str:
    """Load the app's and Qt's translations for the chosen language; returns its code."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = choose_language(setting)
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    # English is the source text; its file carries only the plural forms ("1 call").
    if ours.load(f"hubcall_{language}", str(translations_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        logger.warning("no translation hubcall_%s.qm in %s", language, translations_dir())
    qt = QTranslator(app)
    if language != "en" and qt.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
