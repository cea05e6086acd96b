"""The portal's call outcomes, kept in the data folder and refreshed from HubSpot.

The list rarely changes, and the pop-up must offer it the moment a call rings, online or
not: so it is read from a small cache file (one entry per portal), refreshed once a day
and whenever a connection is made, and HubSpot's six defaults stand in until the portal's
own list has been read once. A failed refresh keeps what was there (it is logged, never
shown: the agent can still choose an outcome).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final

from hubcall_desktop.core.atomic_file import replace_file
from hubcall_desktop.core.call import utc_now
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.listeners import Listeners
from hubcall_desktop.core.outcomes import DEFAULT_LIST, CallOutcome, OutcomeList, is_guid

logger = logging.getLogger(__name__)

CACHE_FILE: Final = "call_outcomes.json"
REFRESH_EVERY: Final = timedelta(days=1)
_FORMAT: Final = 1

Fetch = Callable[[], Awaitable[OutcomeList]]
Listener = Callable[[OutcomeList], None]


class OutcomeCache:
    """``call_outcomes.json``: ``{"format": 1, "portals": {key: {"fetchedAt", "outcomes"}}}``.
    An unreadable or foreign file counts as empty (it is only a cache) and is replaced on
    the next save; writes are atomic, so a crash never leaves half a file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, portal: str) -> OutcomeList | None:
        entry = self._read().get(portal)
        try:
            return _list_from_json(entry) if entry is not None else None
        except (KeyError, TypeError, ValueError):
            logger.warning("cached call outcomes of portal %r unreadable; ignored", portal)
            return None

    def save(self, portal: str, outcomes: OutcomeList) -> None:
        portals = self._read()
        portals[portal] = outcomes.to_json()
        data = json.dumps({"format": _FORMAT, "portals": portals}, ensure_ascii=False, indent=1)
        replace_file(self.path, data + "\n")

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            logger.warning("call outcome cache %s unreadable (%s); ignored", self.path, exc)
            return {}
        portals = data.get("portals") if isinstance(data, dict) else None
        if not isinstance(portals, dict) or data.get("format") != _FORMAT:
            logger.warning("call outcome cache %s is not in a known format; ignored", self.path)
            return {}
        return portals


def _list_from_json(entry: Any) -> OutcomeList:
    outcomes = tuple(CallOutcome(str(o["guid"]), str(o["label"])) for o in entry["outcomes"])
    if not outcomes or not all(is_guid(o.guid) for o in outcomes):
        raise ValueError("no outcomes, or a value that is not a GUID")
    fetched = entry.get("fetchedAt")
    return OutcomeList(outcomes, datetime.fromisoformat(fetched) if fetched else None)


class OutcomeCatalog:
    """The active portal's outcomes (:attr:`current`), from the cache, else the defaults.

    :meth:`refresh` asks HubSpot when the list is a day old (or ``force``: a connection was
    just made); :meth:`keep_fresh` does so once a day for as long as it runs. Listeners
    hear of every new list, so open windows can offer it.
    """

    def __init__(
        self,
        cache: OutcomeCache,
        portal: str,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._cache = cache
        self._portal = portal
        self._clock = clock
        self._listeners: Listeners[OutcomeList] = Listeners("outcome list")
        self._lock = asyncio.Lock()  # one request at a time: "on connect" and "daily" meet
        self.current: OutcomeList = cache.load(portal) or DEFAULT_LIST

    @property
    def portal(self) -> str:
        return self._portal

    def listen(self, listener: Listener) -> None:
        self._listeners.add(listener)

    def switch_portal(self, portal: str) -> None:
        """Another portal became active: its cached list (or the defaults) from now on."""
        if portal != self._portal:
            self._portal = portal
            self._set(self._cache.load(portal) or DEFAULT_LIST)

    def is_stale(self) -> bool:
        fetched = self.current.fetched_at
        return fetched is None or self._clock() - fetched >= REFRESH_EVERY

    async def refresh(self, fetch: Fetch, *, force: bool = False) -> OutcomeList:
        """Read the list from HubSpot if it is stale (or ``force``) and keep it; on any
        refusal or network trouble the current list stays."""
        async with self._lock:
            if not force and not self.is_stale():
                return self.current
            portal = self._portal
            try:
                fresh = await fetch()
            except UserError as error:
                logger.warning("call outcomes not refreshed: %s", error.user_message)
                return self.current
            if portal != self._portal:  # switched meanwhile: this list is another portal's
                return self.current
            try:
                await asyncio.to_thread(self._cache.save, portal, fresh)
            except OSError as exc:
                logger.warning("call outcomes not cached (%s); kept for this session", exc)
            logger.info("call outcomes of portal %r: %d", portal, len(fresh.outcomes))
            self._set(fresh)
            return fresh

    async def keep_fresh(self, fetch: Fetch) -> None:
        """Refresh now if stale, then whenever the list turns a day old; runs until cancelled."""
        while True:
            await self.refresh(fetch)
            fetched = self.current.fetched_at
            if fetched is None:  # not read yet (offline): try again in an hour
                wait = timedelta(hours=1)
            else:
                wait = max(fetched + REFRESH_EVERY - self._clock(), timedelta(minutes=1))
            await asyncio.sleep(wait.total_seconds())

    def _set(self, outcomes: OutcomeList) -> None:
        self.current = outcomes
        self._listeners.notify(outcomes)


def catalog_for(data_dir: Path, portal: str) -> OutcomeCatalog:
    return OutcomeCatalog(OutcomeCache(data_dir / CACHE_FILE), portal)
