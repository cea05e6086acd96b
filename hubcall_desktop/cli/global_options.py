"""The options that come before any command, shared by the app launch and the commands.

Kept import-light: launching the app parses only these, so the window's first paint does
not wait for the command modules and their libraries (httpx, authlib, the journal).
"""

from __future__ import annotations

import argparse
import logging
import sys

from hubcall_desktop.core.api_versions import API_VERSIONS


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


def configure_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    if verbosity < 2:
        logging.getLogger("httpx").setLevel(logging.WARNING)
