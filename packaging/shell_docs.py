"""The man page and the shell completion scripts, generated from the command's own parser.

    python packaging/shell_docs.py man                # hubcall-desktop.1 on standard output
    python packaging/shell_docs.py install PREFIX     # PREFIX/share/man/man1/hubcall-desktop.1
                                                      # and the bash, zsh and fish completions

The man page is written by argparse-manpage from the parser ``hubcall-desktop --help``
prints, plus the sections a parser cannot know (environment, files, exit status); the
completions come from ``hubcall-desktop completion SHELL`` (shtab). ``SOURCE_DATE_EPOCH``
fixes the page's date for reproducible builds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hubcall_desktop import __version__
from hubcall_desktop.cli.commands import build_parser
from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.cli.shell_completion import SHELLS, completion_script

# Where each shell looks for a completion under a prefix (/usr, /usr/local, ~/.local).
COMPLETION_PATHS = {
    "bash": "share/bash-completion/completions/hubcall-desktop",
    "zsh": "share/zsh/site-functions/_hubcall-desktop",
    "fish": "share/fish/vendor_completions.d/hubcall-desktop.fish",
}
MAN_PATH = "share/man/man1/hubcall-desktop.1"

_EXIT_MEANINGS = {
    ExitCode.OK: "done",
    ExitCode.FAILURE: "an unexpected error; the message names the crash file",
    ExitCode.BAD_INPUT: "bad input; the message names the field and the value",
    ExitCode.HUBSPOT_REFUSED: "HubSpot refused, or the OAuth connection needs a new login",
    ExitCode.QUEUED: "not delivered now, but safely queued in the outbox",
    ExitCode.CONFIGURATION: (
        "configuration: no token, no keyring backend, unreadable journal; notify and webhook"
        " info: the app runs but its webhook is off"
    ),
    ExitCode.APP_NOT_RUNNING: "notify, webhook info: no HubCall Desktop (nor demo) is running",
}
_ENVIRONMENT = (
    ("HUBCALL_API_BASE", "HubSpot API base URL, as --api-base"),
    ("HUBCALL_API_VERSION", "inbound-call path version, as --api-version"),
    ("HUBCALL_REGION", "default country for numbers, as --region"),
    ("HUBCALL_DATA_DIR", "one folder for the journal, the settings and the logs, as --data-dir"),
    ("HUBCALL_BARESIP", "baresip ctrl_tcp addresses, comma-separated, as --baresip"),
    ("HUBCALL_ACCESS_TOKEN", "a HubSpot token to use instead of the keyring's"),
    (
        "HUBCALL_ALLOW_BROKEN_QT",
        "1 starts the app on a Qt build known to crash it (for testing a patched build)",
    ),
)
_FILES = (
    (
        "~/.local/state/hubcall-desktop/log/hubcall-desktop.log",
        "the log (Linux; DIR/logs with --data-dir DIR): rotated at 2 MiB, three older files"
        " kept; tokens, secrets and callers' numbers are masked",
    ),
    (
        "~/.local/state/hubcall-desktop/log/crash.log",
        "crash details: uncaught errors and fatal signals, kept on this computer only",
    ),
    ("~/.local/share/hubcall-desktop/journal.sqlite3", "the journal of every call"),
    ("~/.config/hubcall-desktop/settings.json", "the settings"),
)


def _tagged(pairs: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str:
    return "\n".join(f".TP\n.B {_roff(name)}\n{_roff(text)}" for name, text in pairs)


def _roff(text: str) -> str:
    """Plain text for a roff line: backslashes and hyphens escaped, no leading dot."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def man_page() -> str:
    from argparse_manpage.manpage import Manpage

    page = Manpage(build_parser())
    page.source = f"hubcall-desktop {__version__}"
    page.manual = "HubCall Desktop"
    page.description = "caller ID pop-ups and call logging to HubSpot for softphone agents"
    exits = [(str(int(code)), meaning) for code, meaning in _EXIT_MEANINGS.items()]
    page.add_section("exit status", "=", _tagged(exits))
    page.add_section("environment", "=", _tagged(_ENVIRONMENT))
    page.add_section("files", "=", _tagged(_FILES))
    page.add_section(
        "see also",
        "=",
        "hubcall\\-desktop completion bash|zsh|fish prints the shell completion script.",
    )
    return str(page)


def install(prefix: Path) -> list[Path]:
    written = []
    parser = build_parser()
    targets = [(MAN_PATH, man_page())]
    targets += [(COMPLETION_PATHS[shell], completion_script(parser, shell)) for shell in SHELLS]
    for relative, text in targets:
        path = prefix / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if argv == ["man"]:
        sys.stdout.write(man_page())
        return 0
    if len(argv) == 2 and argv[0] == "install":
        for path in install(Path(argv[1])):
            print(path)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
