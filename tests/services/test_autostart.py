"""Start at login on each platform: the XDG autostart entry (quoted as the Desktop Entry
spec says), the macOS LaunchAgent (a plist read back with plistlib) and the Windows Run
value (through a registry stand-in: the real registry exists only on Windows)."""

from __future__ import annotations

import plistlib
import stat
from pathlib import Path

import pytest

from hubcall_desktop.services import autostart

SPACED_PYTHON = "/Applications/Hub Call/python3"
WINDOWS_EXE = r"C:\Program Files\HubCall Desktop\hubcall-desktop.exe"


class DictRegistry:
    """A Run key in a dict: the stand-in for winreg, which cannot run on Linux."""

    def __init__(self, fail_with: OSError | None = None) -> None:
        self.values: dict[str, str] = {}
        self.fail_with = fail_with

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.values[name] = value

    def delete(self, name: str) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.values.pop(name, None)


# -- Linux: XDG autostart -----------------------------------------------------------------


def test_entry_is_written_and_removed(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    where = autostart.set_enabled(True, ["/usr/bin/hubcall-desktop"], env, "linux")
    path = tmp_path / "autostart" / "org.hubcall.desktop.desktop"  # the app id, as the menu's
    assert where == str(path)
    text = path.read_text("utf-8")
    assert "Exec=/usr/bin/hubcall-desktop\n" in text
    assert "Icon=org.hubcall.desktop\n" in text
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert autostart.is_enabled(env, "linux")
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    autostart.set_enabled(False, None, env, "linux")
    assert not path.exists() and not autostart.is_enabled(env, "linux")
    autostart.set_enabled(False, None, env, "linux")  # removing twice is fine


@pytest.mark.parametrize("enabled", [True, False])
def test_the_entry_of_older_versions_is_removed(tmp_path: Path, enabled: bool) -> None:
    """Before the app id, the entry was hubcall-desktop.desktop: left behind, it would
    start the app twice, or keep starting it after the setting was turned off."""
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    legacy = tmp_path / "autostart" / "hubcall-desktop.desktop"
    legacy.parent.mkdir()
    legacy.write_text("[Desktop Entry]\nType=Application\nExec=/old/hubcall-desktop\n")
    assert autostart.is_enabled(env, "linux")  # what an upgraded app finds: it is on

    autostart.set_enabled(enabled, ["/usr/bin/hubcall-desktop"], env, "linux")

    assert not legacy.exists()
    assert [p.name for p in legacy.parent.iterdir()] == (
        ["org.hubcall.desktop.desktop"] if enabled else []
    )
    assert autostart.is_enabled(env, "linux") is enabled


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["/opt/hub call/python3", "-m", "hubcall_desktop"],
            '"/opt/hub call/python3" -m hubcall_desktop',
        ),
        (['/a"b/x'], '"/a\\\\"b/x"'),
        (["/x/$HOME"], '"/x/\\\\$HOME"'),
        (["/x/100%"], "/x/100%%"),
        ([""], '""'),
    ],
)
def test_exec_arguments_are_quoted(argv: list[str], expected: str) -> None:
    assert autostart.exec_line(argv) == expected


def test_unwritable_folder_is_a_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(autostart.ConfigurationError, match="Could not write the autostart entry"):
        autostart.set_enabled(True, ["x"], {"XDG_CONFIG_HOME": str(blocker)}, "linux")


# -- macOS: a LaunchAgent -----------------------------------------------------------------


def test_launch_agent_is_written_read_back_and_removed(tmp_path: Path) -> None:
    argv = [SPACED_PYTHON, "-m", "hubcall_desktop"]
    config = tmp_path / "xdg"
    env = {"XDG_CONFIG_HOME": str(config)}

    where = autostart.set_enabled(True, argv, env, "darwin", home=tmp_path)

    path = tmp_path / "Library" / "LaunchAgents" / "org.hubcall.desktop.plist"
    assert where == str(path)
    with path.open("rb") as handle:
        agent = plistlib.load(handle, fmt=plistlib.FMT_XML)
    assert agent["Label"] == "org.hubcall.desktop" == path.stem
    assert agent["ProgramArguments"] == argv  # an argv array: the space needs no quoting
    assert agent["RunAtLoad"] is True
    assert "KeepAlive" not in agent  # once at login; quitting the app must stay quit
    assert autostart.is_enabled(env, "darwin", home=tmp_path)
    assert not config.exists()  # nothing XDG on a Mac

    autostart.set_enabled(False, None, env, "darwin", home=tmp_path)
    assert not path.exists() and not autostart.is_enabled(env, "darwin", home=tmp_path)
    autostart.set_enabled(False, None, env, "darwin", home=tmp_path)


def test_launch_agent_is_replaced_when_the_app_moved(tmp_path: Path) -> None:
    autostart.set_enabled(True, ["/old/hubcall-desktop"], {}, "darwin", home=tmp_path)
    autostart.set_enabled(True, ["/new/hubcall-desktop"], {}, "darwin", home=tmp_path)
    agent = plistlib.loads(autostart.launch_agent_file(tmp_path).read_bytes())
    assert agent["ProgramArguments"] == ["/new/hubcall-desktop"]


def test_unwritable_launch_agents_folder_is_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "Library").write_text("not a folder")
    with pytest.raises(autostart.ConfigurationError, match="Could not write the LaunchAgent"):
        autostart.set_enabled(True, ["x"], {}, "darwin", home=tmp_path)


# -- Windows: the Run key -----------------------------------------------------------------


def test_run_value_is_set_with_a_quoted_exe_and_deleted() -> None:
    registry = DictRegistry()

    where = autostart.set_enabled(True, [WINDOWS_EXE], {}, "win32", registry=registry)

    assert where == (
        r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\HubCall Desktop"
    )
    assert registry.values == {"HubCall Desktop": f'"{WINDOWS_EXE}"'}
    assert autostart.is_enabled({}, "win32", registry=registry)
    autostart.set_enabled(False, None, {}, "win32", registry=registry)
    assert registry.values == {} and not autostart.is_enabled({}, "win32", registry=registry)
    autostart.set_enabled(False, None, {}, "win32", registry=registry)  # twice is fine


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([r"C:\Python311\python.exe"], r'"C:\Python311\python.exe"'),
        (
            [r"C:\Python 3.11\pythonw.exe", "-m", "hubcall_desktop"],
            r'"C:\Python 3.11\pythonw.exe" -m hubcall_desktop',
        ),
        (
            [WINDOWS_EXE, "--data-dir", r"C:\Users\Ann Lee\hub call"],
            rf'"{WINDOWS_EXE}" --data-dir "C:\Users\Ann Lee\hub call"',
        ),
        # A backslash before the closing quote is doubled, or it would escape the quote.
        (
            [WINDOWS_EXE, "--data-dir", "C:\\my data\\"],
            rf'"{WINDOWS_EXE}" --data-dir "C:\my data\\"',
        ),
        ([WINDOWS_EXE, 'say "hi"'], rf'"{WINDOWS_EXE}" "say \"hi\""'),
    ],
)
def test_windows_command_line_is_quoted(argv: list[str], expected: str) -> None:
    assert autostart.windows_command_line(argv) == expected


def test_a_quote_in_the_program_path_is_refused() -> None:
    registry = DictRegistry()
    with pytest.raises(autostart.ConfigurationError, match="cannot contain a quote"):
        autostart.set_enabled(True, ['C:\\a"b\\x.exe'], {}, "win32", registry=registry)
    assert registry.values == {}


def test_a_registry_error_is_a_sentence() -> None:
    registry = DictRegistry(fail_with=PermissionError(5, "Access is denied"))
    with pytest.raises(autostart.ConfigurationError, match="Could not change the registry"):
        autostart.set_enabled(True, [WINDOWS_EXE], {}, "win32", registry=registry)


def test_without_windows_there_is_no_real_registry() -> None:
    with pytest.raises(autostart.AutostartUnsupported, match="only there on Windows"):
        autostart.set_enabled(True, [WINDOWS_EXE], {}, "win32")


# -- every platform ---------------------------------------------------------------------


@pytest.mark.parametrize("platform", ["linux", "freebsd14", "darwin", "win32"])
def test_the_known_platforms_are_supported(platform: str) -> None:
    assert autostart.unsupported_reason(platform) is None


@pytest.mark.parametrize("platform", ["cygwin", "aix", "emscripten"])
def test_other_platforms_say_it_is_not_supported(tmp_path: Path, platform: str) -> None:
    assert autostart.unsupported_reason(platform) is not None
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    with pytest.raises(autostart.AutostartUnsupported, match="not supported"):
        autostart.set_enabled(True, ["x"], env, platform, home=tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert not autostart.is_enabled(env, platform, home=tmp_path)


def test_launch_command_prefers_the_frozen_app_then_the_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "hubcall-desktop"
    script.write_text("#!/bin/sh\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert autostart.launch_command("/app/hubcall-desktop", frozen=True) == ["/app/hubcall-desktop"]
    assert autostart.launch_command("/usr/bin/python3", frozen=False) == [str(script)]
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert autostart.launch_command("/usr/bin/python3", frozen=False) == [
        "/usr/bin/python3",
        "-m",
        "hubcall_desktop",
    ]


def test_the_default_command_is_used_when_none_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no installed script on this PATH
    autostart.set_enabled(True, None, {}, "darwin", home=tmp_path)
    agent = plistlib.loads(autostart.launch_agent_file(tmp_path).read_bytes())
    assert agent["ProgramArguments"] == autostart.launch_command()
    assert agent["ProgramArguments"][1:] == ["-m", "hubcall_desktop"]


def test_an_appimage_starts_its_file_not_its_mount(tmp_path: Path) -> None:
    """The AppImage runtime runs the app from a temporary mount (/tmp/.mount_...) that is
    gone after a restart, and says where the .AppImage file is in $APPIMAGE."""
    image = "/home/ann/Apps/HubCall Desktop-x86_64.AppImage"
    env = {"APPIMAGE": image, "XDG_CONFIG_HOME": str(tmp_path)}
    mounted = "/tmp/.mount_HubCalXyz/usr/bin/hubcall-desktop"
    assert autostart.launch_command(mounted, frozen=True, environ=env, platform="linux") == [image]
    assert autostart.launch_command(mounted, frozen=True, environ={}, platform="linux") == [mounted]
    autostart.set_enabled(True, autostart.launch_command(mounted, True, env, "linux"), env)
    text = (tmp_path / "autostart" / "org.hubcall.desktop.desktop").read_text("utf-8")
    assert 'Exec="/home/ann/Apps/HubCall Desktop-x86_64.AppImage"\n' in text


def test_windows_starts_the_windowed_executable_at_login(tmp_path: Path) -> None:
    """A frozen build on Windows has a console executable and a windowed one beside it
    (packaging/hubcall-desktop.spec); at login no console window may open."""
    console = tmp_path / "hubcall-desktop.exe"
    console.write_bytes(b"MZ")
    assert autostart.launch_command(str(console), frozen=True, environ={}, platform="win32") == [
        str(console)
    ]  # an older build without the windowed one
    windowed = tmp_path / "hubcall-desktop-gui.exe"
    windowed.write_bytes(b"MZ")
    assert autostart.launch_command(str(console), frozen=True, environ={}, platform="win32") == [
        str(windowed)
    ]
    assert autostart.launch_command(str(console), frozen=True, environ={}, platform="linux") == [
        str(console)
    ]
