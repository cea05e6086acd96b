"""``hubcall-desktop auth``: OAuth login in a real subprocess against the sandbox, with the
real Secret Service (test session) for everything that stores a secret."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hubcall_desktop.sandbox import DEMO_TOKEN, SANDBOX_PORTAL_ID, SandboxThread
from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_USER_ID
from tests.oauth_redirect import free_port

from .conftest import keyring_value, login, oauth_counts


def test_login_without_client_id_says_what_to_do(run: Any, oauth_env: dict[str, str]) -> None:
    result = run("auth", "login", "--no-browser", "--timeout", "1", env=oauth_env)
    assert result.code == 5
    assert "client id" in result.err
    assert "http" not in result.out


def test_login_without_keyring_stops_before_the_browser(
    run: Any, oauth_env: dict[str, str]
) -> None:
    env = {**oauth_env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = run("auth", "login", "--no-browser", "--client-id", SANDBOX_CLIENT_ID, env=env)
    assert result.code == 5
    assert "keyring" in result.err
    assert "oauth/authorize" not in result.out


@pytest.mark.usefixtures("keyring_entries")
def test_login_status_logout_round_trip(
    run: Any, oauth_env: dict[str, str], sandbox: SandboxThread, tmp_path: Path
) -> None:
    client_secret = run("auth", "set-client-secret", env=oauth_env, stdin=SANDBOX_CLIENT_SECRET)
    assert client_secret.code == 0, client_secret.err

    code, out, err, cmdline = login(oauth_env)
    assert code == 0, err
    assert "Connected portal" in out
    refresh = keyring_value("oauth-refresh-token:default")
    assert refresh.startswith("sbx-rt-")
    for secret in (refresh, SANDBOX_CLIENT_SECRET):
        assert secret not in cmdline
        assert secret not in out + err

    status = run("auth", "status", "--json", env=oauth_env)
    assert status.code == 0, status.err
    doc = status.json()
    assert doc["connection"] == "oauth" and doc["status"] == "connected"
    assert doc["userId"] == SANDBOX_USER_ID and doc["portalId"] == SANDBOX_PORTAL_ID
    assert "crm.objects.contacts.write" in doc["scopes"]
    assert doc["accessTokenExpires"] and doc["keyringBackend"]
    assert refresh not in status.out

    data = tmp_path / "data"
    settings = json.loads((data / "settings.json").read_text())
    assert settings["user_id"] == SANDBOX_USER_ID  # prefilled for the agent
    for path in data.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert refresh.encode() not in content, path
            assert SANDBOX_CLIENT_SECRET.encode() not in content, path

    logout = run("auth", "logout", env=oauth_env)
    assert logout.code == 0, logout.err
    assert keyring_value("oauth-refresh-token:default") == ""
    assert keyring_value("oauth-client-secret") == ""
    assert oauth_counts(sandbox)["counts"].get("revoked") == 1
    after = run("auth", "status", "--json", env=oauth_env)
    assert after.code == 5 and after.json()["connection"] == "none"


@pytest.mark.usefixtures("keyring_entries")
def test_legacy_login_uses_v1(oauth_env: dict[str, str], sandbox: SandboxThread) -> None:
    code, _, err, _ = login(oauth_env, "--legacy")
    assert code == 0, err
    assert any(r.path == "/oauth/v1/token" for r in sandbox.requests)


@pytest.mark.usefixtures("keyring_entries")
def test_login_times_out_when_nobody_answers(run: Any, oauth_env: dict[str, str]) -> None:
    result = run(
        "auth",
        "login",
        "--no-browser",
        "--client-id",
        SANDBOX_CLIENT_ID,
        "--timeout",
        "0.5",
        "--redirect-port",
        str(free_port()),
        env=oauth_env,
    )
    assert result.code == 2
    assert "No answer from the browser" in result.err
    assert keyring_value("oauth-refresh-token:default") == ""


@pytest.mark.usefixtures("keyring_entries")
def test_set_token_from_stdin_still_works(run: Any, oauth_env: dict[str, str]) -> None:
    saved = run("auth", "set-token", env=oauth_env, stdin=DEMO_TOKEN + "\n")
    assert saved.code == 0, saved.err
    status = run("auth", "status", "--json", env=oauth_env)
    assert status.json()["connection"] == "private-app"
    assert DEMO_TOKEN not in status.out
    assert run("auth", "logout", env=oauth_env).code == 0
    assert keyring_value("access-token:default") == ""
