"""Property-based: whatever a script sends, the parser answers with an event or with an
InputError naming a field; it never crashes with anything else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.events import (
    EVENT_FIELDS,
    MAX_ID_LENGTH,
    CallEvent,
    EventKind,
    parse_event,
)

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)

values = st.one_of(
    st.text(max_size=140),
    st.sampled_from(
        [
            "ringing",
            "answered",
            "ended",
            "anonymous",
            "+4930123456",
            "busy",
            "2026-11-24T09:30:00Z",
            "",
            " ",
        ]
    ),
    st.integers(),
    st.none(),
    st.lists(st.text(max_size=3), max_size=2),
    st.floats(allow_nan=True),
)
keys = st.one_of(st.sampled_from(sorted(EVENT_FIELDS)), st.text(max_size=10))


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(keys, values, max_size=8), st.sampled_from(["US", "DE", "GB"]))
def test_any_mapping_gives_an_event_or_a_named_input_error(
    data: dict[str, object], region: str
) -> None:
    try:
        event = parse_event(data, CallSource.WEBHOOK, NOW, region)
    except InputError as exc:
        assert exc.field
        assert exc.user_message.startswith(exc.field[:20])
        return
    assert isinstance(event, CallEvent)
    assert event.kind in EventKind
    assert (event.reason is not None) == (event.kind is EventKind.ENDED)
    assert abs(event.at - NOW) <= timedelta(days=1)
    assert event.source_call_id is None or 0 < len(event.source_call_id) <= MAX_ID_LENGTH
    assert not (event.from_withheld and event.from_number is not None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(list(EventKind)))
def test_any_caller_text_is_a_number_a_withheld_caller_or_a_from_error(
    caller: str, kind: EventKind
) -> None:
    try:
        event = parse_event({"event": kind.value, "from": caller}, CallSource.CLI, NOW, "DE")
    except InputError as exc:
        assert exc.field == "from"
        return
    if event.from_number is not None:
        assert event.from_number.e164.startswith("+")
