"""Summarise ``mutmut results --all true`` (read on stdin): caught / tried per module.

Caught means killed by a test or stopped by the timeout (an endless loop is noticed too).
"Not checked" and "skipped" mutants were never tried and are left out of the rate.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict

CAUGHT = {"killed", "timeout", "caught by type check"}
NOT_TRIED = {"not checked", "skipped"}


def module_of(key: str) -> str:
    # "hubcall_desktop.hubspot.retrying.x_delay__mutmut_3" -> "hubcall_desktop.hubspot.retrying"
    head = key.split("__mutmut_")[0]
    parts = head.split(".")
    return ".".join(parts[:-1]) or head


def main() -> int:
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for line in sys.stdin:
        key, sep, status = line.strip().rpartition(": ")
        if sep:
            by_module[module_of(key)][status] += 1
    if not by_module:
        print("no mutation results yet: run 'bash tests/mutation.sh'")
        return 1
    total_caught = total_tried = 0
    print(f"{'module':<52} {'caught':>7} {'tried':>6} {'rate':>7}")
    for module in sorted(by_module):
        counts = by_module[module]
        tried = sum(n for status, n in counts.items() if status not in NOT_TRIED)
        caught = sum(n for status, n in counts.items() if status in CAUGHT)
        total_caught += caught
        total_tried += tried
        rate = f"{100 * caught / tried:.1f} %" if tried else "-"
        print(f"{module:<52} {caught:>7} {tried:>6} {rate:>7}")
    rate = 100 * total_caught / total_tried if total_tried else 0.0
    print(f"{'all':<52} {total_caught:>7} {total_tried:>6} {rate:>5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
