"""Starting a call back from the UI: the softphone's command when the settings name one
(an argument list, never a shell: core/call_back.py builds it), else the desktop's
handler for a tel:/sip:/callto: link. Shared by the history's row menu and Missed calls."""

from __future__ import annotations

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices

from hubcall_desktop.core.call_back import call_back_argv, call_back_uri
from hubcall_desktop.core.settings import Settings


def start_call_back(settings: Settings, number: str) -> tuple[bool, str]:
    """Whether the call back started, and what was asked to start it (the program, or
    the link's scheme). Raises ValueError for a command that cannot be read."""
    if settings.call_back_command:
        program, *arguments = call_back_argv(settings.call_back_command, number)
        started, _pid = QProcess.startDetached(program, arguments)
        return bool(started), program
    url = QUrl(call_back_uri(settings.call_back_scheme, number))
    return QDesktopServices.openUrl(url), settings.call_back_scheme
