"""The options that come before any command, shared by the app launch and the commands.

Kept import-light: launching the app parses only these, so the window's first paint does
not wait for the command modules and their libraries (httpx, authlib, the journal).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from hubcall_desktop.core.api_versions import API_VERSIONS

STDERR_FORMAT = "%(levelname)s %(name)s: %(message)s"


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--api-base", metavar="URL", help="HubSpot API base URL (env HUBCALL_API_BASE)"
    )
    parser.add_argument(
        "--api-version",
        choices=API_VERSIONS,
        help="inbound-call path version (env HUBCALL_API_VERSION)",
    )
    parser.add_argument(
        "--region",
        metavar="CC",
        help="default country for numbers, e.g. US, DE (env HUBCALL_REGION)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for the journal and settings (env HUBCALL_DATA_DIR)",
    )
    parser.add_argument(
        "--baresip",
        action="append",
        metavar="HOST:PORT",
        type=_baresip_address,
        help="baresip's ctrl_tcp address, e.g. 127.0.0.1:4444; repeatable (env HUBCALL_BARESIP)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="try the app against the bundled HubSpot sandbox"
    )
    parser.add_argument(
        "--log-call",
        action="store_true",
        help="open the form to log a call by hand (in the running app, if there is one)",
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more log output on stderr"
    )


def _baresip_address(text: str) -> str:
    """Checked as the settings check it, so a typo stops the launch with its reason."""
    from hubcall_desktop.core.errors import InputError
    from hubcall_desktop.sources.baresip_wire import parse_endpoint

    try:
        return str(parse_endpoint(text, "--baresip"))
    except InputError as error:
        raise argparse.ArgumentTypeError(f"{error.problem} (got {text!r})") from None


def configure_logging(
    verbosity: int, data_dir: str | None = None, *, defer_file: bool = False
) -> Path | None:
    """Standard error gets warnings (``-v`` info, ``-vv`` debug); the log file in the log
    folder gets info and up (debug with ``-vv``), and crash details go beside it.
    Returns the log file, or None when it cannot be written. ``defer_file``: the file
    opens when the app calls ``services.log_files.open_deferred_log_file`` (after its
    first paint); until then records are held (None is returned)."""
    from hubcall_desktop.services.crash_reports import install_crash_handlers
    from hubcall_desktop.services.log_files import (
        RedactingFormatter,
        defer_log_file,
        install_log_file,
        log_folder,
    )

    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    root = logging.getLogger()
    if not root.handlers:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(RedactingFormatter(STDERR_FORMAT))
        console.setLevel(level)
        root.addHandler(console)
    root.setLevel(level)
    folder = log_folder(data_dir)
    if defer_file:
        defer_log_file(folder, min(level, logging.INFO))
        log_file = None
    else:
        log_file = install_log_file(folder, min(level, logging.INFO))
    install_crash_handlers(folder)
    if verbosity < 2:
        logging.getLogger("httpx").setLevel(logging.WARNING)
    return log_file
