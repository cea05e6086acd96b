"""The wheel: every package listed in pyproject.toml, and the icons and translations inside
(``hubcall_desktop/resources``), where ui/assets.py finds them once installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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
    assert "hubcall_desktop/ui/assets.py" in names
    assert not any(name.startswith("tests/") or name.endswith(".ts") for name in names)


def test_an_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    probe = (
        "import hubcall_desktop\n"
        "from hubcall_desktop.ui.assets import icon_path, resource_dir, translations_dir\n"
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
        ["desktop-file-validate", str(ROOT / "packaging" / "hubcall-desktop.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_appstream_metadata_is_valid() -> None:
    done = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            "--pedantic",
            str(ROOT / "packaging" / "hubcall-desktop.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_desktop_actions_are_real_options() -> None:
    """Each Exec line of the launcher parses as a command line of ours."""
    import argparse
    import shlex

    from hubcall_desktop.cli.global_options import add_global_options

    parser = argparse.ArgumentParser(exit_on_error=False)
    add_global_options(parser)
    lines = (ROOT / "packaging" / "hubcall-desktop.desktop").read_text("utf-8").splitlines()
    execs = [line.removeprefix("Exec=") for line in lines if line.startswith("Exec=")]
    assert "hubcall-desktop --log-call" in execs
    for command in execs:
        program, *words = shlex.split(command)
        assert program == "hubcall-desktop"
        parser.parse_args(words)
