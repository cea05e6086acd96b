"""The wheel: every package listed in pyproject.toml, and the icons and translations inside
(``hubcall_desktop/resources``), where ui/desktop/assets.py finds them once installed. The desktop
entry and AppStream metadata, checked by the tools distributions run, under the one app id.
The bundle itself is built and run in tests/test_bundle.py; the spec's Windows and macOS
parts in tests/test_bundle_spec.py."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESKTOP_FILE = ROOT / "packaging" / "org.hubcall.desktop.desktop"
METAINFO = ROOT / "packaging" / "org.hubcall.desktop.metainfo.xml"
REPOSITORY = "https://github.com/hubcall/hubcall-desktop"
RAW_URL = "https://raw.githubusercontent.com/hubcall/hubcall-desktop/main"


def test_every_package_is_listed() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "hubcall_desktop").rglob("__init__.py")
    }
    assert listed == found | {"hubcall_desktop.resources"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy, so nothing is written into the source tree."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.ts")
    shutil.copytree(ROOT / "hubcall_desktop", source / "hubcall_desktop", ignore=ignore)
    for folder in ("icons", "translations"):
        shutil.copytree(ROOT / "resources" / folder, source / "resources" / folder, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
        check=True,
        timeout=300,
    )
    (built,) = out.glob("hubcall_desktop-*.whl")
    return built


def test_the_wheel_carries_icons_and_translations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    icons = {
        f"hubcall_desktop/resources/icons/{p.name}"
        for p in (ROOT / "resources" / "icons").glob("*.svg")
    }
    translations = {
        f"hubcall_desktop/resources/translations/{p.name}"
        for p in (ROOT / "resources" / "translations").glob("*.qm")
    }
    assert icons and translations
    assert icons | translations <= names
    assert "hubcall_desktop/ui/desktop/assets.py" in names
    assert not any(name.startswith("tests/") or name.endswith(".ts") for name in names)


def test_an_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    probe = (
        "import hubcall_desktop\n"
        "from hubcall_desktop.ui.desktop.assets import icon_path, resource_dir, translations_dir\n"
        "print(hubcall_desktop.__file__)\n"
        "print(resource_dir())\n"
        "print(icon_path('hubcall').is_file(), (translations_dir() / 'hubcall_de.qm').is_file())\n"
    )
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    module, folder, found = done.stdout.splitlines()
    assert Path(module).is_relative_to(tmp_path / "site")
    assert Path(folder) == tmp_path / "site" / "hubcall_desktop" / "resources"
    assert found == "True True"
    assert "resources not found" not in done.stderr


def test_the_desktop_entry_is_valid() -> None:
    """freedesktop.org's own checker, as distributions run it."""
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_appstream_metadata_is_valid() -> None:
    """Not even a pedantic remark, except the one tag that depends on the validator's
    version: <developer> is AppStream 1.0's (0.16, in Debian 12, does not know it)."""
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    remarks = [
        line
        for line in done.stdout.splitlines()
        if re.match(r"[EWIP]: ", line)
        and not re.search(r"unknown-tag developer$|developer-name-tag-deprecated", line)
    ]
    assert remarks == [], done.stdout


def _desktop_entry() -> configparser.ConfigParser:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read_string(DESKTOP_FILE.read_text("utf-8"))
    return entry


def test_one_app_id_names_everything() -> None:
    """The desktop entry's file name, the theme icon, the AppStream id and launchable, the
    Wayland app id, the macOS LaunchAgent and the autostart entry: org.hubcall.desktop."""
    from hubcall_desktop import APP_ID
    from hubcall_desktop.services import autostart

    assert APP_ID == "org.hubcall.desktop"
    # A valid D-Bus name and Flatpak id: 3+ elements, none starting with a digit.
    assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}", APP_ID)
    assert DESKTOP_FILE.name == f"{APP_ID}.desktop"
    assert METAINFO.name == f"{APP_ID}.metainfo.xml"
    entry = _desktop_entry()["Desktop Entry"]
    assert entry["Icon"] == APP_ID
    meta = ElementTree.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert meta.findtext("icon[@type='stock']") == APP_ID
    assert DESKTOP_FILE.name == autostart.ENTRY_NAME
    assert autostart.LAUNCH_AGENT_LABEL == APP_ID
    assert f"Icon={APP_ID}\n" in autostart.entry_text(["hubcall-desktop"])
    app_py = (ROOT / "hubcall_desktop" / "ui" / "startup" / "app.py").read_text("utf-8")
    assert "DESKTOP_FILE = APP_ID" in app_py
    old_names = [p.name for p in (ROOT / "packaging").iterdir() if "hubcall-desktop." in p.name]
    assert old_names == ["hubcall-desktop.spec"]  # the bundle keeps the command's name


def test_both_files_name_the_same_categories() -> None:
    listed = _desktop_entry()["Desktop Entry"]["Categories"].rstrip(";").split(";")
    meta = ElementTree.parse(METAINFO).getroot()
    assert [c.text for c in meta.iterfind("categories/category")] == listed


def test_the_screenshots_are_the_repositorys_own_files() -> None:
    """AppStream wants https URLs: each is the raw URL of a file in resources/screenshots,
    with its real size, and a caption."""
    from PIL import Image

    meta = ElementTree.parse(METAINFO).getroot()
    shots = meta.findall("screenshots/screenshot")
    assert len(shots) >= 3
    assert [s.get("type") for s in shots].count("default") == 1
    for shot in shots:
        assert (shot.findtext("caption") or "").strip()
        image = shot.find("image")
        assert image is not None and image.text
        url = image.text.strip()
        assert url.startswith(f"{RAW_URL}/resources/screenshots/"), url
        local = ROOT / url.removeprefix(f"{RAW_URL}/")
        with Image.open(local) as png:
            assert png.size == (int(image.get("width", 0)), int(image.get("height", 0)))
    for kind in ("homepage", "bugtracker", "vcs-browser"):
        assert (meta.findtext(f"url[@type='{kind}']") or "").startswith(REPOSITORY)
    assert meta.findtext("developer/name") == meta.findtext("developer_name")
    assert meta.find("content_rating[@type='oars-1.1']") is not None
    assert meta.find("releases/release[@version]") is not None


def test_the_desktop_actions_are_real_options() -> None:
    """Each Exec line of the launcher parses as a command line of ours."""
    import argparse
    import shlex

    from hubcall_desktop.cli.global_options import add_global_options

    parser = argparse.ArgumentParser(exit_on_error=False)
    add_global_options(parser)
    lines = DESKTOP_FILE.read_text("utf-8").splitlines()
    execs = [line.removeprefix("Exec=") for line in lines if line.startswith("Exec=")]
    assert "hubcall-desktop --log-call" in execs
    for command in execs:
        program, *words = shlex.split(command)
        assert program == "hubcall-desktop"
        parser.parse_args(words)
