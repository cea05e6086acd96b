"""Each published version of the inbound-call path, served with its own security schemes:
v3 and 2026-03 list OAuth only, 2025-09 and 2026-09 also private apps; the scopes a token
lacks are named the way HubSpot names them; the body rules are the same everywhere."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from hubcall_desktop.core.api_versions import API_VERSIONS, VERSIONS
from hubcall_desktop.sandbox import DEMO_TOKEN, SandboxServer
from hubcall_desktop.sandbox.paths import INBOUND_CALL_PATHS

MakeBody = Callable[..., dict[str, Any]]

PRIVATE_APP = "pat-na1-private-app-token"
LEGACY_PRIVATE_APP = "pat-na1-legacy-private-app-token"
READ_ONLY_OAUTH = "oauth-token-with-read-scope-only"
LEGACY_SCOPE_OAUTH = "oauth-token-with-the-legacy-scope"

# version -> (OAuth, private app) statuses, straight from the published descriptions.
EXPECTED = {
    "v3": (200, 403),
    "2025-09": (200, 200),
    "2026-03": (200, 403),
    "2026-09": (200, 200),
}


@pytest.fixture
async def versions_sandbox() -> AsyncIterator[SandboxServer]:
    server = SandboxServer(
        tokens=(DEMO_TOKEN, READ_ONLY_OAUTH, LEGACY_SCOPE_OAUTH),
        private_app_tokens=(PRIVATE_APP, LEGACY_PRIVATE_APP),
        token_scopes={
            READ_ONLY_OAUTH: ("crm.objects.contacts.read",),
            LEGACY_SCOPE_OAUTH: ("contacts",),
            LEGACY_PRIVATE_APP: ("contacts",),
        },
    )
    await server.start()
    yield server
    await server.stop()


async def _post(server: SandboxServer, version: str, token: str, body: Any) -> httpx.Response:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
        return await http.post(
            VERSIONS[version].path, json=body, headers={"Authorization": f"Bearer {token}"}
        )


def test_the_sandbox_serves_the_four_published_paths() -> None:
    assert API_VERSIONS == ("v3", "2025-09", "2026-03", "2026-09")
    assert INBOUND_CALL_PATHS == (
        "/crm/v3/extensions/calling/inbound-call",
        "/crm/extensions/calling/2025-09/inbound-call",
        "/crm/extensions/calling/2026-03/inbound-call",
        "/crm/extensions/calling/2026-09/inbound-call",
    )


@pytest.mark.parametrize("version", API_VERSIONS)
@pytest.mark.parametrize("kind", ["oauth", "private app"])
async def test_each_version_takes_the_token_kinds_its_description_lists(
    versions_sandbox: SandboxServer, make_body: MakeBody, version: str, kind: str
) -> None:
    token = DEMO_TOKEN if kind == "oauth" else PRIVATE_APP
    expected = EXPECTED[version][kind != "oauth"]
    answer = await _post(versions_sandbox, version, token, make_body())
    assert answer.status_code == expected, answer.text
    if expected == 403:
        error = answer.json()
        assert error["category"] == "INVALID_AUTHENTICATION"
        assert error["message"] == (
            f"This endpoint ({version}) does not support private app access tokens; "
            "use an OAuth access token."
        )
        assert answer.headers["X-HubSpot-Correlation-Id"] == error["correlationId"]
        assert versions_sandbox.accepted_bodies() == []  # refused: HubSpot logged nothing
    else:
        assert answer.json()["callerIdMatches"]
        assert versions_sandbox.accepted_bodies() == [make_body()]


@pytest.mark.parametrize("version", API_VERSIONS)
async def test_an_unknown_or_missing_token_is_401_on_every_version(
    versions_sandbox: SandboxServer, make_body: MakeBody, version: str
) -> None:
    assert (await _post(versions_sandbox, version, "nobody", make_body())).status_code == 401
    async with httpx.AsyncClient(base_url=versions_sandbox.base_url, timeout=10) as http:
        bare = await http.post(VERSIONS[version].path, json=make_body())
    assert bare.status_code == 401
    assert bare.json()["category"] == "INVALID_AUTHENTICATION"


@pytest.mark.parametrize("version", API_VERSIONS)
async def test_a_token_without_any_accepted_scope_is_told_which_it_needs(
    versions_sandbox: SandboxServer, make_body: MakeBody, version: str
) -> None:
    answer = await _post(versions_sandbox, version, READ_ONLY_OAUTH, make_body())
    assert answer.status_code == 403
    error = answer.json()
    assert error["category"] == "MISSING_SCOPES"
    assert error["message"] == "One or more of the following scopes are required."
    assert error["context"]["requiredGranularScopes"] == [
        "crm.objects.contacts.write",
        "crm.objects.contacts.sensitive.write.v2",
        "crm.objects.contacts.highly_sensitive.write.v2",
        "crm.schemas.contacts.write",
    ]


@pytest.mark.parametrize("version", ["2025-09", "2026-09"])
async def test_the_legacy_contacts_scope_is_a_private_app_scope_only(
    versions_sandbox: SandboxServer, make_body: MakeBody, version: str
) -> None:
    private = await _post(versions_sandbox, version, LEGACY_PRIVATE_APP, make_body())
    oauth = await _post(versions_sandbox, version, LEGACY_SCOPE_OAUTH, make_body())
    assert (private.status_code, oauth.status_code) == (200, 403)
    assert "contacts" not in oauth.json()["context"]["requiredGranularScopes"]


@pytest.mark.parametrize("version", API_VERSIONS)
async def test_the_body_rules_are_the_same_on_every_version(
    versions_sandbox: SandboxServer, make_body: MakeBody, version: str
) -> None:
    answer = await _post(versions_sandbox, version, DEMO_TOKEN, make_body(durationSeconds=1.5))
    assert answer.status_code == 400
    assert [e["in"] for e in answer.json()["errors"]] == ["durationSeconds"]
    extra = await _post(versions_sandbox, version, DEMO_TOKEN, make_body(hs_call_body="x"))
    assert [e["code"] for e in extra.json()["errors"]] == ["UNKNOWN_FIELD"]


async def test_the_scheme_is_checked_before_the_body(
    versions_sandbox: SandboxServer, make_body: MakeBody
) -> None:
    """A private-app token on v3 learns about the token, not about its body."""
    answer = await _post(versions_sandbox, "v3", PRIVATE_APP, {"not": "a call"})
    assert answer.status_code == 403
    assert "errors" not in answer.json()
