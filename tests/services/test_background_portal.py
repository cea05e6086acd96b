"""Start at login inside a Flatpak: the app detects the sandbox and asks the Background
portal over a real D-Bus session bus (a private dbus-daemon started here), where a small
stand-in portal answers as xdg-desktop-portal does: the method's reply names a request
object, and the answer comes as that object's Response signal."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, HeaderFields, MessageType, message_bus, new_signal
from jeepney.io.blocking import DBusConnection, Proxy, open_dbus_connection
from jeepney.low_level import Message
from jeepney.wrappers import new_error, new_method_return

from hubcall_desktop.services import autostart, background_portal

FLATPAK_INFO = "[Application]\nname=org.hubcall.desktop\nruntime=runtime/org.kde.Platform\n"


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    """A private session bus of its own (never the desktop's); its address."""
    daemon = shutil.which("dbus-daemon")
    assert daemon, "dbus-daemon is missing (Debian package dbus-daemon)"
    with subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1", f"--address=unix:dir={tmp_path}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # "Failed to set fd limit" when not root: harmless
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            yield process.stdout.readline().strip()
        finally:
            process.terminate()
            process.wait(timeout=10)


@dataclass
class StandInPortal:
    """org.freedesktop.portal.Desktop's Background interface, answering as told."""

    address: str
    code: int = 0  # the Response's code: 0 granted, 1 cancelled, 2 refused
    grant: bool = True  # what "autostart" says in the Response's results
    fail: bool = False  # answer the call with a D-Bus error instead
    calls: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)

    def serve(self) -> None:
        with open_dbus_connection(bus=self.address) as conn:
            Proxy(message_bus, conn).RequestName(background_portal.PORTAL_BUS_NAME)
            self.ready.set()
            while not self.stop.is_set():
                try:
                    message = conn.receive(timeout=0.2)
                except TimeoutError:
                    continue
                if message.header.message_type == MessageType.method_call:
                    self._answer(conn, message)

    def _answer(self, conn: DBusConnection, call: Message) -> None:
        fields = call.header.fields
        if (fields.get(HeaderFields.interface), fields.get(HeaderFields.member)) != (
            background_portal.BACKGROUND_INTERFACE,
            "RequestBackground",
        ):
            conn.send(new_error(call, "org.freedesktop.DBus.Error.UnknownMethod"))
            return
        parent, options = call.body
        sender = str(fields[HeaderFields.sender])
        self.calls.append((sender, parent, options))
        if self.fail:
            conn.send(new_error(call, "org.freedesktop.DBus.Error.AccessDenied", "s", ("no",)))
            return
        token = options["handle_token"][1]
        handle = f"{background_portal.REQUEST_PATH_PREFIX}{sender[1:].replace('.', '_')}/{token}"
        conn.send(new_method_return(call, "o", (handle,)))
        request = DBusAddress(handle, interface=background_portal.REQUEST_INTERFACE)
        # As xdg-desktop-portal: "autostart" is the state it left, not what was asked.
        granted = self.grant and bool(options["autostart"][1])
        results = {"background": ("b", True), "autostart": ("b", granted)}
        conn.send(new_signal(request, "Response", "ua{sv}", (self.code, results)))


@pytest.fixture
def portal(session_bus: str) -> Iterator[StandInPortal]:
    stand_in = StandInPortal(session_bus)
    thread = threading.Thread(target=stand_in.serve, name="stand-in-portal", daemon=True)
    thread.start()
    assert stand_in.ready.wait(30)
    yield stand_in
    stand_in.stop.set()
    thread.join(10)


@pytest.fixture
def flatpak_info(tmp_path: Path) -> Path:
    info = tmp_path / "flatpak-info"
    info.write_text(FLATPAK_INFO)
    return info


def test_the_sandbox_is_detected_by_its_info_file(tmp_path: Path, flatpak_info: Path) -> None:
    assert background_portal.in_flatpak(flatpak_info)
    assert background_portal.flatpak_app_id(flatpak_info) == "org.hubcall.desktop"
    assert not background_portal.in_flatpak(tmp_path / "absent")
    assert background_portal.flatpak_app_id(tmp_path / "absent") is None


def test_in_flatpak_start_at_login_is_asked_of_the_portal(
    tmp_path: Path, flatpak_info: Path, portal: StandInPortal
) -> None:
    config = tmp_path / "config"
    env = {"XDG_CONFIG_HOME": str(config)}
    argv = ["/app/bin/hubcall-desktop"]

    where = autostart.set_enabled(
        True, argv, env, "linux", flatpak_info=flatpak_info, portal_bus=portal.address
    )

    assert where == "org.freedesktop.portal.Background"
    ((sender, parent, options),) = portal.calls
    assert sender.startswith(":") and parent == ""
    assert options["autostart"] == ("b", True)
    assert options["commandline"] == ("as", argv)
    assert options["dblaunchable"] == ("b", False)
    assert options["reason"][0] == "s" and "login" in options["reason"][1]
    assert options["handle_token"][0] == "s"
    # Nothing written where the sandbox's session would never read it.
    assert not (config / "autostart").exists()
    assert autostart.is_enabled(env, "linux", flatpak_info=flatpak_info)

    autostart.set_enabled(
        False, argv, env, "linux", flatpak_info=flatpak_info, portal_bus=portal.address
    )
    assert portal.calls[1][2]["autostart"] == ("b", False)
    assert not autostart.is_enabled(env, "linux", flatpak_info=flatpak_info)
    assert not (config / "autostart").exists()


@pytest.mark.parametrize(("code", "grant"), [(0, False), (1, False), (2, False)])
def test_a_refusal_says_where_to_allow_it(
    tmp_path: Path, flatpak_info: Path, portal: StandInPortal, code: int, grant: bool
) -> None:
    portal.code, portal.grant = code, grant
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    with pytest.raises(autostart.ConfigurationError) as refused:
        autostart.set_enabled(
            True, ["x"], env, "linux", flatpak_info=flatpak_info, portal_bus=portal.address
        )
    assert refused.value.user_message.startswith(
        "The system did not allow HubCall Desktop to start at login."
    )
    assert not autostart.is_enabled(env, "linux", flatpak_info=flatpak_info)


def test_a_portal_error_is_a_sentence(
    tmp_path: Path, flatpak_info: Path, portal: StandInPortal
) -> None:
    portal.fail = True
    with pytest.raises(autostart.ConfigurationError, match="Could not ask the system"):
        autostart.set_enabled(
            True,
            ["x"],
            {"XDG_CONFIG_HOME": str(tmp_path)},
            "linux",
            flatpak_info=flatpak_info,
            portal_bus=portal.address,
        )


def test_no_portal_on_the_bus_is_a_sentence(
    tmp_path: Path, flatpak_info: Path, session_bus: str
) -> None:
    with pytest.raises(autostart.ConfigurationError, match="Could not ask the system"):
        autostart.set_enabled(
            True,
            ["x"],
            {"XDG_CONFIG_HOME": str(tmp_path)},
            "linux",
            flatpak_info=flatpak_info,
            portal_bus=session_bus,
        )
