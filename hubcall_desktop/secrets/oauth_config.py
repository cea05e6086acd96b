"""Where HubSpot's OAuth lives, which scopes we ask for, and the per-portal metadata file.

The metadata (expiry, scopes, hub id, user id) is not secret and lives in a small JSON
file in the data dir; the refresh token and client secret live in the keyring only.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from hubcall_desktop.core.atomic_file import replace_file
from hubcall_desktop.core.oauth import OAuthMetadata

logger = logging.getLogger(__name__)

DEFAULT_AUTHORIZE_URL: Final = "https://app.hubspot.com/oauth/authorize"
# Packagers of a build with its own registered HubSpot app fill this in.
PACKAGED_CLIENT_ID: Final = ""
DEFAULT_SCOPES: Final = ("oauth", "crm.objects.contacts.write")
METADATA_FILE: Final = "oauth.json"
MAX_METADATA_BYTES: Final = 1_000_000


@dataclass(frozen=True, slots=True)
class OAuthEndpoints:
    authorize_url: str
    token_url: str
    introspect_url: str
    revoke_url: str  # legacy: the refresh token is appended to this path
    legacy: bool = False

    @classmethod
    def for_api_base(
        cls, api_base: str, *, legacy: bool = False, authorize_url: str | None = None
    ) -> OAuthEndpoints:
        """Token endpoints under the API base; the authorize page on app.hubspot.com,
        except for a loopback API base (the sandbox), which serves its own."""
        base = api_base.rstrip("/")
        if authorize_url is None:
            host = urlsplit(base).hostname or ""
            loopback = host in ("127.0.0.1", "localhost", "::1")
            authorize_url = f"{base}/oauth/authorize" if loopback else DEFAULT_AUTHORIZE_URL
        current = f"{base}/oauth/2026-03/token"
        return cls(
            authorize_url=authorize_url,
            token_url=f"{base}/oauth/v1/token" if legacy else current,
            # The legacy look-up puts the token in the URL path, where proxies and request
            # logs see it: introspection always uses the current POST endpoint.
            introspect_url=f"{current}/introspect",
            revoke_url=f"{base}/oauth/v1/refresh-tokens/" if legacy else f"{current}/revoke",
            legacy=legacy,
        )


def resolve_client_id(*candidates: str | None) -> str:
    """The first non-empty candidate (command line, settings), else the packaged default."""
    for candidate in (*candidates, PACKAGED_CLIENT_ID):
        if candidate and candidate.strip():
            return candidate.strip()
    return ""


class MetadataFile:
    """``oauth.json``: one entry per portal. A broken file reads as empty, never raises."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __repr__(self) -> str:
        return f"MetadataFile({str(self.path)!r})"

    def load_all(self) -> dict[str, OAuthMetadata]:
        try:
            if self.path.stat().st_size > MAX_METADATA_BYTES:
                return {}
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            logger.warning("OAuth metadata file not readable (%s); ignoring it", type(exc).__name__)
            return {}
        entries = raw.get("portals", {}) if isinstance(raw, dict) else {}
        result: dict[str, OAuthMetadata] = {}
        for value in entries.values() if isinstance(entries, dict) else ():
            item = OAuthMetadata.from_json(value)
            if item is not None:
                result[item.portal] = item
        return result

    def get(self, portal: str) -> OAuthMetadata | None:
        return self.load_all().get(portal)

    def put(self, item: OAuthMetadata) -> None:
        entries = self.load_all()
        entries[item.portal] = item
        self._write(entries)

    def remove(self, portal: str) -> None:
        entries = self.load_all()
        if entries.pop(portal, None) is not None:
            self._write(entries)

    def _write(self, entries: dict[str, OAuthMetadata]) -> None:
        data = json.dumps({"portals": {k: asdict(v) for k, v in entries.items()}}, indent=2)
        replace_file(self.path, data + "\n")
