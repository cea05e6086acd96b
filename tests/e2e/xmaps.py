"""When top-level windows appear on an X display, seen from outside the app.

A watcher opens its own connection to the X server, asks for the root window's
SubstructureNotify events and records every MapNotify / UnmapNotify of a top-level window
with its title and the moment it was read (``time.monotonic``, so it compares with the
driver's own clock). This is how the soak benchmark times "webhook POST → pop-up on
screen" and "start → main window on screen" without touching the app.

ctypes over libX11 because no X binding is installed (python-xlib is not a dependency)
and ``xdotool search --sync`` polls every half second, too coarse for these figures.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)

MAP_NOTIFY = 19
UNMAP_NOTIFY = 18
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


class _MapEvent(ctypes.Structure):
    # XMapEvent and XUnmapEvent share this layout (the last field differs in name only).
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("flag", ctypes.c_int),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", _MapEvent), ("pad", ctypes.c_long * 24)]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


@_ERROR_HANDLER
def _ignore_x_errors(_display: int | None, _event: int | None) -> int:
    # A window can be destroyed between its MapNotify and our XFetchName: Xlib's default
    # handler would end this whole process for that BadWindow.
    return 0


@dataclass(frozen=True, slots=True)
class WindowEvent:
    at: float  # time.monotonic() when the event was read
    window: int
    title: str
    mapped: bool


class MapWatcher:
    """Records top-level map and unmap events of one display in a background thread."""

    def __init__(self, display: str) -> None:
        x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
        x11.XPending.argtypes = [ctypes.c_void_p]
        x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
        x11.XFetchName.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_char_p),
        ]
        x11.XFree.argtypes = [ctypes.c_void_p]
        x11.XFlush.argtypes = [ctypes.c_void_p]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x11.XSetErrorHandler(_ignore_x_errors)
        self._x11 = x11
        self._display = x11.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")
        x11.XSelectInput(
            self._display, x11.XDefaultRootWindow(self._display), SUBSTRUCTURE_NOTIFY_MASK
        )
        x11.XFlush(self._display)
        self._events: list[WindowEvent] = []
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="x-map-watcher", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        x11, display = self._x11, self._display
        fd = x11.XConnectionNumber(display)
        event = _XEvent()
        while not self._stop.is_set():
            if not x11.XPending(display):
                select.select([fd], [], [], 0.05)
                continue
            x11.XNextEvent(display, ctypes.byref(event))
            read_at = time.monotonic()
            if event.type not in (MAP_NOTIFY, UNMAP_NOTIFY):
                continue
            window = int(event.xmap.window)
            record = WindowEvent(read_at, window, self._title(window), event.type == MAP_NOTIFY)
            with self._changed:
                self._events.append(record)
                self._changed.notify_all()

    def _title(self, window: int) -> str:
        name = ctypes.c_char_p()
        if not self._x11.XFetchName(self._display, window, ctypes.byref(name)) or not name.value:
            return ""
        title = name.value.decode("utf-8", "replace")
        self._x11.XFree(name)
        return title

    def events(self) -> list[WindowEvent]:
        with self._changed:
            return list(self._events)

    def wait_for(
        self,
        title: str | None = None,
        *,
        after: float,
        mapped: bool = True,
        window: int | None = None,
        timeout: float = 30.0,
    ) -> WindowEvent | None:
        """The first event read at or after ``after`` (monotonic seconds) of a window
        called ``title`` (any, if ``None``) and numbered ``window`` (any, if ``None``);
        ``None`` if none came within ``timeout`` (a hang guard, not a measurement)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for record in self._events:
                    if (
                        record.at >= after
                        and record.mapped is mapped
                        and title in (None, record.title)
                        and window in (None, record.window)
                    ):
                        return record
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._changed.wait(left)

    def wait_until(
        self, check: Callable[[list[WindowEvent]], bool], *, timeout: float = 30.0
    ) -> bool:
        """Wait until ``check(events so far)`` holds; False after ``timeout`` (a guard)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not check(self._events):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        if not self._thread.is_alive():
            self._x11.XCloseDisplay(self._display)


def shown(events: list[WindowEvent], title: str) -> set[int]:
    """The windows called ``title`` that are mapped after ``events``."""
    mapped: set[int] = set()
    for event in events:
        if event.mapped and event.title == title:
            mapped.add(event.window)
        elif not event.mapped:
            mapped.discard(event.window)
    return mapped
