"""SecretStore without a keyring daemon: backend checks, error mapping, validation, env."""

from __future__ import annotations

import logging
from typing import Any

import keyring
import keyring.compat
import keyring.core
import pytest
from hypothesis import given
from hypothesis import strategies as st
from keyring.backends import chainer, fail, null
from keyring.errors import (
    InitError,
    KeyringError,
    NoKeyringError,
    PasswordDeleteError,
    PasswordSetError,
)
from keyring.errors import KeyringLocked as LibKeyringLocked

from hubcall_desktop.core.errors import ConfigurationError, InputError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.secrets import keyring_local
from hubcall_desktop.secrets.errors import (
    InvalidSecretValue,
    KeyringFailed,
    KeyringLocked,
    NoKeyringBackend,
    NoTokenError,
)
from hubcall_desktop.secrets.store import MAX_TOKEN_LENGTH, SecretStore, validate_token

TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"
OTHER_TOKEN = "pat-eu1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def assert_no_secret(error: BaseException, *secrets: str) -> None:
    shown = f"{error}|{error!r}|{getattr(error, 'user_message', '')}|{error.args!r}"
    for secret in secrets:
        assert secret not in shown


# -- which backends are accepted -----------------------------------------------------------


@pytest.mark.parametrize("action", ["get", "set", "delete", "token", "name"])
def test_the_fail_backend_is_no_keyring(action: str) -> None:
    store = SecretStore(backend=fail.Keyring(), environ={})
    calls = {
        "get": lambda: store.get("webhook-secret"),
        "set": lambda: store.set("webhook-secret", TOKEN),
        "delete": lambda: store.delete("webhook-secret"),
        "token": lambda: store.access_token(),
        "name": store.backend_name,
    }
    with pytest.raises(NoKeyringBackend) as info:
        calls[action]()
    assert isinstance(info.value, ConfigurationError)
    assert "No secure keyring" in str(info.value)
    assert "HUBCALL_ACCESS_TOKEN" in str(info.value)
    assert_no_secret(info.value, TOKEN)


def test_the_null_backend_that_stores_nothing_is_refused() -> None:
    with pytest.raises(NoKeyringBackend, match="not recommended"):
        SecretStore(backend=null.Keyring()).get("x")


def test_a_chainer_with_nothing_to_chain_is_refused() -> None:
    class EmptyChain(chainer.ChainerBackend):
        backends = ()

    with pytest.raises(NoKeyringBackend, match="not recommended"):
        SecretStore(backend=EmptyChain()).set("x", "value")


def test_a_chainer_of_good_backends_is_accepted_and_one_with_plaintext_is_not(
    keyring_double: Any,
) -> None:
    class PlaintextKeyring(keyring_double):  # type: ignore[misc]
        pass

    class GoodChain(chainer.ChainerBackend):
        backends = (keyring_double(), keyring_double())

    class LeakyChain(chainer.ChainerBackend):
        backends = (keyring_double(), PlaintextKeyring())

    SecretStore(backend=GoodChain()).set("x", "value")
    with pytest.raises(NoKeyringBackend, match="keeps secrets in a file"):
        SecretStore(backend=LeakyChain()).set("x", "value")


@pytest.mark.parametrize(
    ("module", "name", "priority"),
    [
        ("keyrings.alt.file", "PlaintextKeyring", 0.5),  # as keyrings.alt ranks it
        ("keyrings.alt.file", "EncryptedKeyring", 5),  # even if ranked high: a file
        ("some.plugin", "PlaintextKeyring", 5),
        ("some.plugin", "WeakKeyring", 0.9),  # below keyring's own "recommended" bar
    ],
)
def test_plaintext_and_not_recommended_backends_are_refused(
    keyring_double: Any, module: str, name: str, priority: float
) -> None:
    backend_class = type(name, (keyring_double,), {"priority": priority, "__module__": module})
    backend = backend_class()
    with pytest.raises(NoKeyringBackend):
        SecretStore(backend=backend, environ={}).set_access_token(TOKEN)
    assert backend.calls == []  # refused before anything was written


def test_a_backend_whose_priority_raises_is_not_usable(keyring_double: Any) -> None:
    class Unavailable(keyring_double):  # type: ignore[misc]
        @keyring.compat.properties.classproperty
        def priority(cls) -> float:
            raise RuntimeError("SecretStorage required")

    with pytest.raises(NoKeyringBackend, match="SecretStorage required"):
        SecretStore(backend=Unavailable()).get("x")


def test_a_backend_keyring_cannot_load_is_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no_such_module.Keyring")
    with pytest.raises(NoKeyringBackend, match="could not load"):
        SecretStore(environ={}).get("x")


def test_the_backend_is_resolved_lazily_and_once(
    monkeypatch: pytest.MonkeyPatch, keyring_double: Any
) -> None:
    resolved: list[Any] = []

    def fake_default() -> Any:
        resolved.append(keyring_double())
        return resolved[-1]

    monkeypatch.setattr(keyring_local, "default_backend", fake_default)
    store = SecretStore(environ={})
    assert resolved == []
    assert "not resolved" in repr(store)
    store.set("a", "1")
    assert store.get("a") == Secret("1")
    assert store.backend_name() == keyring_double.name
    assert len(resolved) == 1
    assert "ScriptedKeyring" in repr(store)


# -- what backend failures become ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (InitError("Failed to create the collection: Prompt dismissed."), KeyringLocked),
        (LibKeyringLocked("Failed to unlock the collection!"), KeyringLocked),
        (KeyringError("Prompt dismissed"), KeyringLocked),
        (NoKeyringError("No recommended backend was available."), NoKeyringBackend),
        (KeyringError("org.freedesktop.DBus.Error.NoReply"), KeyringFailed),
        (PasswordSetError("Can't store password on keychain: -25308"), KeyringFailed),
        (ConnectionResetError(104, "Connection reset by peer"), KeyringFailed),
    ],
)
def test_backend_failures_become_typed_errors(
    memory_keyring: Any, raised: Exception, expected: type[Exception]
) -> None:
    store = SecretStore(backend=memory_keyring, environ={})
    memory_keyring.error = raised
    for call in (lambda: store.access_token(), lambda: store.set_access_token(TOKEN)):
        with pytest.raises(expected) as info:
            call()
        assert isinstance(info.value, ConfigurationError)
        assert str(info.value).endswith(".")  # a whole sentence for the user
        assert_no_secret(info.value, TOKEN)
    if expected is KeyringFailed:
        assert type(raised).__name__ in str(info.value)


def test_a_backend_that_echoes_the_secret_never_leaks_it(
    memory_keyring: Any, caplog: pytest.LogCaptureFixture
) -> None:
    memory_keyring.error = KeyringError(f"refused to store {TOKEN!r} for you")
    store = SecretStore(backend=memory_keyring, environ={})
    with caplog.at_level(logging.DEBUG), pytest.raises(KeyringFailed) as info:
        store.set_access_token(TOKEN)
    assert_no_secret(info.value, TOKEN)
    assert info.value.__cause__ is None  # the original, which holds the token, is dropped
    assert info.value.__suppress_context__
    assert TOKEN not in caplog.text
    assert "***" in str(info.value)


def test_deleting_a_missing_entry_is_fine(memory_store: SecretStore) -> None:
    memory_store.delete("webhook-secret")
    memory_store.delete_access_token("12345")


def test_a_delete_the_keyring_refuses_while_the_entry_stays_is_an_error(
    memory_keyring: Any, memory_store: SecretStore
) -> None:
    memory_store.set_access_token(TOKEN)
    memory_keyring.delete_error = PasswordDeleteError("Can't delete password in keychain")
    with pytest.raises(KeyringFailed, match="refused to delete"):
        memory_store.delete_access_token()
    assert memory_store.access_token() == Secret(TOKEN)


# -- tokens: validation, environment, portals ----------------------------------------------


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ("", "empty"),
        (" ", "spaces"),
        ("pat-na1 1234", "spaces"),
        (f" {TOKEN}", "spaces"),
        (f"{TOKEN}\n", "line breaks"),
        ("pat\r\nX-Injected: 1", "line breaks"),
        ("pat\tna1", "spaces"),
        ("pat\x00na1", "control"),
        ("pat\x1bna1", "control"),
        ("pat\u200bna1", "control"),  # zero-width space, invisible when pasted
        ("pät-na1", "characters a token cannot have"),
        ("x" * (MAX_TOKEN_LENGTH + 1), "longer than 512"),
        ("x" * 10_000, "longer than 512"),
    ],
)
def test_bad_tokens_are_refused_without_showing_them(
    memory_keyring: Any, memory_store: SecretStore, bad: str, problem: str
) -> None:
    for given_token in (bad, Secret(bad)):
        with pytest.raises(InvalidSecretValue, match=problem) as info:
            memory_store.set_access_token(given_token)
        assert isinstance(info.value, InputError)
        assert info.value.field == "access token"
        if bad.strip():
            assert_no_secret(info.value, bad.strip())
        assert len(str(info.value)) < 200
    assert memory_keyring.calls == []


def test_a_token_of_exactly_512_characters_is_accepted(memory_store: SecretStore) -> None:
    memory_store.set_access_token("x" * MAX_TOKEN_LENGTH)
    assert memory_store.access_token() == Secret("x" * MAX_TOKEN_LENGTH)


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1))
def test_any_visible_ascii_token_up_to_the_limit_round_trips(
    keyring_double: Any, token: str
) -> None:
    store = SecretStore(backend=keyring_double(), environ={})
    if len(token) > MAX_TOKEN_LENGTH:
        with pytest.raises(InvalidSecretValue):
            store.set_access_token(token)
        return
    store.set_access_token(token)
    assert store.access_token().reveal() == token


@given(st.text(), st.sampled_from([" ", "\n", "\t", "\r", "\x0b", "\u00a0", "\u3000"]), st.text())
def test_any_token_with_whitespace_is_refused(before: str, space: str, after: str) -> None:
    with pytest.raises(InvalidSecretValue):
        validate_token(before + space + after)


def test_tokens_are_kept_per_portal(memory_store: SecretStore) -> None:
    memory_store.set_access_token(TOKEN)
    memory_store.set_access_token(OTHER_TOKEN, portal="12345678")
    assert memory_store.access_token() == Secret(TOKEN)
    assert memory_store.access_token("12345678") == Secret(OTHER_TOKEN)
    memory_store.delete_access_token()
    with pytest.raises(NoTokenError, match="'default'"):
        memory_store.access_token()
    assert memory_store.access_token("12345678") == Secret(OTHER_TOKEN)


@pytest.mark.parametrize("portal", ["", " ", "my portal", "a\nb", "x" * 65, "\x00"])
def test_bad_portal_names_are_refused(memory_store: SecretStore, portal: str) -> None:
    with pytest.raises(InputError, match="portal"):
        memory_store.set_access_token(TOKEN, portal=portal)
    with pytest.raises(InputError, match="portal"):
        memory_store.access_token(portal)


def test_no_token_says_what_to_do(memory_store: SecretStore) -> None:
    with pytest.raises(NoTokenError) as info:
        memory_store.access_token("12345678")
    assert "'12345678'" in str(info.value)
    assert "HUBCALL_ACCESS_TOKEN" in str(info.value)


def test_the_environment_token_wins_and_never_touches_the_keyring() -> None:
    store = SecretStore(backend=fail.Keyring(), environ={"HUBCALL_ACCESS_TOKEN": f" {TOKEN}\n"})
    assert store.access_token() == Secret(TOKEN)
    assert store.access_token("12345678") == Secret(TOKEN)


def test_the_environment_token_wins_over_a_saved_one(memory_keyring: Any) -> None:
    SecretStore(backend=memory_keyring, environ={}).set_access_token(TOKEN)
    store = SecretStore(backend=memory_keyring, environ={"HUBCALL_ACCESS_TOKEN": OTHER_TOKEN})
    assert store.access_token() == Secret(OTHER_TOKEN)
    assert list(memory_keyring.items.values()) == [TOKEN]  # never stored


def test_an_empty_environment_token_counts_as_unset(memory_keyring: Any) -> None:
    store = SecretStore(backend=memory_keyring, environ={"HUBCALL_ACCESS_TOKEN": "  "})
    with pytest.raises(NoTokenError):
        store.access_token()


def test_a_bad_environment_token_names_the_variable_not_the_value() -> None:
    store = SecretStore(backend=fail.Keyring(), environ={"HUBCALL_ACCESS_TOKEN": "pat na1"})
    with pytest.raises(InvalidSecretValue, match="HUBCALL_ACCESS_TOKEN") as info:
        store.access_token()
    assert_no_secret(info.value, "pat na1")


# -- generic entries -----------------------------------------------------------------------


def test_generic_entries_round_trip_as_secrets(memory_store: SecretStore) -> None:
    assert memory_store.get("webhook-secret") is None
    memory_store.set("webhook-secret", Secret("s3cr3t value with spaces"))
    value = memory_store.get("webhook-secret")
    assert isinstance(value, Secret)
    assert value.reveal() == "s3cr3t value with spaces"
    memory_store.delete("webhook-secret")
    assert memory_store.get("webhook-secret") is None


def test_an_empty_stored_value_reads_as_missing(
    memory_keyring: Any, memory_store: SecretStore
) -> None:
    memory_keyring.items[("hubcall-desktop", "webhook-secret")] = ""
    assert memory_store.get("webhook-secret") is None


@pytest.mark.parametrize("value", ["", "a\x00b", "line\nbreak", "x" * 8193])
def test_bad_generic_values_are_refused(memory_store: SecretStore, value: str) -> None:
    with pytest.raises(InvalidSecretValue) as info:
        memory_store.set("webhook-secret", value)
    if value:
        assert_no_secret(info.value, value)


@pytest.mark.parametrize("name", ["", "a\nb", "tab\there", "x" * 201])
def test_bad_entry_names_are_refused(memory_store: SecretStore, name: str) -> None:
    for call in (
        lambda: memory_store.get(name),
        lambda: memory_store.set(name, "v"),
        lambda: memory_store.delete(name),
    ):
        with pytest.raises(InputError, match="secret name"):
            call()


def test_secrets_never_show_in_the_store_or_its_values(
    memory_store: SecretStore, keyring_double: Any
) -> None:
    memory_store.set_access_token(TOKEN)
    token = memory_store.access_token()
    shown = f"{memory_store!r} {memory_store} {token!r} {token} {[token]} {token:>80}"
    assert TOKEN not in shown
    with pytest.raises(TypeError):
        SecretStore(backend=keyring_double()).set("x", 12345)  # type: ignore[arg-type]
