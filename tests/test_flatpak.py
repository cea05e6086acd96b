"""The Flatpak manifest, checked offline: flatpak-builder itself reads it (``--show-manifest``
parses it and the modules it includes, without the network or any runtime), then what it says
is held against the app: the id, the runtime and base app, the command, the permissions the
app needs (and no more), the files it installs, and the Python modules' requirements in step
with pyproject.toml."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from hubcall_desktop import APP_ID

ROOT = Path(__file__).resolve().parents[1]
FLATPAK = ROOT / "packaging" / "flatpak"
MANIFEST = FLATPAK / f"{APP_ID}.yml"
GENERATED = "python3-requirements.json"  # flatpak-pip-generator's output (README.md there)


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The manifest as flatpak-builder reads it. The pip module is generated with the
    network (packaging/flatpak/README.md); where it is absent, an empty module of the same
    name stands in, so flatpak-builder can read the rest."""
    builder = shutil.which("flatpak-builder")
    assert builder, "flatpak-builder is missing (Debian package flatpak-builder)"
    folder = tmp_path_factory.mktemp("flatpak") / "packaging" / "flatpak"
    shutil.copytree(FLATPAK, folder)
    if not (folder / GENERATED).exists():
        (folder / GENERATED).write_text(json.dumps({"name": "python3-requirements"}))
    done = subprocess.run(
        [builder, "--show-manifest", str(folder / MANIFEST.name)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=folder,  # flatpak-builder makes its .flatpak-builder/ state folder here
    )
    assert done.returncode == 0, done.stderr
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def test_the_app_id_runtime_and_base_app(manifest: dict[str, Any]) -> None:
    assert manifest["id"] == APP_ID
    assert manifest["runtime"] == "org.kde.Platform"
    assert manifest["sdk"] == "org.kde.Sdk"
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["base-version"] == manifest["runtime-version"]  # one Qt series
    assert "/app/cleanup-BaseApp.sh" in manifest["cleanup-commands"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert manifest["command"] in scripts


def test_the_sandbox_allows_what_the_app_uses_and_no_more(manifest: dict[str, Any]) -> None:
    args = manifest["finish-args"]
    talk = {a.removeprefix("--talk-name=") for a in args if a.startswith("--talk-name=")}
    assert talk == {
        "org.freedesktop.secrets",  # the keyring
        "org.freedesktop.Notifications",
        "org.kde.StatusNotifierWatcher",  # the tray
    }
    assert "--share=network" in args  # HubSpot, and the loopback webhook the host calls
    assert {"--socket=wayland", "--socket=fallback-x11"} <= set(args)
    # Start at login is the Background portal's: nothing may reach the host's autostart
    # folder, or any other file system path, from inside.
    assert not [a for a in args if a.startswith(("--filesystem", "--own-name", "--socket=x11"))]


def test_the_app_installs_its_files_under_the_app_id(manifest: dict[str, Any]) -> None:
    app = next(m for m in manifest["modules"] if m.get("name") == "hubcall-desktop")
    commands = app["build-commands"]
    assert any(c.startswith("pip3 install") and "--no-deps" in c for c in commands)
    installed = {}
    for command in commands:
        if command.startswith("install "):
            *_, source, target = command.split()
            installed[target.replace("${FLATPAK_DEST}", "/app")] = source
    assert installed == {
        f"/app/share/applications/{APP_ID}.desktop": f"packaging/{APP_ID}.desktop",
        f"/app/share/metainfo/{APP_ID}.metainfo.xml": f"packaging/{APP_ID}.metainfo.xml",
        f"/app/share/icons/hicolor/scalable/apps/{APP_ID}.svg": "resources/icons/hubcall.svg",
    }
    for source in installed.values():
        assert (ROOT / source).is_file(), source
    (tree,) = app["sources"]
    assert (MANIFEST.parent / tree["path"]).resolve() == ROOT
    assert ".venv" in tree["skip"]


def test_the_pip_modules_are_generated_from_pyprojects_requirements() -> None:
    """requirements.txt is pyproject's runtime dependencies for Linux, less PySide6 (the
    base app's). The generated module, where present, is flatpak-pip-generator's."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "dependencies"
    ]
    on_linux = {"sys_platform": "linux", "platform_system": "Linux", "python_version": "3.12"}
    expected = set()
    for line in declared:
        requirement = Requirement(line)
        if requirement.name.lower().startswith("pyside6"):
            continue
        if requirement.marker is None or requirement.marker.evaluate(on_linux):
            requirement.marker = None
            expected.add(str(requirement))
    listed = {
        str(Requirement(line))
        for line in (FLATPAK / "requirements.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert listed == expected
    generated = FLATPAK / GENERATED
    if generated.exists():  # committed with a release
        module = json.loads(generated.read_text("utf-8"))
        text = json.dumps(module)
        for requirement in expected:
            assert re.search(re.escape(Requirement(requirement).name), text, re.IGNORECASE)


def test_the_manifest_names_its_generator_and_steps() -> None:
    readme = (FLATPAK / "README.md").read_text("utf-8")
    assert "flatpak-pip-generator" in readme
    assert f"--output={GENERATED.removesuffix('.json')}" in readme
    assert f"flatpak run {APP_ID}" in readme
