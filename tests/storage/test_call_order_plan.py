"""How SQLite runs a history page (``EXPLAIN QUERY PLAN`` on the real schema): by time it
walks the time index and sorts nothing; by any other key it sorts row ids and then reads
only the page's rows whole (tests/benchmarks/bench_journal_sort.py measures both)."""

from __future__ import annotations

import pytest

from hubcall_desktop.core.call_order import CallOrder, SortKey
from hubcall_desktop.storage.call_order import page_query
from hubcall_desktop.storage.journal import CallJournal


def plan(journal: CallJournal, order: CallOrder) -> list[str]:
    query = f"EXPLAIN QUERY PLAN {page_query(order, '')}"
    return [str(row[-1]) for row in journal.database.connection.execute(query, (50, 0))]


@pytest.mark.parametrize("descending", [True, False])
def test_a_page_by_time_walks_the_index_and_sorts_nothing(
    journal: CallJournal, descending: bool
) -> None:
    steps = plan(journal, CallOrder(SortKey.TIME, descending))
    assert any("USING INDEX" in step for step in steps), steps
    assert not any("TEMP B-TREE" in step for step in steps), steps


@pytest.mark.parametrize("key", [k for k in SortKey if k is not SortKey.TIME])
def test_a_page_by_another_key_reads_only_its_rows_whole(
    journal: CallJournal, key: SortKey
) -> None:
    steps = plan(journal, CallOrder(key))
    assert any("USING INTEGER PRIMARY KEY" in step for step in steps), steps
