"""The man page and the completion scripts say what the parser takes: every command,
sub-command and long option of ``build_parser()`` (walked, not listed by hand), every exit
code, and every ``HUBCALL_*`` variable the package reads."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hubcall_desktop.cli.commands import build_parser
from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.shell_completion import SHELLS, completion_script

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from shell_docs import man_page  # noqa: E402


def parser_words(parser: argparse.ArgumentParser) -> tuple[set[str], set[str]]:
    """(commands and sub-commands, long options) at every level of the parser."""
    commands: set[str] = set()
    options: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                commands.add(name)
                more_commands, more_options = parser_words(sub)
                commands |= more_commands
                options |= more_options
        else:
            options |= {o for o in action.option_strings if o.startswith("--") and o != "--help"}
    return commands, options


@pytest.fixture(scope="module")
def rendered_man() -> str:
    man = shutil.which("man")
    if man is None:
        pytest.skip("needs man (Debian package man-db)")
    done = subprocess.run(
        [man, "-l", "-"],
        input=man_page(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "LC_ALL": "C.UTF-8", "MANWIDTH": "200", "MANPAGER": "cat"},
    )
    return done.stdout


def test_the_parser_is_walked_whole() -> None:
    commands, options = parser_words(build_parser())
    assert {"lookup", "contact", "create", "set-token", "info", "completion"} <= commands
    assert {"--baresip", "--outcome", "--redirect-port", "--no-check"} <= options


def test_the_man_page_names_every_command_and_option(rendered_man: str) -> None:
    commands, options = parser_words(build_parser())
    missing = sorted(
        w for w in commands | options if not re.search(rf"(?<![\w-]){w}\b", rendered_man)
    )
    assert missing == []


@pytest.mark.parametrize("shell", SHELLS)
def test_each_completion_script_offers_every_command_and_option(shell: str) -> None:
    commands, options = parser_words(build_parser())
    script = completion_script(build_parser(), shell)
    # fish names a long option without its dashes: complete ... -l json
    spelled = {o: f"-l {o[2:]}" if shell == "fish" else o for o in options}
    missing = sorted(w for w in commands if w not in script)
    missing += sorted(o for o, form in spelled.items() if form not in script)
    assert missing == []


def test_the_man_page_gives_every_exit_code(rendered_man: str) -> None:
    exits = rendered_man.split("\nEXIT STATUS\n", 1)[1].split("\nENVIRONMENT\n", 1)[0]
    listed = {int(code) for code in re.findall(r"^\s+(\d+)\s+\S", exits, re.MULTILINE)}
    assert listed == {int(code) for code in ExitCode}


def test_the_man_page_names_every_variable_the_package_reads(rendered_man: str) -> None:
    read = set()
    for path in (ROOT / "hubcall_desktop").rglob("*.py"):
        read |= set(re.findall(r"HUBCALL_[A-Z_]+[A-Z]", path.read_text("utf-8")))
    environment = rendered_man.split("\nENVIRONMENT\n", 1)[1].split("\nFILES\n", 1)[0]
    assert sorted(read - set(re.findall(r"HUBCALL_[A-Z_]+[A-Z]", environment))) == []
