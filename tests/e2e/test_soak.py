"""A short soak of the real app: a few hundred calls through the webhook and baresip.

The installed ``hubcall-desktop`` (not the demo) on its own data folder, HubSpot played by
``hubcall-desktop sandbox`` in its own process, the token in the session's keyring, calls
from an HTTP client with the webhook secret and from sipp through two baresips, in the
private desktop session (tests/session.sh). At the end the app must be alive, every
202-accepted event must be in ``history --json``, every call logged and received by
HubSpot exactly once, no pop-up left on screen once every call is logged (read from the
X server), and the app's stderr free of tracebacks; then SIGTERM must end it with
status 0. Nothing is timed; the waits are hang guards.

The long version, with memory and latency figures, is tests/benchmarks/bench_soak.py.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from soak_calls import Feed, feed_baresip, feed_webhook, percentiles
from soak_checks import expected_calls, problems
from soak_driver import missing_tools, running_rig, settle
from xmaps import MapWatcher, shown

from tests.conftest import RealSession, on_ci

MISSING = missing_tools()
WHY = f"needs {' and '.join(MISSING)} (apt-get install baresip-core sip-tester)"
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.real_session,
    pytest.mark.skipif(bool(MISSING) and not on_ci(), reason=WHY),
    pytest.mark.timeout(300),  # a hang guard for a loaded machine; the run takes far less
]
WEBHOOK_CALLS = 230
BARESIP_CALLS = 20
DELIVERY_GUARD_S = 150.0
POPUP_TITLE = "Incoming call"


def test_a_few_hundred_calls_are_all_kept_and_logged_once(
    tmp_path: Path, real_session: RealSession
) -> None:
    if MISSING:
        pytest.fail(f"{WHY}; CI is set, so their absence is a failure", pytrace=False)
    watchers: list[MapWatcher] = []
    try:
        with running_rig(
            tmp_path, before_start=lambda: watchers.append(MapWatcher(real_session.display))
        ) as rig:
            feed = Feed()

            async def soak() -> tuple[list[dict[str, object]], list[str]]:
                began = time.monotonic()
                await asyncio.gather(
                    feed_webhook(rig.webhook_url, rig.secret, feed, calls=WEBHOOK_CALLS, lines=6),
                    feed_baresip(
                        rig.manual, rig.auto, tmp_path / "sipp", feed, calls=BARESIP_CALLS, tag="t"
                    ),
                )
                fed = time.monotonic()
                settled = await settle(rig, expected_calls(feed), guard_s=DELIVERY_GUARD_S)
                print(
                    f"{expected_calls(feed)} calls fed in {fed - began:.1f} s, settled "
                    f"{time.monotonic() - fed:.1f} s later; webhook POST -> 202: "
                    f"{percentiles(feed.latencies_ms)}; retried: {feed.retried}"
                )
                return settled

            history, logged = asyncio.run(soak())
            assert rig.app.alive(), rig.app.stderr()
            # The app read its token and webhook secret from the real keyring through its
            # helper process: SecretStorage's crypto stack never loaded in the app itself.
            assert rig.app.process is not None
            mapped = Path(f"/proc/{rig.app.process.pid}/maps").read_text()
            assert "cryptography" not in mapped and "_cffi_backend" not in mapped
            found = problems(feed, history, logged, rig.app.stderr())
            assert len(history) == expected_calls(feed), found
            assert not found, "\n".join(found)

            # Every call is logged, so every pop-up has closed; more than three showed
            # over the run (three at most at once: the rest waited for room, then showed).
            watcher = watchers[0]
            cleared = watcher.wait_until(lambda events: not shown(events, POPUP_TITLE))
            popups = {e.window for e in watcher.events() if e.title == POPUP_TITLE}
            left = shown(watcher.events(), POPUP_TITLE)
            assert cleared, f"{len(left)} pop-ups of logged calls stay on screen"
            assert len(popups) > 3, f"only {len(popups)} pop-ups for {len(history)} calls"

            status = rig.app.stop()
            errors = rig.app.stderr()
            assert status == 0, errors
            assert not problems(feed, history, logged, errors), errors[-4000:]
    finally:
        for watcher in watchers:
            watcher.close()
