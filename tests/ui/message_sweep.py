"""Every sentence the code can raise, read from the source: the places that build a
``UserError`` (or a connection snapshot's message), with their text as written.

A text is a *probe*: its literal parts with ``HOLE`` where a value goes in at run time
(an f-string's ``{...}``, a name set elsewhere). A name assigned text in the same
function gives one probe per assigned value, so ``sentence = "..."`` then
``HubSpotScopeError(sentence)`` is read as that sentence.
"""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import hubcall_desktop
from hubcall_desktop.core.errors import UserError

HOLE = "\x00"
ROOT = Path(hubcall_desktop.__file__).parent
QT_FREE = ("core", "hubspot", "secrets", "storage", "services", "sources")
SCANNED = (*QT_FREE, "ui")  # the UI raises InputErrors of its own
_MAX_PROBES = 16  # per text: enough for an if/else or two


@dataclass(frozen=True, slots=True)
class Probe:
    text: str
    where: str  # module:line

    @property
    def literal(self) -> bool:
        return HOLE not in self.text


def user_error_names() -> set[str]:
    """The names of UserError and every subclass the Qt-free packages define."""
    for package in QT_FREE:
        module = importlib.import_module(f"hubcall_desktop.{package}")
        for info in pkgutil.iter_modules(module.__path__, module.__name__ + "."):
            importlib.import_module(info.name)
    found: set[str] = set()
    todo: list[type] = [UserError]
    while todo:
        cls = todo.pop()
        if cls.__name__ not in found:
            found.add(cls.__name__)
            todo.extend(cls.__subclasses__())
    return found


def probes() -> list[Probe]:
    names = user_error_names() | {"ConnectionSnapshot", "CommandResult"}
    found: list[Probe] = []
    for package in SCANNED:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found.extend(_in_module(tree, names, f"{path.relative_to(ROOT.parent)}"))
    return found


def _in_module(tree: ast.Module, names: set[str], module: str) -> Iterator[Probe]:
    scopes: list[ast.AST] = [
        node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    scopes.append(tree)
    seen: set[int] = set()
    for scope in scopes:
        for node in ast.walk(scope):
            if not isinstance(node, ast.Call) or id(node) in seen or not _builds(node, names):
                continue
            seen.add(id(node))
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                for text in _texts(arg, scope)[:_MAX_PROBES]:
                    if text.strip(HOLE + " "):
                        yield Probe(text, f"{module}:{node.lineno}")


def _builds(call: ast.Call, names: set[str]) -> bool:
    """A UserError being built: ``SomeError(...)``, or ``super().__init__(...)`` and
    ``UserError.__init__(self, ...)`` inside one."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in names
    if isinstance(func, ast.Attribute):
        if func.attr == "__init__":
            return True  # only UserError classes call __init__ with text (checked by probes)
        return func.attr in names
    return False


def _texts(node: ast.expr, scope: ast.AST) -> list[str]:
    """The texts an expression can have, ``HOLE`` for what is only known at run time."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else [HOLE]
    if isinstance(node, ast.JoinedStr):
        parts = [
            _texts(v.value, scope) if isinstance(v, ast.FormattedValue) else _texts(v, scope)
            for v in node.values
        ]
        return ["".join(combo) for combo in itertools.islice(itertools.product(*parts), 64)]
    if isinstance(node, ast.IfExp):
        return _texts(node.body, scope) + _texts(node.orelse, scope)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        pairs = itertools.product(_texts(node.left, scope), _texts(node.right, scope))
        return ["".join(pair) for pair in itertools.islice(pairs, 64)]
    if isinstance(node, ast.Name):
        values = [
            assign.value
            for assign in ast.walk(scope)
            if isinstance(assign, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == node.id for t in assign.targets)
        ]
        texts = [t for value in values for t in _texts(value, scope)]
        return texts if texts and any(t != HOLE for t in texts) else [HOLE]
    return [HOLE]


def covers(template: str, probe: str) -> bool:
    """The probe reads as the template: equal but for the parts that vary on either side."""
    probe_pattern = re.compile(
        ".+".join(re.escape(p) for p in probe.split(HOLE)) if HOLE in probe else re.escape(probe),
        re.DOTALL,
    )
    if probe_pattern.fullmatch(template):
        return True
    marked = re.sub(r"%[1-9]", HOLE, template)
    return (
        re.compile(".+".join(re.escape(p) for p in marked.split(HOLE)), re.DOTALL).fullmatch(
            probe.replace(HOLE, "x")
        )
        is not None
    )
