"""``auth login`` and the fixed redirect: the port from the settings or ``--redirect-port``,
a port another program holds refused before any address is printed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from hubcall_desktop.sandbox.oauth import SANDBOX_CLIENT_ID
from tests.oauth_redirect import held_port, register_port_sync

from .conftest import command


def test_a_held_port_is_refused_with_what_to_do(run: Any, oauth_env: dict[str, str]) -> None:
    with held_port() as other:
        port = other.getsockname()[1]
        result = run(
            "auth",
            "login",
            "--no-browser",
            "--client-id",
            SANDBOX_CLIENT_ID,
            "--redirect-port",
            str(port),
            env=oauth_env,
        )
    assert result.code == 2, result.err
    assert f"Port {port}, where the browser returns" in result.err
    assert "oauth/authorize" not in result.out


@pytest.mark.parametrize("port", ["80", "65536", "http"])
def test_an_unusable_port_is_a_usage_error(run: Any, oauth_env: dict[str, str], port: str) -> None:
    result = run("auth", "login", "--no-browser", "--redirect-port", port, env=oauth_env)
    assert result.code == 2
    assert "1024 to 65535" in result.err


@pytest.mark.usefixtures("keyring_entries")
def test_the_settings_port_is_the_redirect(oauth_env: dict[str, str], tmp_path: Path) -> None:
    port = register_port_sync(oauth_env["HUBCALL_API_BASE"])
    data = Path(oauth_env["HUBCALL_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"oauth_redirect_port": port}))
    process = subprocess.Popen(
        command(
            "auth", "login", "--no-browser", "--client-id", SANDBOX_CLIENT_ID, "--timeout", "1"
        ),
        env=oauth_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    address = next(line for line in out.splitlines() if line.startswith("http"))
    redirect = parse_qs(urlsplit(address).query)["redirect_uri"]
    assert redirect == [f"http://localhost:{port}/oauth-callback"], err
    assert "No answer from the browser within 1 seconds" in err
    # HubSpot never redirects to an unregistered URL: the end of the wait names what to add.
    assert f"add http://localhost:{port}/oauth-callback to the HubSpot app's redirect" in err
