"""What the desktop app was started with: the command line, resolved once."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from hubcall_desktop.core.api_versions import API_VERSIONS
from hubcall_desktop.core.errors import ONE_OF, InputError
from hubcall_desktop.storage.paths import AppPaths, resolve_paths

ENV_API_BASE = "HUBCALL_API_BASE"
ENV_API_VERSION = "HUBCALL_API_VERSION"
ENV_REGION = "HUBCALL_REGION"


@dataclass(frozen=True, slots=True)
class AppOptions:
    demo: bool = False
    log_call: bool = False  # open the call-logging form once started
    data_dir: str | None = None
    region: str | None = None  # overrides the settings for this run
    api_base: str | None = None
    api_version: str | None = None
    baresip: tuple[str, ...] = ()
    start_sources: bool = True  # tests switch the webhook and baresip off
    system_notifications: bool = True  # tests may force the fallbacks

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> AppOptions:
        """From ``hubcall-desktop``'s parsed arguments; missing attributes are defaults."""
        region = getattr(args, "region", None) or os.environ.get(ENV_REGION) or None
        if region:
            from hubcall_desktop.core.phone import validate_region  # phonenumbers: only if asked

            region = validate_region(region, "--region")
        api_version = getattr(args, "api_version", None) or os.environ.get(ENV_API_VERSION) or None
        if api_version is not None and api_version not in API_VERSIONS:
            # The parser checks --api-version; the environment's value is checked here, before
            # the HubSpot service would refuse it half-way through the start.
            raise InputError(ENV_API_VERSION, api_version, ONE_OF(", ".join(API_VERSIONS)))
        return cls(
            demo=bool(getattr(args, "demo", False)),
            log_call=bool(getattr(args, "log_call", False)),
            data_dir=getattr(args, "data_dir", None),
            region=region,
            api_base=getattr(args, "api_base", None) or os.environ.get(ENV_API_BASE) or None,
            api_version=api_version,
            baresip=tuple(getattr(args, "baresip", None) or ()),
        )

    def paths(self) -> AppPaths:
        return resolve_paths(self.data_dir)


def folder_paths(folder: Path) -> AppPaths:
    """One folder for the journal and the settings (demo mode, tests)."""
    return AppPaths(data_dir=folder, config_dir=folder)
