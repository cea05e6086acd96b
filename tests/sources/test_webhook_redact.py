"""The secret redactor on its own: what it masks, and what it leaves readable."""

from __future__ import annotations

import logging

import pytest

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sources.webhook_redact import MASK, SecretRedactor

VALUE = "kR2v_9QzLx-4TnWb7YpE1sHc3UaJ8mDf6GiO0lNqVtZ"


@pytest.fixture
def redactor() -> SecretRedactor:
    made = SecretRedactor()
    made.add(Secret(VALUE))
    return made


@pytest.mark.parametrize(
    "text",
    [
        f"GET /v1/events/ringing?token={VALUE}&from=1",
        f"cut short: b'/v1/events?from=1&x={VALUE[:12]}...'",
        f"the tail: {VALUE[-10:]}",
        f"inside a name: x{VALUE}x",
        f"percent-encoded: /v1/{''.join(f'%{ord(c):02X}' for c in VALUE)}",
        "a token parameter, whatever its value: ?token=abc&from=1",
        "Authorization: Bearer abcdefgh",
    ],
)
def test_every_trace_is_masked(redactor: SecretRedactor, text: str) -> None:
    masked = redactor.mask(text)
    assert MASK in masked
    assert VALUE[:8] not in masked and VALUE[-8:] not in masked and "abcdefgh" not in masked


@pytest.mark.parametrize(
    "text",
    [
        "the webhook secret is missing (Authorization: Bearer or ?token=)",
        "from: not a phone number (got '+4930123456')",
        "webhook listening on http://127.0.0.1:47831 (127.0.0.1, ::1)",
    ],
)
def test_ordinary_text_stays_readable(redactor: SecretRedactor, text: str) -> None:
    assert redactor.mask(text) == text


def test_a_log_record_and_its_traceback_are_masked(
    redactor: SecretRedactor, caplog: pytest.LogCaptureFixture
) -> None:
    log = logging.getLogger("tests.redact.one")
    log.addFilter(redactor)
    try:
        with caplog.at_level(logging.DEBUG, logger="tests.redact.one"):
            try:
                raise ValueError(f"bad line {VALUE}")
            except ValueError:
                log.exception("request %s failed", f"?token={VALUE}")
    finally:
        log.removeFilter(redactor)
    assert "ValueError: bad line ***" in caplog.text
    assert "request ?token=*** failed" in caplog.text
    assert VALUE[:8] not in caplog.text


def test_a_replaced_secret_stays_masked_too(redactor: SecretRedactor) -> None:
    redactor.add(Secret("another-secret-0123456789abcdefghijklmnopq"))
    assert redactor.mask(f"{VALUE} and another-secret-0123456789abcdefghijklmnopq") == (
        f"{MASK} and {MASK}"
    )
