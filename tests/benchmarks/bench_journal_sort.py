"""The history's first page in each sort order over 100,000 calls: prints timings,
asserts nothing (speed is measured here, not checked in tests).

    python tests/benchmarks/bench_journal_sort.py [--calls 100000]
    pytest tests/benchmarks/bench_journal_sort.py -m benchmark -s
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pytest

from hubcall_desktop.core.call_order import CallOrder, SortKey
from hubcall_desktop.storage.journal import CallJournal
from tests.benchmarks.bench_journal import make_calls, median_ms

PAGE = 200  # the history model's page


def run(folder: Path, count: int) -> None:
    path = folder / "journal.sqlite3"
    with CallJournal(path) as journal:
        calls = list(make_calls(count))
        for i in range(0, len(calls), 1000):
            journal.save_calls(calls[i : i + 1000])
    print(f"journal: {count:,} calls; first page of {PAGE}, median ms")
    with CallJournal(path) as journal:
        for key in SortKey:
            for descending in (False, True):
                order = CallOrder(key, descending)
                first = median_ms(lambda o=order: journal.list_calls(PAGE, 0, order=o))
                deep = median_ms(lambda o=order: journal.list_calls(PAGE, count // 2, order=o))
                way = "desc" if descending else "asc "
                print(f"  {key.value:<9} {way}: first {first:7.1f}   at the middle {deep:7.1f}")


@pytest.mark.benchmark
def test_bench_journal_sort(tmp_path: Path) -> None:
    run(tmp_path, 100_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hubcall-bench-") as folder:
        run(Path(folder), args.calls)


if __name__ == "__main__":
    main()
