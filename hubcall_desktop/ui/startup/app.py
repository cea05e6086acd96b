"""The desktop app's entry point: the QApplication, the one qasync loop, single instance, wiring.

``run(args)`` is what ``hubcall-desktop`` (no command) and ``hubcall-desktop --demo`` call.
Where no display exists, the demo falls back to the terminal demo and the app says why.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hubcall_desktop import APP_ID
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.ui.startup import qt_guard
from hubcall_desktop.ui.startup.early_settings import EarlySettings, early_settings
from hubcall_desktop.ui.startup.instance_claim import (
    LOG_CALL_MESSAGE,
    SHOW_MESSAGE,
    Claim,
    claim_instance,
)
from hubcall_desktop.ui.startup.options import AppOptions, folder_paths
from hubcall_desktop.ui.startup.qt_source_scan import scan_without_caching

if TYPE_CHECKING:
    from hubcall_desktop.core.settings import Settings
    from hubcall_desktop.storage.paths import AppPaths
    from hubcall_desktop.ui.presenters.controller import AppController
    from hubcall_desktop.ui.startup.single_instance import SingleInstance

logger = logging.getLogger(__name__)

APP_DISPLAY_NAME = "HubCall Desktop"
DESKTOP_FILE = APP_ID  # packaging/org.hubcall.desktop.desktop; the Wayland app id
ALREADY_RUNNING = "HubCall Desktop is already running; its window was brought to the front."
ALREADY_RUNNING_LOG = "HubCall Desktop is already running; it opened the form to log a call."


def has_display(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Whether a window can be shown: always on Windows and macOS; on others, an X11 or
    Wayland display, or a Qt platform chosen explicitly (offscreen for tests)."""
    env = os.environ if environ is None else environ
    if platform.startswith(("win", "darwin")):
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(args: argparse.Namespace) -> int:
    """Open the app (``args.demo``: in demo mode). Returns the process exit code."""
    try:
        return _run(args)
    finally:  # a start that ended before its first paint still writes what it logged
        from hubcall_desktop.services.log_files import open_deferred_log_file

        open_deferred_log_file()


def _run(args: argparse.Namespace) -> int:
    try:
        options = AppOptions.from_args(args)
    except UserError as error:
        print(f"hubcall-desktop: {error.user_message}", file=sys.stderr)
        return 2
    if not has_display():
        if options.demo:
            from hubcall_desktop.services.demo import run_terminal_demo

            print("No display found: running the terminal demo instead.", file=sys.stderr)
            return run_terminal_demo(options.data_dir, options.region)
        print(
            "hubcall-desktop: no display found (DISPLAY/WAYLAND_DISPLAY unset). Start it in "
            "your desktop session, or use the commands (hubcall-desktop --help).",
            file=sys.stderr,
        )
        return 1
    if problem := qt_guard.known_problem():  # before Qt loads: a broken build aborts days later
        print(f"hubcall-desktop: {problem}", file=sys.stderr)
        return qt_guard.EXIT_CODE
    return _run_gui(options)


def _run_gui(options: AppOptions) -> int:
    # Before Qt: the folder, the few settings the window needs, and the single-instance
    # claim, so a second launch wakes the first and exits without loading Qt at all.
    throwaway: Path | None = None
    if options.demo:
        from hubcall_desktop.services.demo_dir import resolve_demo_dir

        folder, is_throwaway = resolve_demo_dir(options.data_dir)
        throwaway = folder if is_throwaway else None
        paths = folder_paths(folder)
    else:
        paths = options.paths()
    early = early_settings(paths.settings)
    claim = claim_instance(paths.data_dir, message=_request(options))
    if claim.other_running:
        print(ALREADY_RUNNING_LOG if options.log_call else ALREADY_RUNNING, file=sys.stderr)
        return 0
    if claim.refusal is not None:  # another app holds the folder but cannot be asked
        print(f"hubcall-desktop: {claim.refusal}", file=sys.stderr)
        return 1
    try:
        return _run_window(options, paths, early, claim, throwaway)
    finally:
        claim.release()  # nothing left to do once Qt took the socket over


def _request(options: AppOptions) -> bytes:
    """What to ask of an app already running on the same folder."""
    return LOG_CALL_MESSAGE if options.log_call else SHOW_MESSAGE


def _run_window(
    options: AppOptions,
    paths: AppPaths,
    early: EarlySettings,
    claim: Claim,
    throwaway: Path | None,
) -> int:
    # Until the window is painted, only what the window needs is imported.
    from PySide6.QtWidgets import QApplication

    scan_without_caching()  # before the app's own modules load: PySide6 scans each of them
    from hubcall_desktop.ui.desktop.assets import icon
    from hubcall_desktop.ui.startup.first_paint import show_and_paint
    from hubcall_desktop.ui.startup.shutdown import Application
    from hubcall_desktop.ui.startup.single_instance import SingleInstance
    from hubcall_desktop.ui.text.i18n import install_translations
    from hubcall_desktop.ui.windows.main_window import MainWindow

    app = QApplication.instance() or Application(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_DISPLAY_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(icon("hubcall"))
    app.setQuitOnLastWindowClosed(False)  # the tray keeps the app; quitting is explicit
    install_translations(app, early.language)

    instance = SingleInstance(claim)
    if instance.notify_running(_request(options)):  # Windows asks only now, through Qt's pipes
        print(ALREADY_RUNNING_LOG if options.log_call else ALREADY_RUNNING, file=sys.stderr)
        return 0
    if not claim.asked:
        instance.listen()  # take the pipe name at once, as the Unix claim did

    window = MainWindow()  # the history model comes right after the paint
    if not early.start_minimised:
        show_and_paint(window)
    from hubcall_desktop.services.log_files import open_deferred_log_file

    open_deferred_log_file()  # held back until the window was painted (cli.main)
    from hubcall_desktop.ui.models.history_model import HistoryModel

    model = HistoryModel(options.region or early.region)
    window.attach_model(model)

    # Painted: now the rest (asyncio, the phone-number library, the desk, ...).
    import asyncio

    import qasync

    from hubcall_desktop.ui.presenters.controller import AppController
    from hubcall_desktop.ui.startup.shutdown import DisplayWatch, add_stop_signals, close_down_fully

    settings, warnings = _settings(paths.settings, options)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    from hubcall_desktop.services.crash_reports import watch_loop

    watch_loop(loop)  # errors no task awaited go to the crash file
    controller = AppController(options, paths, settings, warnings, window=window, model=model)
    controller.boot.throwaway = throwaway
    instance.activated.connect(controller.show_window)
    instance.log_call_requested.connect(controller.open_log_form)
    if options.log_call:
        controller.ready.connect(controller.open_log_form)
    controller.boot_failed.connect(lambda text: _show_boot_failure(controller, text))
    add_stop_signals(loop, controller.quit_now)
    if isinstance(app, Application):
        app.on_quit = controller.quit_now
    display = DisplayWatch()
    display.install()
    with loop:
        if claim.asked:  # the claimed socket, served from the loop; launches queue on it
            loop.call_soon(instance.listen)
        loop.call_soon(controller.start)  # tasks need the running loop
        loop.run_forever()
        # Qt may have ended its loop without us (the session's end, a lost display):
        # finish the close-down all the same, the journal closed last.
        close_down_fully(loop, lambda: _close_down(controller, instance))
    app.shutdown()  # Qt's objects go now, not in random order at interpreter exit
    display.uninstall()
    return 1 if display.lost else 0


async def _close_down(controller: AppController, instance: SingleInstance) -> None:
    from hubcall_desktop.ui.tasks import UI_TASKS

    instance.close()  # from now on a launch is told to wait, not shown a closing window
    await controller.close_down()
    await UI_TASKS.cancel_all()


def _settings(path: Path, options: AppOptions) -> tuple[Settings, list[str]]:
    from hubcall_desktop.storage.settings import load_settings

    settings, warnings = load_settings(path)
    if options.demo and not path.exists():
        from hubcall_desktop.services.demo import demo_settings

        settings = demo_settings(options.region or "DE")
    if options.region:
        settings.region = options.region
    return settings, warnings


def _show_boot_failure(controller: object, text: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from hubcall_desktop.ui.presenters.controller import AppController
    from hubcall_desktop.ui.text.messages import message_text

    assert isinstance(controller, AppController)
    text = message_text(text)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_DISPLAY_NAME, text, parent=controller.window)
    box.setTextFormat(Qt.TextFormat.PlainText)  # paths, the keyring's and HubSpot's words
    box.open()
    controller.window.statusBar().showMessage(text)
