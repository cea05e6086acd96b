"""``hubcall-desktop``: the app, the demo, and commands for scripts and softphone hooks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from hubcall_desktop.cli.global_options import add_global_options, configure_logging

# httpx loads its own command-line client whenever rich, click and pygments happen to be
# installed (development tools bring them): about 5 MiB and 100 ms that neither the app nor
# these commands use. A None entry makes that one import fail, as documented for
# sys.modules, and httpx falls back to a stub for its unused ``main``.
HTTPX_CLI = "httpx._main"


def main(argv: Sequence[str] | None = None) -> int:
    """Without a command, open the app having parsed only the global options; anything
    else (a command, --help, --version, a typo) goes to the full command parser."""
    sys.modules.setdefault(HTTPX_CLI, None)  # type: ignore[arg-type]
    words = list(sys.argv[1:] if argv is None else argv)
    launch = argparse.ArgumentParser(prog="hubcall-desktop", add_help=False, exit_on_error=False)
    add_global_options(launch)
    try:
        args, rest = launch.parse_known_args(words)
    except (argparse.ArgumentError, SystemExit):  # let the full parser say what is wrong
        rest = words
    if rest:
        from hubcall_desktop.cli.commands import run_command

        return run_command(words)
    # The app opens its log file after its first paint (ui.startup.app); nothing is lost.
    configure_logging(args.verbose, args.data_dir, defer_file=True)
    from hubcall_desktop.ui.startup.app import run

    return run(args)
