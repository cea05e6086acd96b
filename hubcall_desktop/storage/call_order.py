"""The history's orders (core.call_order) as SQL the journal runs on its own thread.

Sorting happens in SQLite, not in memory: the history loads a page at a time, so only
the journal sees all 100,000 calls. Only time has an index; the other keys are a full
scan with a top-N sort of row ids (see :func:`page_query`);
tests/benchmarks/bench_journal_sort.py measures each.

Empty values (no name, a withheld number, no outcome, a call still in progress) come
last in both directions, so the calls an agent sorts for are on top; ties fall back to
newest first, so a page boundary never splits or repeats a call.
"""

from __future__ import annotations

import logging

from hubcall_desktop.core.call_order import CallOrder, SortKey

logger = logging.getLogger(__name__)


# The party's number as the history shows it: E.164 when known, else what the source
# said; none when withheld (the history says "Withheld", whatever the source wrote).
_REMOTE = (
    "CASE WHEN number_withheld THEN NULL ELSE coalesce(remote_e164, "
    "CASE direction WHEN 'INBOUND' THEN raw_from ELSE raw_to END) END"
)
# Seconds talked, as Call.duration derives it (explicit, else answer to end, else 0).
_DURATION = (
    "coalesce(duration_seconds, CASE WHEN answered_at IS NOT NULL AND ended_at IS NOT NULL "
    "THEN max(0, round((julianday(ended_at) - julianday(answered_at)) * 86400)) "
    "WHEN ended_at IS NOT NULL THEN 0 END)"
)
# Each key's SQL: constant text only (no value is ever formatted into a query).
_EXPRESSIONS: dict[SortKey, str] = {
    SortKey.TIME: "sort_at",
    SortKey.DIRECTION: "direction",
    SortKey.NUMBER: _REMOTE,
    # match_text starts with the first match's display name, case-folded: the Name column.
    SortKey.NAME: "match_text",
    SortKey.STATUS: "final_status",
    SortKey.OUTCOME: "outcome_label COLLATE NOCASE",
    SortKey.DURATION: _DURATION,
    SortKey.SYNC: "sync_state",
}
_NEWEST = "sort_at DESC, rowid DESC"


def order_terms(order: CallOrder) -> str:
    """The ``ORDER BY`` clause's terms (without the keywords)."""
    if order.key is SortKey.TIME:
        return _NEWEST if order.descending else "sort_at ASC, rowid ASC"
    expression = _EXPRESSIONS[order.key]
    way = "DESC" if order.descending else "ASC"
    # Empty values last whichever way: "IS NULL OR = ''" is 0 for a value, 1 for none
    # (a collation changes neither test).
    return f"({expression} IS NULL OR {expression} = '') ASC, {expression} {way}, {_NEWEST}"


def page_query(order: CallOrder, where: str) -> str:
    """``SELECT`` one page (``LIMIT ? OFFSET ?``) of the calls ``where`` selects.

    By time, the ``sort_at`` index walks straight to the page. By any other key the
    sort sees every call, so it sorts row ids alone and only the page's rows are read
    whole: three to five times faster than sorting whole rows (many calls share a
    status or a direction, and each tie would replace a whole row in the sorter).
    ``where`` is constant SQL (its values are bound parameters)."""
    terms = order_terms(order)
    if order.key is SortKey.TIME:
        return f"SELECT * FROM calls{where} ORDER BY {terms} LIMIT ? OFFSET ?"  # noqa: S608
    return (
        "SELECT * FROM calls WHERE rowid IN "  # noqa: S608 (constant SQL only)
        f"(SELECT rowid FROM calls{where} ORDER BY {terms} LIMIT ? OFFSET ?) "
        f"ORDER BY {terms}"
    )
