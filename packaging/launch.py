"""The frozen app's entry point (PyInstaller runs a script, not a console_scripts entry)."""

import os
import sys

from hubcall_desktop.cli.main import main

if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
    # The bootloader puts the bundle's folder on LD_LIBRARY_PATH (keeping the user's value
    # in LD_LIBRARY_PATH_ORIG). Programs we start (xdg-open and the browser, for "Open in
    # HubSpot" and OAuth) would load our copies of glib, GTK or libstdc++ instead of the
    # system's and may fail. The loader read the variable at start-up, so this process
    # keeps finding its libraries. See PyInstaller's "Run-time Information",
    # "LD_LIBRARY_PATH / LIBPATH considerations".
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original

if sys.stdout is None or sys.stderr is None:
    # A windowed executable (Windows' hubcall-desktop-gui.exe, the macOS .app) has no
    # console: PyInstaller leaves both None, and faulthandler or a library writing to
    # them would fail. The log file has what they would have said.
    sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the app)
    sys.stdout = sys.stdout or sink
    sys.stderr = sys.stderr or sink

raise SystemExit(main())
