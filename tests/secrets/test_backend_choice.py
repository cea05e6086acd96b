"""The keyring backend taken without keyring's ranking: only where the ranking could pick
nothing but the Secret Service, and then the very same backend it would pick."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService
from keyring.util import platform_

from hubcall_desktop.secrets import backend_choice
from hubcall_desktop.secrets.backend_choice import direct_choice

REPO = Path(__file__).resolve().parents[2]
GUARD_S = 60  # a hang guard; nothing is timed


class ViableSecretService:
    """Stands in for a Secret Service that answers, so that each condition below is the
    only reason the choice is left to keyring."""

    priority = 5.0


@pytest.fixture
def viable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    monkeypatch.setattr(SecretService, "Keyring", ViableSecretService)
    monkeypatch.setattr(platform_, "config_root", lambda: str(tmp_path))  # no config file
    set_as_keyrings: list[object] = []
    monkeypatch.setattr(keyring, "set_keyring", set_as_keyrings.append)
    return set_as_keyrings


def test_the_secret_service_is_taken_when_nothing_else_could_be(
    viable: list[object],
) -> None:
    chosen = direct_choice({}, platform="linux")
    assert isinstance(chosen, ViableSecretService)
    assert viable == [chosen], "keyring's own functions use it too"


@pytest.mark.usefixtures("viable")
def test_other_platforms_rank_as_keyring_does() -> None:
    assert direct_choice({}, platform="darwin") is None
    assert direct_choice({}, platform="win32") is None


@pytest.mark.usefixtures("viable")
def test_a_backend_named_in_the_environment_is_left_to_keyring() -> None:
    named = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    assert direct_choice(named, platform="linux") is None


@pytest.mark.usefixtures("viable")
def test_keyrings_config_file_is_left_to_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "keyringrc.cfg").write_text("[backend]\ndefault-keyring=x.Keyring\n")
    monkeypatch.setattr(platform_, "config_root", lambda: str(tmp_path))
    assert direct_choice({}, platform="linux") is None


@pytest.mark.usefixtures("viable")
def test_another_linux_backend_installed_is_ranked(monkeypatch: pytest.MonkeyPatch) -> None:
    """KWallet or libsecret may win or be chained: keyring decides."""
    monkeypatch.setattr(backend_choice, "OTHER_LINUX_BINDINGS", ("dbus", "json"))
    assert direct_choice({}, platform="linux") is None


def test_no_secret_service_means_the_ranking_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", os.devnull)  # no config file either
    assert direct_choice({}, platform="linux") is None


PROBE = """
import json, sys
import keyring
from hubcall_desktop.secrets.store import SecretStore
if sys.argv[1] == "ranked":
    chosen = keyring.core._detect_backend()  # keyring's own ranking, as get_keyring runs it
else:
    chosen = SecretStore().keyring().backend()
    assert keyring.get_keyring() is chosen, "keyring's module functions use it too"
print(json.dumps({
    "backend": f"{type(chosen).__module__}.{type(chosen).__name__}",
    "ranked": "keyring.backends.kwallet" in sys.modules,
}))
"""


def probe(mode: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=GUARD_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return found


@pytest.mark.real_session
def test_with_a_secret_service_the_store_takes_what_the_ranking_would() -> None:
    ranked, direct = probe("ranked"), probe("store")
    assert ranked == {"backend": "keyring.backends.SecretService.Keyring", "ranked": True}
    assert direct == {"backend": "keyring.backends.SecretService.Keyring", "ranked": False}
