"""Country names come from a small file made from libphonenumber's table, not from the
table itself (about 130 MiB once imported)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import on_ci
from tests.full_phonenumbers import Unavailable, full_package_dir, installed_version

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import sys
from PySide6.QtWidgets import QApplication
from hubcall_desktop.services.demo import demo_settings
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.windows.settings_dialog import SettingsDialog
from hubcall_desktop.ui.windows.setup_guide import SetupGuide
app = QApplication([])
install_translations(app, "de")
dialog = SettingsDialog(demo_settings("DE"), autostart_supported=True)
names = [dialog.region.itemText(i) for i in range(dialog.region.count())]
print("Deutschland (DE)" in names, "phonenumbers.geodata.locale" in sys.modules)
"""


def test_the_shipped_names_are_in_step_with_libphonenumber() -> None:
    """Against the full package's table, of the version installed (which may be the lite
    package, without that table: tests/full_phonenumbers.py)."""
    try:
        folder = full_package_dir()
    except Unavailable as exc:
        if on_ci():
            raise
        pytest.skip(f"the full phonenumbers could not be installed here: {exc}")
    env = dict(os.environ)
    if folder is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(folder), env.get("PYTHONPATH", "")])
    probe = "import phonenumbers.geodata.locale, sys; print(phonenumbers.__version__)"
    seen = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert seen.stdout.strip() == installed_version(), seen.stderr
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "region_names.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_settings_name_countries_without_loading_libphonenumbers_big_table() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False"], done.stdout
