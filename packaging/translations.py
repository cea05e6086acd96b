"""Keep the Qt translations in step with the code.

    python packaging/translations.py update    # collect strings into resources/translations/*.ts
    python packaging/translations.py release   # compile the .ts files into .qm

Both tools ship with PySide6-Essentials (``pyside6-lupdate``, ``pyside6-lrelease``), so
no Qt SDK is needed. Translate the ``.ts`` files with Qt Linguist (``pyside6-linguist``)
or any editor; ``update`` keeps existing translations and marks changed strings.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "hubcall_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")  # en carries only the plural forms of the English source text


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def update() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    for language in LANGUAGES:
        target = TRANSLATIONS / f"hubcall_{language}.ts"
        subprocess.run(  # noqa: S603 - fixed tool, our own file names
            [
                _tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "relative",
                "-target-language",
                language,
                *sources,
                "-ts",
                str(target.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )


def release() -> None:
    for language in LANGUAGES:
        source = TRANSLATIONS / f"hubcall_{language}.ts"
        subprocess.run(  # noqa: S603
            [_tool("pyside6-lrelease"), str(source), "-qm", str(source.with_suffix(".qm"))],
            check=True,
        )


if __name__ == "__main__":
    commands = {"update": update, "release": release}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[sys.argv[1]]()
