"""The baresip client against a stand-in ctrl_tcp socket: framing, mapping, commands
matched by token, reconnecting when baresip restarts."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from hubcall_desktop.core.call import CallSource
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.events import MAX_ID_LENGTH, CallEvent, EndReason, EventKind
from hubcall_desktop.sources.baresip import Backoff, BaresipClient, BaresipUnavailable
from hubcall_desktop.sources.baresip_wire import (
    BaresipEndpoint,
    FramingError,
    closed_reason,
    collect_endpoints,
    encode_netstring,
    map_event,
    parse_endpoint,
    read_netstring,
    sip_user,
)

from .fake_baresip import FakeBaresip, call_event

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
FAST = Backoff(initial=0.01, maximum=0.05)


# -- wire format and mapping ----------------------------------------------------------------


async def frames(data: bytes) -> list[bytes]:
    reader = asyncio.StreamReader()
    reader.feed_data(data)
    reader.feed_eof()
    found = []
    while True:
        try:
            found.append(await read_netstring(reader, limit=100))
        except asyncio.IncompleteReadError:
            return found


async def test_netstrings_round_trip() -> None:
    data = encode_netstring(b'{"a":1}') + encode_netstring(b"") + encode_netstring(b"x,y:")
    assert await frames(data) == [b'{"a":1}', b"", b"x,y:"]


@pytest.mark.parametrize(
    "data", [b"abc:xyz,", b"3:abcd", b"03:abc,", b"101:" + b"x" * 101 + b",", b"-1:,", b":abc,"]
)
async def test_broken_netstrings_are_framing_errors(data: bytes) -> None:
    reader = asyncio.StreamReader()
    reader.feed_data(data)
    reader.feed_eof()
    with pytest.raises(FramingError):
        await read_netstring(reader, limit=100)


@pytest.mark.parametrize(
    ("param", "reason"),
    [
        ("Connection reset by peer", EndReason.HUNG_UP),
        ("Connection reset by user", EndReason.REJECTED),
        ("Connection timed out", EndReason.NO_ANSWER),
        ("486 Busy Here", EndReason.BUSY),
        ("486 Max Calls", EndReason.BUSY),
        ("603 Decline", EndReason.REJECTED),
        ("487 Request Terminated", EndReason.CANCELED),
        ("480 Temporarily Unavailable", EndReason.NO_ANSWER),
        ("302 Moved Temporarily", EndReason.FORWARDED),
        ("503 Service Unavailable", EndReason.FAILED),
        ("", EndReason.UNKNOWN),
        ("something new", EndReason.UNKNOWN),
    ],
)
def test_closed_reasons(param: str, reason: EndReason) -> None:
    assert closed_reason(param) is reason


def test_sip_users() -> None:
    assert sip_user("sip:+4930123456@127.0.0.1:5070") == "+4930123456"
    assert sip_user("<sips:alice@example.org;transport=tls>") == "alice"
    assert sip_user("tel:+4930123456;ext=5") == "+4930123456"
    assert sip_user("") == ""


def test_call_events_map_to_lifecycle_events() -> None:
    ringing = map_event(call_event("CALL_INCOMING", "id-1"), NOW, "DE")
    assert ringing is not None and ringing.kind is EventKind.RINGING
    assert ringing.source is CallSource.BARESIP and ringing.source_call_id == "id-1"
    assert ringing.from_number is not None and ringing.from_number.e164 == "+4930123456"
    assert ringing.to_number is None and ringing.raw_to == "1001"  # the account: internal
    assert ringing.at == NOW
    answered = map_event(call_event("CALL_ESTABLISHED", "id-1"), NOW, "DE")
    assert answered is not None and answered.kind is EventKind.ANSWERED
    closed = map_event(
        call_event("CALL_CLOSED", "id-1", param="Connection reset by peer"), NOW, "DE"
    )
    assert closed is not None and closed.kind is EventKind.ENDED
    assert closed.reason is EndReason.HUNG_UP


@pytest.mark.parametrize(
    "message",
    [
        call_event("CALL_REMOTE_SDP", "id-1", **{"class": "other"}),
        call_event("CALL_RINGING", "id-1"),
        call_event("CALL_INCOMING", "id-1", direction="outgoing"),
        {"event": True, "type": "REGISTER_OK", "class": "register"},
        {"event": True, "type": "SHUTDOWN", "class": "application"},
        {"event": True},
    ],
)
def test_other_events_are_ignored(message: dict[str, object]) -> None:
    assert map_event(message, NOW, "DE") is None


def test_withheld_callers_sip_users_and_long_ids() -> None:
    anonymous = call_event("CALL_INCOMING", "a", caller="anonymous")
    anonymous["peeruri"] = "sip:anonymous@anonymous.invalid"
    event = map_event(anonymous, NOW, "DE")
    assert event is not None and event.from_withheld and event.from_number is None
    alice = map_event(call_event("CALL_INCOMING", "b", caller="alice"), NOW, "DE")
    assert alice is not None and alice.raw_from == "alice" and alice.from_number is None
    long = map_event(call_event("CALL_INCOMING", "c" * 300), NOW, "DE")
    assert long is not None and long.source_call_id is not None
    assert long.source_call_id.startswith("sha256:") and len(long.source_call_id) <= MAX_ID_LENGTH


def test_endpoints() -> None:
    assert parse_endpoint("127.0.0.1:4444") == BaresipEndpoint("127.0.0.1", 4444)
    assert parse_endpoint(" [::1]:4444 ") == BaresipEndpoint("::1", 4444)
    assert str(BaresipEndpoint("::1", 4444)) == "[::1]:4444"
    assert parse_endpoint("localhost:1").host == "localhost"
    for bad in ("127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", ":4444", "[::1]", "a b:1", "h:x"):
        with pytest.raises(InputError):
            parse_endpoint(bad)


def test_endpoints_from_settings_command_line_and_environment() -> None:
    found = collect_endpoints(
        ["127.0.0.1:4444"], ["127.0.0.1:4445", "127.0.0.1:4444"], "127.0.0.1:4446, [::1]:4447"
    )
    assert [str(e) for e in found] == [
        "127.0.0.1:4444",
        "127.0.0.1:4445",
        "127.0.0.1:4446",
        "[::1]:4447",
    ]
    assert collect_endpoints([], [], None) == []
    with pytest.raises(InputError) as caught:
        collect_endpoints([], [], "nonsense")
    assert caught.value.field == "HUBCALL_BARESIP"
    with pytest.raises(InputError) as caught:
        collect_endpoints(["x"], [], None)
    assert caught.value.field == "baresip_endpoints"


# -- the client -------------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.events: asyncio.Queue[CallEvent] = asyncio.Queue()
        self.states: list[bool] = []
        self.down = asyncio.Event()
        self.fail_next = False

    async def on_event(self, event: CallEvent) -> None:
        if self.fail_next:
            self.fail_next = False
            raise RuntimeError("the desk broke")
        await self.events.put(event)

    def on_connection(self, endpoint: BaresipEndpoint, connected: bool) -> None:
        self.states.append(connected)
        if not connected:
            self.down.set()


@pytest.fixture
async def fake() -> AsyncIterator[FakeBaresip]:
    baresip = FakeBaresip()
    await baresip.start()
    yield baresip
    await baresip.stop()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def client(fake: FakeBaresip, recorder: Recorder) -> AsyncIterator[BaresipClient]:
    baresip = BaresipClient(
        fake.endpoint,
        recorder.on_event,
        on_connection=recorder.on_connection,
        region="DE",
        clock=lambda: NOW,
        backoff=FAST,
        command_timeout=0.5,
    )
    baresip.start()
    await baresip.wait_connected()
    await fake.connected.wait()
    yield baresip
    await baresip.stop()


async def next_event(recorder: Recorder) -> CallEvent:
    return await asyncio.wait_for(recorder.events.get(), 10)


async def test_events_arrive_in_order(
    client: BaresipClient, fake: FakeBaresip, recorder: Recorder
) -> None:
    assert client.connected and recorder.states == [True]
    await fake.send(call_event("CALL_INCOMING", "k1"))
    await fake.send(call_event("CALL_LOCAL_SDP", "k1", **{"class": "other"}))
    await fake.send(call_event("CALL_ESTABLISHED", "k1"))
    await fake.send(call_event("CALL_CLOSED", "k1", param="Connection reset by peer"))
    kinds = [(await next_event(recorder)).kind for _ in range(3)]
    assert kinds == [EventKind.RINGING, EventKind.ANSWERED, EventKind.ENDED]


async def test_a_failing_handler_does_not_stop_the_client(
    client: BaresipClient, fake: FakeBaresip, recorder: Recorder
) -> None:
    recorder.fail_next = True
    await fake.send(call_event("CALL_INCOMING", "k1"))
    await fake.send(call_event("CALL_INCOMING", "k2"))
    assert (await next_event(recorder)).source_call_id == "k2"
    assert client.connected


async def test_bad_frames_and_bad_events_are_survived(
    client: BaresipClient, fake: FakeBaresip, recorder: Recorder
) -> None:
    await fake.send_raw(encode_netstring(b"this is not json"))
    await fake.send_raw(encode_netstring(b"[1, 2]"))
    await fake.send(call_event("CALL_INCOMING", "bad", caller="evil\x07"))  # control character
    await fake.send(call_event("CALL_INCOMING", "k3"))
    assert (await next_event(recorder)).source_call_id == "k3"
    assert fake.connections == 1


async def test_responses_are_matched_by_token_not_by_order(
    client: BaresipClient, fake: FakeBaresip
) -> None:
    fake.auto_answer = False
    first = asyncio.create_task(client.command("listcalls"))
    second = asyncio.create_task(client.command("reginfo"))
    one = await asyncio.wait_for(fake.commands.get(), 10)
    two = await asyncio.wait_for(fake.commands.get(), 10)
    assert {one["command"], two["command"]} == {"listcalls", "reginfo"}
    assert one["token"] != two["token"]
    by_name = {c["command"]: c["token"] for c in (one, two)}
    await fake.send(call_event("CALL_INCOMING", "between"))  # an event in between
    await fake.respond(by_name["reginfo"], True, "registered")
    await fake.respond(by_name["listcalls"], False, "no calls")
    assert (await second).data == "registered"
    result = await first
    assert not result.ok and result.data == "no calls"


async def test_an_unanswered_command_times_out(client: BaresipClient, fake: FakeBaresip) -> None:
    fake.auto_answer = False
    with pytest.raises(BaresipUnavailable, match="did not answer"):
        await client.command("listcalls")


async def test_accept_and_hangup_check_the_call(
    client: BaresipClient, fake: FakeBaresip, recorder: Recorder
) -> None:
    not_ringing = await client.accept("nobody")
    assert not not_ringing.ok and fake.commands.empty()
    await fake.send(call_event("CALL_INCOMING", "r1"))
    await next_event(recorder)
    accepted = await client.accept("r1")
    assert accepted.ok
    sent = await fake.commands.get()
    assert sent["command"] == "accept" and sent["params"] == ""
    await fake.send(call_event("CALL_INCOMING", "r2", caller="+4989123456"))
    await fake.send(call_event("CALL_INCOMING", "r3", caller="+4940123456"))
    await next_event(recorder)
    await next_event(recorder)
    ambiguous = await client.accept("r2")
    assert not ambiguous.ok and "Several" in ambiguous.data
    assert not (await client.hangup("r2")).ok
    for call_id in ("r1", "r2"):
        await fake.send(call_event("CALL_CLOSED", call_id, param="Connection reset by peer"))
        await next_event(recorder)
    hung_up = await client.hangup("r3")
    assert hung_up.ok and (await fake.commands.get())["command"] == "hangup"


async def test_commands_need_a_connection(recorder: Recorder) -> None:
    offline = BaresipClient(BaresipEndpoint("127.0.0.1", 9), recorder.on_event, backoff=FAST)
    with pytest.raises(BaresipUnavailable, match="not connected"):
        await offline.command("listcalls")


async def test_it_reconnects_when_baresip_restarts(
    client: BaresipClient, fake: FakeBaresip, recorder: Recorder
) -> None:
    fake.auto_answer = False
    pending = asyncio.create_task(client.command("listcalls"))
    await fake.commands.get()
    await fake.stop()
    with pytest.raises(BaresipUnavailable, match="disconnected"):
        await pending
    await asyncio.wait_for(recorder.down.wait(), 10)  # the client notices by itself
    assert not client.connected
    assert recorder.states == [True, False]
    await fake.start()  # the same port, as a restarted baresip
    await client.wait_connected()
    await fake.connected.wait()
    assert recorder.states == [True, False, True]
    await fake.send(call_event("CALL_INCOMING", "after-restart"))
    assert (await next_event(recorder)).source_call_id == "after-restart"


async def test_garbage_framing_makes_it_reconnect(
    client: BaresipClient, fake: FakeBaresip, recorder: Recorder
) -> None:
    fake.connected.clear()
    await fake.send_raw(b"this is no netstring,")
    await fake.connected.wait()  # a second connection
    assert fake.connections == 2
    await client.wait_connected()
    await fake.send(call_event("CALL_INCOMING", "k9"))
    assert (await next_event(recorder)).source_call_id == "k9"


class _Noticed(logging.Handler):
    """Sets an event when a log line containing ``text`` is written."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.seen = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.seen.set()


async def test_it_keeps_trying_until_baresip_appears(recorder: Recorder) -> None:
    late = FakeBaresip()
    await late.start()
    endpoint = late.endpoint
    await late.stop()  # the port is known but nothing listens yet
    noticed = _Noticed("not reachable")
    logging.getLogger("hubcall_desktop.sources.baresip").addHandler(noticed)
    baresip = BaresipClient(endpoint, recorder.on_event, backoff=FAST)
    baresip.start()
    try:
        await asyncio.wait_for(noticed.seen.wait(), 10)  # it tried and failed at least once
        assert not baresip.connected
        await late.start()
        await asyncio.wait_for(baresip.wait_connected(), 10)
        assert baresip.connected
    finally:
        logging.getLogger("hubcall_desktop.sources.baresip").removeHandler(noticed)
        await baresip.stop()
        await late.stop()
    assert not baresip.connected
