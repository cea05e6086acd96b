"""``sandbox``, ``--demo`` and the desktop app itself."""

from __future__ import annotations

import argparse

from hubcall_desktop.cli.exit_codes import ExitCode
from hubcall_desktop.core.errors import InputError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sandbox", help="run the local HubSpot stand-in (for trying the app and tests)"
    )
    p.add_argument("--port", type=int, default=8765, help="loopback port (0: any free port)")
    p.add_argument(
        "--host", default="127.0.0.1", help="loopback address to bind (127.0.0.1 or ::1)"
    )
    p.set_defaults(handler=run_sandbox)


def run_sandbox(args: argparse.Namespace) -> int:
    from hubcall_desktop.sandbox.server import run_standalone

    if not 0 <= args.port <= 65535:
        raise InputError("--port", args.port, "must be from 0 to 65535")
    return run_standalone(args.host, args.port)


def run_demo(args: argparse.Namespace) -> int:
    from hubcall_desktop.services.demo import run_terminal_demo

    return run_terminal_demo(data_dir=args.data_dir, region=args.region)


def run_app(args: argparse.Namespace) -> int:
    from hubcall_desktop.cli.output import warn

    warn(
        "The desktop window is not part of this build yet; try 'hubcall-desktop --demo' or --help."
    )
    return ExitCode.FAILURE
