"""``completion SHELL``: a Tab-completion script for bash, zsh or fish, made from the parser.

shtab writes them from the same argparse parser the commands use, so a new option is
completed without anyone touching a script; they are static (Tab does not start Python).
"""

from __future__ import annotations

import argparse
import logging

from hubcall_desktop.cli.output import say

logger = logging.getLogger(__name__)

SHELLS = ("bash", "zsh", "fish")
# The options that take a folder or a file, for the shells' own path completion.
_FOLDER_OPTIONS = ("--data-dir",)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description=(
            "Print the Tab-completion script for SHELL. bash: hubcall-desktop completion bash"
            " > ~/.local/share/bash-completion/completions/hubcall-desktop; zsh: into a"
            " folder of $fpath as _hubcall-desktop; fish: hubcall-desktop completion fish"
            " > ~/.config/fish/completions/hubcall-desktop.fish"
        ),
    )
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")
    p.set_defaults(handler=run_completion)


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    import shtab

    for action in _walk(parser):
        if any(option in _FOLDER_OPTIONS for option in action.option_strings):
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    script: str = shtab.complete(parser, shell)
    return script


def _walk(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    actions = list(parser._actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                actions.extend(_walk(child))
    return actions


def run_completion(args: argparse.Namespace) -> int:
    from hubcall_desktop.cli.commands import build_parser  # the whole parser, this included

    say(completion_script(build_parser(), args.shell).rstrip("\n"))
    return 0
