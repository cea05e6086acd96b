"""PySide6's per-module source scan, answered without keeping the source in linecache."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import types
import zipfile
import zipimport
from pathlib import Path

from hubcall_desktop.ui.startup.qt_source_scan import uses_pyside


def _module_from(path: Path, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = str(path)
    return module


def test_a_source_file_that_mentions_pyside6_uses_it(tmp_path: Path) -> None:
    (tmp_path / "qt_user.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "plain.py").write_text(
        "import json  # PySide2, not the one Qt 6 uses\n", encoding="utf-8"
    )
    assert uses_pyside(_module_from(tmp_path / "qt_user.py", "qt_user"))
    assert not uses_pyside(_module_from(tmp_path / "plain.py", "plain"))


def test_modules_without_a_source_file_do_not() -> None:
    assert not uses_pyside(sys)  # built in
    assert not uses_pyside(types.ModuleType("made_in_memory"))
    assert not uses_pyside(_module_from(Path("/nowhere/compiled.cpython-311.so"), "compiled"))


def test_a_module_in_a_zip_archive_is_read_through_its_loader(tmp_path: Path) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("zipped_qt.py", "import PySide6\n")
        bundle.writestr("zipped_plain.py", "import json\n")
    importer = zipimport.zipimporter(str(archive))
    for name, expected in (("zipped_qt", True), ("zipped_plain", False)):
        module = _module_from(archive / f"{name}.py", name)
        module.__loader__ = importer
        assert uses_pyside(module) is expected


PROBE = textwrap.dedent(
    """
    import json, linecache, sys
    sys.path.insert(0, sys.argv[1])
    from hubcall_desktop.ui.startup.qt_source_scan import scan_without_caching, uses_pyside
    import PySide6.QtCore
    replaced = scan_without_caching()
    feature = sys.modules["PySide6.support.feature"]
    import later_plain, later_qt, later_snake
    print(json.dumps({
        "replaced": replaced,
        "in_place": feature._mod_uses_pyside is uses_pyside,
        "cached": [f for f in linecache.cache if f.startswith(sys.argv[1])],
        "flags": [feature.pyside_feature_dict.get(n) for n in ("later_plain", "later_qt")],
        "camel": later_qt.NAME,
        "snake": later_snake.NAME,
    }))
    """
)


def test_pyside6_scans_later_modules_without_caching_and_features_still_work(
    tmp_path: Path,
) -> None:
    """In a fresh process: the scan is replaced, a module imported afterwards leaves no
    lines in linecache, PySide6 still tells modules that use it from others, and a module
    that asks for a ``__feature__`` (snake_case) still gets it."""
    (tmp_path / "later_plain.py").write_text("NAME = 'plain'\n", encoding="utf-8")
    (tmp_path / "later_qt.py").write_text(
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\no.setObjectName('camel')\nNAME = o.objectName()\n",
        encoding="utf-8",
    )
    (tmp_path / "later_snake.py").write_text(
        "from PySide6.QtCore import QObject\nfrom __feature__ import snake_case\n"
        "o = QObject()\no.set_object_name('snake')\nNAME = o.object_name()\n",
        encoding="utf-8",
    )
    repo = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=repo,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["replaced"] and result["in_place"]
    assert result["cached"] == []
    assert result["flags"] == [-1, 0]  # -1: ignored by feature switching; 0: uses PySide6
    assert (result["camel"], result["snake"]) == ("camel", "snake")
