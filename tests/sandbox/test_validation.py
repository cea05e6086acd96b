"""The sandbox refuses every request that does not follow the contract to the letter, on both paths."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.phone import PhoneNumberType
from hubcall_desktop.core.statuses import CallStatus
from hubcall_desktop.sandbox import SandboxServer
from hubcall_desktop.sandbox.app import MAX_BODY_BYTES
from hubcall_desktop.sandbox.paths import INBOUND_CALL_PATHS
from hubcall_desktop.sandbox.validation import (
    CALL_STATUSES,
    PHONE_NUMBER_TYPES,
    parse_rfc3339,
    validate_inbound_call,
)

MakeBody = Callable[..., dict[str, Any]]
DELETE = object()

# (field to change, new value or DELETE, expected "in", expected "code")
FIELD_CASES: list[tuple[str, object, str, str]] = [
    ("createEngagement", 1, "createEngagement", "INVALID_TYPE"),
    ("createEngagement", 0, "createEngagement", "INVALID_TYPE"),
    ("createEngagement", "true", "createEngagement", "INVALID_TYPE"),
    ("createEngagement", None, "createEngagement", "INVALID_TYPE"),
    ("createEngagement", DELETE, "createEngagement", "REQUIRED"),
    ("engagementProperties", DELETE, "engagementProperties", "REQUIRED"),
    ("engagementProperties", [], "engagementProperties", "INVALID_TYPE"),
    ("engagementProperties", "notes", "engagementProperties", "INVALID_TYPE"),
    (
        "engagementProperties",
        {"hs_call_body": 5},
        "engagementProperties.hs_call_body",
        "INVALID_TYPE",
    ),
    (
        "engagementProperties",
        {"hs_call_title": None},
        "engagementProperties.hs_call_title",
        "INVALID_TYPE",
    ),
    ("engagementProperties", {"x": {"y": "z"}}, "engagementProperties.x", "INVALID_TYPE"),
    ("engagementProperties", {"x": True}, "engagementProperties.x", "INVALID_TYPE"),
    ("externalCallId", DELETE, "externalCallId", "REQUIRED"),
    ("externalCallId", 123, "externalCallId", "INVALID_TYPE"),
    ("externalCallId", "", "externalCallId", "INVALID_FORMAT"),
    ("externalCallId", "   ", "externalCallId", "INVALID_FORMAT"),
    ("finalCallStatus", DELETE, "finalCallStatus", "REQUIRED"),
    ("finalCallStatus", "completed", "finalCallStatus", "INVALID_ENUM"),
    ("finalCallStatus", "CANCELLED", "finalCallStatus", "INVALID_ENUM"),
    ("finalCallStatus", "NO ANSWER", "finalCallStatus", "INVALID_ENUM"),
    ("finalCallStatus", " COMPLETED", "finalCallStatus", "INVALID_ENUM"),
    ("finalCallStatus", 3, "finalCallStatus", "INVALID_TYPE"),
    ("fromNumber", DELETE, "fromNumber", "REQUIRED"),
    ("fromNumber", "+493055501234", "fromNumber", "INVALID_TYPE"),
    ("fromNumber", None, "fromNumber", "INVALID_TYPE"),
    ("fromNumber.e164Number", DELETE, "fromNumber.e164Number", "REQUIRED"),
    ("fromNumber.e164Number", "030 55501234", "fromNumber.e164Number", "INVALID_FORMAT"),
    ("fromNumber.e164Number", "493055501234", "fromNumber.e164Number", "INVALID_FORMAT"),
    ("fromNumber.e164Number", "+03055501234", "fromNumber.e164Number", "INVALID_FORMAT"),
    ("fromNumber.e164Number", "+49 30 55501234", "fromNumber.e164Number", "INVALID_FORMAT"),
    ("fromNumber.e164Number", "+1234567890123456", "fromNumber.e164Number", "INVALID_FORMAT"),
    ("fromNumber.e164Number", "+4", "fromNumber.e164Number", "INVALID_FORMAT"),
    ("fromNumber.e164Number", "+493055501234\n", "fromNumber.e164Number", "INVALID_FORMAT"),
    (
        "fromNumber.e164Number",
        "+4٩٣٠٥٥٥٠١٢٣٤",
        "fromNumber.e164Number",
        "INVALID_FORMAT",
    ),  # Arabic-Indic
    ("fromNumber.e164Number", "anonymous", "fromNumber.e164Number", "INVALID_FORMAT"),
    ("fromNumber.e164Number", "", "fromNumber.e164Number", "INVALID_FORMAT"),
    ("fromNumber.e164Number", 493055501234, "fromNumber.e164Number", "INVALID_TYPE"),
    ("fromNumber.phoneNumberType", DELETE, "fromNumber.phoneNumberType", "REQUIRED"),
    ("fromNumber.phoneNumberType", "LANDLINE", "fromNumber.phoneNumberType", "INVALID_ENUM"),
    ("fromNumber.phoneNumberType", "mobile", "fromNumber.phoneNumberType", "INVALID_ENUM"),
    ("fromNumber.phoneNumberType", 1, "fromNumber.phoneNumberType", "INVALID_TYPE"),
    ("fromNumber.extension", 12, "fromNumber.extension", "INVALID_TYPE"),
    ("fromNumber.extension", None, "fromNumber.extension", "INVALID_TYPE"),
    ("fromNumber.country", "DE", "fromNumber.country", "UNKNOWN_FIELD"),
    ("toNumber", DELETE, "toNumber", "REQUIRED"),
    ("toNumber.e164Number", "+4930 5550", "toNumber.e164Number", "INVALID_FORMAT"),
    ("toNumber.raw", "sip:204@pbx", "toNumber.raw", "UNKNOWN_FIELD"),
    ("potentialRecipientUserIds", DELETE, "potentialRecipientUserIds", "REQUIRED"),
    ("potentialRecipientUserIds", None, "potentialRecipientUserIds", "INVALID_TYPE"),
    ("potentialRecipientUserIds", 7, "potentialRecipientUserIds", "INVALID_TYPE"),
    ("potentialRecipientUserIds", {"0": 7}, "potentialRecipientUserIds", "INVALID_TYPE"),
    ("potentialRecipientUserIds", [7, "8"], "potentialRecipientUserIds[1]", "INVALID_TYPE"),
    ("potentialRecipientUserIds", [True], "potentialRecipientUserIds[0]", "INVALID_TYPE"),
    ("potentialRecipientUserIds", [7.0], "potentialRecipientUserIds[0]", "INVALID_TYPE"),
    ("potentialRecipientUserIds", [1, 2**31], "potentialRecipientUserIds[1]", "OUT_OF_RANGE"),
    ("potentialRecipientUserIds", [-(2**31) - 1], "potentialRecipientUserIds[0]", "OUT_OF_RANGE"),
    ("callStartedTimestamp", "2026-11-24T09:30:00", "callStartedTimestamp", "INVALID_FORMAT"),
    ("callStartedTimestamp", "2026-11-24", "callStartedTimestamp", "INVALID_FORMAT"),
    ("callStartedTimestamp", "2026-11-24 09:30:00Z", "callStartedTimestamp", "INVALID_FORMAT"),
    ("callStartedTimestamp", "20261124T093000Z", "callStartedTimestamp", "INVALID_FORMAT"),
    ("callStartedTimestamp", "2026-11-24T09:30:00+0100", "callStartedTimestamp", "INVALID_FORMAT"),
    ("callStartedTimestamp", "2026-11-24T09:30:00+24:00", "callStartedTimestamp", "INVALID_FORMAT"),
    ("callStartedTimestamp", "2026-02-30T09:30:00Z", "callStartedTimestamp", "INVALID_FORMAT"),
    ("callStartedTimestamp", "2026-11-24T24:00:00Z", "callStartedTimestamp", "INVALID_FORMAT"),
    ("callStartedTimestamp", "2026-11-24T09:30Z", "callStartedTimestamp", "INVALID_FORMAT"),
    (
        "callStartedTimestamp",
        "Tue, 24 Nov 2026 09:30:00 GMT",
        "callStartedTimestamp",
        "INVALID_FORMAT",
    ),
    ("callStartedTimestamp", 1_795_512_600_000, "callStartedTimestamp", "INVALID_TYPE"),
    ("callStartedTimestamp", None, "callStartedTimestamp", "INVALID_TYPE"),
    ("durationSeconds", "184", "durationSeconds", "INVALID_TYPE"),
    ("durationSeconds", 184.5, "durationSeconds", "INVALID_TYPE"),
    ("durationSeconds", 184.0, "durationSeconds", "INVALID_TYPE"),
    ("durationSeconds", True, "durationSeconds", "INVALID_TYPE"),
    ("durationSeconds", None, "durationSeconds", "INVALID_TYPE"),
    ("durationSeconds", 2**31, "durationSeconds", "OUT_OF_RANGE"),
    ("durationSeconds", -1, "durationSeconds", "OUT_OF_RANGE"),
    ("userId", True, "userId", "INVALID_TYPE"),
    ("userId", "7", "userId", "INVALID_TYPE"),
    ("userId", 2**63, "userId", "OUT_OF_RANGE"),
    ("userId", -(2**31) - 1, "userId", "OUT_OF_RANGE"),
    ("hs_call_body", "notes at the top level", "hs_call_body", "UNKNOWN_FIELD"),
    ("portalId", 147258369, "portalId", "UNKNOWN_FIELD"),
]


def _changed(body: dict[str, Any], field: str, value: object) -> dict[str, Any]:
    *parents, leaf = field.split(".")
    target = body
    for name in parents:
        target = target[name]
    if value is DELETE:
        del target[leaf]
    else:
        target[leaf] = value
    return body


def _assert_refused(answer: httpx.Response, expected: set[tuple[str, str]]) -> None:
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["status"] == "error"
    assert body["category"] == "VALIDATION_ERROR"
    assert isinstance(body["message"], str)
    assert body["message"]
    assert len(body["correlationId"]) == 36
    assert {(e["in"], e["code"]) for e in body["errors"]} == expected
    assert all(e["message"] for e in body["errors"])


@pytest.mark.parametrize("path", INBOUND_CALL_PATHS)
@pytest.mark.parametrize(("field", "value", "where", "code"), FIELD_CASES)
async def test_each_malformed_field_is_refused_with_its_path(
    client: httpx.AsyncClient,
    sandbox: SandboxServer,
    make_body: MakeBody,
    path: str,
    field: str,
    value: object,
    where: str,
    code: str,
) -> None:
    answer = await client.post(path, json=_changed(make_body(), field, value))

    _assert_refused(answer, {(where, code)})
    assert sandbox.accepted_bodies() == []
    assert sandbox.requests[-1].status == 400


@pytest.mark.parametrize("path", INBOUND_CALL_PATHS)
async def test_every_problem_is_reported_not_just_the_first(
    client: httpx.AsyncClient, make_body: MakeBody, path: str
) -> None:
    body = make_body(createEngagement="yes", finalCallStatus="DONE", nickname="x")
    body["fromNumber"] = {"e164Number": "0301234", "extension": 5}
    body["potentialRecipientUserIds"] = [1, False, 3.5]

    answer = await client.post(path, json=body)

    _assert_refused(
        answer,
        {
            ("createEngagement", "INVALID_TYPE"),
            ("finalCallStatus", "INVALID_ENUM"),
            ("nickname", "UNKNOWN_FIELD"),
            ("fromNumber.e164Number", "INVALID_FORMAT"),
            ("fromNumber.phoneNumberType", "REQUIRED"),
            ("fromNumber.extension", "INVALID_TYPE"),
            ("potentialRecipientUserIds[1]", "INVALID_TYPE"),
            ("potentialRecipientUserIds[2]", "INVALID_TYPE"),
        },
    )
    assert "(and 5 more)" in answer.json()["message"]


# (raw body, expected "in", expected "code")
RAW_CASES: list[tuple[bytes, str, str]] = [
    (b"", "body", "INVALID_JSON"),
    (b"{", "body", "INVALID_JSON"),
    (b"{'createEngagement': true}", "body", "INVALID_JSON"),
    (b'{"createEngagement": true,}', "body", "INVALID_JSON"),
    (b'{"durationSeconds": NaN}', "body", "INVALID_JSON"),
    (b'{"durationSeconds": Infinity}', "body", "INVALID_JSON"),
    (b'{"userId": 1, "userId": 2}', "body", "INVALID_JSON"),
    (b'{"externalCallId": "\xff\xfe"}', "body", "INVALID_JSON"),
    (b"\xef\xbb\xbf{}", "body", "INVALID_JSON"),
    (b"[" * 200_000 + b"]" * 200_000, "body", "INVALID_JSON"),
    (b"{} {}", "body", "INVALID_JSON"),
    (b"[]", "body", "INVALID_TYPE"),
    (b"null", "body", "INVALID_TYPE"),
    (b'"a string"', "body", "INVALID_TYPE"),
    (b"42", "body", "INVALID_TYPE"),
    (b"true", "body", "INVALID_TYPE"),
]


@pytest.mark.parametrize("path", INBOUND_CALL_PATHS)
@pytest.mark.parametrize(("raw", "where", "code"), RAW_CASES, ids=lambda v: repr(v)[:30])
async def test_bodies_that_are_not_one_json_object_are_refused(
    client: httpx.AsyncClient, path: str, raw: bytes, where: str, code: str
) -> None:
    answer = await client.post(path, content=raw, headers={"Content-Type": "application/json"})

    _assert_refused(answer, {(where, code)})


@pytest.mark.parametrize("path", INBOUND_CALL_PATHS)
@pytest.mark.parametrize(
    "content_type",
    [
        None,
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/json-patch+json",
        "application/json; charset=latin-1",
        "text/json",
    ],
)
async def test_a_body_that_is_not_declared_json_is_refused(
    client: httpx.AsyncClient, make_body: MakeBody, path: str, content_type: str | None
) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    request = client.build_request(
        "POST", path, content=json.dumps(make_body()).encode(), headers=headers
    )
    assert request.headers.get("Content-Type") == content_type

    answer = await client.send(request)

    _assert_refused(answer, {("header:Content-Type", "INVALID_CONTENT_TYPE")})


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json; charset=utf-8", "Application/JSON; charset=UTF-8"],
)
async def test_json_content_types_are_accepted(
    client: httpx.AsyncClient, make_body: MakeBody, content_type: str
) -> None:
    answer = await client.post(
        INBOUND_CALL_PATHS[0],
        content=json.dumps(make_body()).encode(),
        headers={"Content-Type": content_type},
    )

    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize("path", INBOUND_CALL_PATHS)
async def test_a_body_over_one_mebibyte_is_refused_with_413(
    client: httpx.AsyncClient, sandbox: SandboxServer, make_body: MakeBody, path: str
) -> None:
    body = make_body(engagementProperties={"hs_call_body": "x" * MAX_BODY_BYTES})

    answer = await client.post(path, json=body)

    assert answer.status_code == 413
    assert answer.json()["category"] == "VALIDATION_ERROR"
    assert sandbox.accepted_bodies() == []
    assert sandbox.requests[-1].body is None  # the oversized body is not kept


async def test_a_body_of_exactly_one_mebibyte_is_still_accepted(
    client: httpx.AsyncClient, make_body: MakeBody
) -> None:
    raw = json.dumps(make_body()).encode()
    padded = raw + b" " * (MAX_BODY_BYTES - len(raw))  # trailing whitespace is valid JSON
    assert len(padded) == MAX_BODY_BYTES

    answer = await client.post(
        INBOUND_CALL_PATHS[0], content=padded, headers={"Content-Type": "application/json"}
    )

    assert answer.status_code == 200, answer.text[:300]


def _minimal(body: dict[str, Any]) -> dict[str, Any]:
    for optional in ("callStartedTimestamp", "durationSeconds", "userId"):
        del body[optional]
    del body["toNumber"]["extension"]
    body["engagementProperties"] = {}
    body["potentialRecipientUserIds"] = []
    return body


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(_minimal, id="only-required-fields"),
        pytest.param(lambda b: {**b, "createEngagement": False}, id="ring-time-lookup"),
        pytest.param(lambda b: {**b, "durationSeconds": 0}, id="zero-duration"),
        pytest.param(lambda b: {**b, "userId": -(2**31)}, id="int32-min"),
        pytest.param(
            lambda b: {**b, "potentialRecipientUserIds": [0, -(2**31), 2**31 - 1]},
            id="int32-bounds",
        ),
        pytest.param(
            lambda b: {**b, "callStartedTimestamp": "2026-11-24t09:30:00z"}, id="lowercase-t-z"
        ),
        pytest.param(
            lambda b: {**b, "callStartedTimestamp": "2026-11-24T15:00:00.123456789+05:30"},
            id="offset-and-nanoseconds",
        ),
        pytest.param(
            lambda b: {**b, "callStartedTimestamp": "2024-02-29T23:59:59-08:00"}, id="leap-day"
        ),
        pytest.param(
            lambda b: {**b, "engagementProperties": {"hs_call_body": "", "ünïcödé": "☎"}},
            id="any-strings",
        ),
        pytest.param(
            lambda b: {
                **b,
                "fromNumber": {"e164Number": "+12125550143", "phoneNumberType": "UNKNOWN"},
            },
            id="unknown-type",
        ),
    ],
)
@pytest.mark.parametrize("path", INBOUND_CALL_PATHS)
async def test_valid_variants_are_accepted(
    client: httpx.AsyncClient,
    sandbox: SandboxServer,
    make_body: MakeBody,
    path: str,
    change: Callable[[dict[str, Any]], dict[str, Any]],
) -> None:
    body = change(make_body())

    answer = await client.post(path, json=body)

    assert answer.status_code == 200, answer.text
    assert sandbox.accepted_bodies() == [body]


def test_the_enums_are_exactly_the_contracts() -> None:
    assert len(CALL_STATUSES) == 13
    assert {s.value for s in CallStatus} == CALL_STATUSES
    assert len(PHONE_NUMBER_TYPES) == 12
    assert {t.value for t in PhoneNumberType} == PHONE_NUMBER_TYPES


@pytest.mark.parametrize("status", sorted(CALL_STATUSES))
def test_every_call_status_is_accepted(make_body: MakeBody, status: str) -> None:
    assert validate_inbound_call(make_body(finalCallStatus=status)) == []


@pytest.mark.parametrize("number_type", sorted(PHONE_NUMBER_TYPES))
def test_every_phone_number_type_is_accepted(make_body: MakeBody, number_type: str) -> None:
    body = make_body()
    body["toNumber"]["phoneNumberType"] = number_type

    assert validate_inbound_call(body) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-24T09:30:00Z", datetime(2026, 11, 24, 9, 30, tzinfo=UTC)),
        (
            "2026-11-24T09:30:00.5-03:30",
            datetime(
                2026, 11, 24, 9, 30, 0, 500_000, tzinfo=timezone(-timedelta(hours=3, minutes=30))
            ),
        ),
        ("2026-11-24T09:30:00+00:00", datetime(2026, 11, 24, 9, 30, tzinfo=UTC)),
        ("2026-11-24T09:30:00-00:00", datetime(2026, 11, 24, 9, 30, tzinfo=UTC)),
    ],
)
def test_rfc3339_timestamps_are_read_with_their_offset(text: str, expected: datetime) -> None:
    parsed = parse_rfc3339(text)

    assert parsed == expected
    assert parsed is not None
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-24T09:30:60Z",
        "2026-13-01T00:00:00Z",
        "2026-11-24T09:30:00.Z",
        "2026-11-24T09:30:00.1234567890Z",
        "2026-11-24T09:30:00+01:60",
        "+2026-11-24T09:30:00Z",
        "2026-11-24T09:30:00Z ",
        "2026-1-24T09:30:00Z",
    ],
)
def test_rfc3339_rejects_what_it_does_not_define(text: str) -> None:
    assert parse_rfc3339(text) is None
