"""The WHERE clause behind the history's search box and state filter.

Search is a substring match (``LIKE``), which no B-tree index can serve; on 100,000 calls
a full scan takes tens of milliseconds (see tests/benchmarks/bench_journal.py), which a
search box typed into can afford. Names and emails are matched case-insensitively in any
script (they are stored case-folded); other text is matched case-insensitively for ASCII
letters only, as SQLite's ``LIKE`` does.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from hubcall_desktop.core.call import SyncState

_PHONE_LIKE = re.compile(r"[0-9+()./\s-]+", re.ASCII)
_ESCAPE = "\\"


def like_pattern(term: str) -> str:
    """``%term%`` with the term's own ``%``, ``_`` and ``\\`` taken literally."""
    escaped = term.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%")
    return "%" + escaped.replace("_", _ESCAPE + "_") + "%"


def call_filter(
    search: str | None,
    sync_states: Collection[SyncState] | None,
    *,
    closed_only: bool = False,
) -> tuple[str, list[object]]:
    """``(" WHERE ...", parameters)``, or ``("", [])`` when nothing is filtered.
    ``closed_only`` leaves out calls still ringing or in progress (no final status yet)."""
    clauses: list[str] = []
    params: list[object] = []
    if closed_only:
        clauses.append("final_status IS NOT NULL")
    if sync_states is not None:
        states = sorted({SyncState(s).value for s in sync_states})
        if not states:
            clauses.append("0")  # an empty filter matches nothing
        else:
            clauses.append(f"sync_state IN ({', '.join('?' * len(states))})")
            params.extend(states)
    term = (search or "").replace("\x00", "").strip()
    if term:
        like = f"LIKE ? ESCAPE '{_ESCAPE}'"
        alternatives = [f"{column} {like}" for column in ("raw_from", "raw_to", "notes")]
        params.extend([like_pattern(term)] * 3)
        alternatives.append(f"match_text {like}")
        params.append(like_pattern(term.casefold()))
        # "030 1234-5" finds +493012345...: the digits without the leading trunk or
        # international prefix zeros, looked for in the E.164 numbers.
        digits = re.sub(r"[^0-9]", "", term).lstrip("0")
        if digits and _PHONE_LIKE.fullmatch(term):
            alternatives.extend(f"{column} {like}" for column in ("from_e164", "to_e164"))
            params.extend([like_pattern(digits)] * 2)
        clauses.append("(" + " OR ".join(alternatives) + ")")
    if not clauses:
        return "", []
    return " WHERE " + " AND ".join(clauses), params
