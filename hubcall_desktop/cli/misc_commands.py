"""``sandbox``, ``--demo`` and the desktop app itself."""

from __future__ import annotations

import argparse

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
    """The app in demo mode; without a display, the terminal walk-through."""
    from hubcall_desktop.ui.startup.app import run

    return run(args)


def run_app(args: argparse.Namespace) -> int:
    from hubcall_desktop.ui.startup.app import run

    return run(args)
