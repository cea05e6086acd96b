"""The spec's Windows and macOS parts, which cannot be built here: the spec is run as
PyInstaller runs it (its globals, real hooks, real icon drawing) with sys.platform set to
each system and stand-ins for PyInstaller's build targets that record what they are given.

Checked: the executables' names and console flags (Windows: a windowed one beside the
console one; macOS: the windowed one first, so it is the .app's main executable), the
icons (a real .ico and .icns drawn from the SVG), the BUNDLE's identifier and Info.plist,
and that every keyword given is one PyInstaller's EXE or BUNDLE reads (it ignores unknown
ones silently).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import PyInstaller.building.api
import PyInstaller.building.osx
import PyInstaller.utils.hooks
import pytest
from PIL import Image

from hubcall_desktop import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "hubcall-desktop.spec"


def _keywords(module: Any) -> set[str]:
    """The keyword arguments a PyInstaller module reads (``kwargs.get('name'``)."""
    source = Path(module.__file__).read_text("utf-8")
    return set(re.findall(r"kwargs\.get\(['\"](\w+)['\"]", source))


class Recorder:
    def __init__(self) -> None:
        self.calls: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}

    def target(self, kind: str) -> Any:
        recorder = self

        class Target:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                recorder.calls.setdefault(kind, []).append((args, kwargs))
                self.args, self.kwargs = args, kwargs
                self.name = kwargs.get("name")
                self.scripts = self.binaries = self.datas = self.pure = [f"{kind}-toc"]

        Target.__name__ = kind
        return Target


@pytest.fixture(autouse=True)
def _the_sessions_application(qapp: Any) -> None:
    """The spec draws icons with Qt (packaging/icons.py), which makes a QGuiApplication
    when none exists; that one would stay for every later test in the session, where the
    Qt tests need a QApplication. So the session's own QApplication is there first."""


def run_spec(platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "icons", raising=False)
    monkeypatch.setattr(sys, "platform", platform)
    spec_globals = {
        "__name__": "__main__",
        "__file__": str(SPEC),
        "SPECPATH": str(SPEC.parent),
        "workpath": str(tmp_path / "work"),
        **{k: recorder.target(k) for k in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    exec(compile(SPEC.read_text("utf-8"), str(SPEC), "exec"), spec_globals)
    return recorder


def _exes(recorder: Recorder) -> list[dict[str, Any]]:
    return [kwargs for _args, kwargs in recorder.calls["EXE"]]


def test_linux_builds_the_console_executable_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = run_spec("linux", tmp_path, monkeypatch)
    ((exe),) = _exes(recorder)
    assert (exe["name"], exe["console"], exe["icon"]) == ("hubcall-desktop", True, None)
    ((_args, collect),) = recorder.calls["COLLECT"]
    assert collect["name"] == "hubcall-desktop"
    assert "BUNDLE" not in recorder.calls


def test_windows_has_a_windowed_executable_beside_the_console_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = run_spec("win32", tmp_path, monkeypatch)
    exes = _exes(recorder)
    assert {(e["name"], e["console"]) for e in exes} == {
        ("hubcall-desktop-gui", False),
        ("hubcall-desktop", True),
    }
    for exe in exes:
        assert exe["exclude_binaries"] is True  # one folder, shared by both
        assert set(exe) <= _keywords(PyInstaller.building.api), set(exe)
        with Image.open(exe["icon"]) as ico:
            assert ico.format == "ICO"
            assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= ico.info["sizes"]
    ((args, _kwargs),) = recorder.calls["COLLECT"]
    assert [a.name for a in args[:2]] == ["hubcall-desktop-gui", "hubcall-desktop"]
    assert "BUNDLE" not in recorder.calls


def test_macos_gets_an_app_with_its_icon_and_the_app_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = run_spec("darwin", tmp_path, monkeypatch)
    # BUNDLE takes the first executable of the COLLECT as the .app's main one.
    ((collect_args, _),) = recorder.calls["COLLECT"]
    main = collect_args[0].kwargs
    assert (main["name"], main["console"]) == ("hubcall-desktop-gui", False)
    assert {e["name"] for e in _exes(recorder)} == {"hubcall-desktop-gui", "hubcall-desktop"}
    ((bundle_args, bundle),) = recorder.calls["BUNDLE"]
    assert bundle_args[0].kwargs["name"] == "hubcall-desktop"  # the COLLECT
    assert set(bundle) <= _keywords(PyInstaller.building.osx), set(bundle)
    assert bundle["name"] == "HubCall Desktop.app"
    assert bundle["bundle_identifier"] == APP_ID
    assert bundle["version"] == __version__
    plist = bundle["info_plist"]
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["NSHighResolutionCapable"] is True
    with Image.open(bundle["icon"]) as icns:
        assert icns.format == "ICNS"
        assert (512, 512, 2) in icns.info["sizes"]  # the 1024 px Retina icon
