"""The README's dependency table names every runtime dependency of pyproject.toml, each with
its reason, and nothing that is not one."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return {canonicalize_name(Requirement(line).name) for line in project["dependencies"]}


def tabled() -> dict[str, str]:
    """The table under "## Dependencies": package name (a platform note in brackets
    dropped) to its reason."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("\n## Dependencies\n", 1)[1].split("\n#", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in ("package", "") or set(cells[0]) <= {"-"}:
            continue
        name = re.sub(r"\s*\(.*\)$", "", cells[0])
        rows[canonicalize_name(name)] = cells[1]
    return rows


def test_every_runtime_dependency_is_in_the_readme_with_its_reason() -> None:
    rows = tabled()
    assert sorted(declared() - rows.keys()) == [], "in pyproject.toml, not in the README's table"
    assert sorted(rows.keys() - declared()) == [], "in the README's table, not in pyproject.toml"
    assert [name for name, why in rows.items() if len(why) < 10] == []


def test_what_moving_to_httpx2_would_take_names_the_modules_that_import_httpx() -> None:
    """The README counts the package modules an ``import httpx2`` would change."""
    text = (ROOT / "README.md").read_text("utf-8")
    stated = re.search(
        r"`import httpx` → `import httpx2`\s+in\s+the\s+(\d+)\s+package\s+modules", text
    )
    assert stated, "the README no longer says what moving to httpx2 would take"
    importing = [
        path
        for path in (ROOT / "hubcall_desktop").rglob("*.py")
        if re.search(r"^\s*(import httpx\b|from httpx\b)", path.read_text("utf-8"), re.MULTILINE)
    ]
    assert len(importing) == int(stated.group(1)), sorted(p.name for p in importing)
