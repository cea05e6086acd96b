"""What the PyInstaller bundle weighs: the app's, against a bare PySide6 app with one window
built by the same PyInstaller in the same environment. Prints numbers, asserts nothing.

    python tests/benchmarks/bench_bundle.py
    pytest tests/benchmarks/bench_bundle.py -m benchmark -s

Both builds go to the cache tests/bundle_build.py keeps (the app's is the one
tests/test_bundle.py runs), so a second run only measures. Printed: each bundle's size on
disk and build seconds, and the app's largest parts (where its extra weight is).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from tests.bundle_build import Bundle, app_bundle, bare_bundle, files_on_disk  # noqa: E402


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def largest_parts(bundle: Bundle, count: int = 8) -> list[tuple[str, int]]:
    """The bundle's sizes by top-level entry of its _internal folder."""
    internal = bundle.folder / "_internal"
    sizes: Counter[str] = Counter()
    for path in files_on_disk(internal):
        sizes[path.relative_to(internal).parts[0]] += path.stat().st_size
    return sizes.most_common(count)


def run() -> None:
    app, bare = app_bundle(), bare_bundle()
    for label, bundle in (("HubCall Desktop", app), ("bare PySide6 window", bare)):
        cached = "cached" if not bundle.built_now else "built now"
        print(
            f"{label:20} {_mib(bundle.size_bytes()):>10}  "
            f"build {bundle.build_seconds:5.0f} s ({cached})"
        )
    extra = app.size_bytes() - bare.size_bytes()
    print(f"the app adds {_mib(extra)} ({app.size_bytes() / bare.size_bytes():.2f}x the bare one)")
    print("largest parts of the app's bundle:")
    for name, size in largest_parts(app):
        print(f"  {name:48} {_mib(size):>10}")


@pytest.mark.benchmark
@pytest.mark.timeout(3000)  # two cold builds on a loaded machine
def test_bench_bundle() -> None:
    run()


if __name__ == "__main__":
    run()
