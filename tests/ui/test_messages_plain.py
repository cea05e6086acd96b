"""Error texts in the agent's words: whatever went wrong, the text shown names no exception
class and no API or settings field name, in English and in German."""

from __future__ import annotations

import builtins
import dataclasses
import re
from collections.abc import Iterator

import httpx
import keyring.errors
import pytest
from PySide6.QtWidgets import QApplication

from hubcall_desktop.core.settings import Settings
from hubcall_desktop.hubspot.errors import REJECTED_CALL, UNREACHABLE
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.text.messages import message_text

from .message_samples import Sample, samples


def _exception_names() -> set[str]:
    names: set[str] = set()
    for module in (builtins, httpx, keyring.errors):
        for name, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, BaseException):
                names.add(name)
    return names


CLASS_NAME = re.compile(r"\b(?:" + "|".join(sorted(_exception_names())) + r")\b")
CAMEL_CASE = re.compile(r"\b(?!macOS\b)[a-z]+[A-Z][A-Za-z]*\b")  # fromNumber, callTitle
# The app builds a call's engagement properties itself: that check never meets the agent.
NEVER_SHOWN = {"odd property"}
SETTING_NAME = re.compile(
    r"\b(?:" + "|".join(f.name for f in dataclasses.fields(Settings) if "_" in f.name) + r")\b"
)


@pytest.fixture(scope="module")
def real_samples(tmp_path_factory: pytest.TempPathFactory) -> list[Sample]:
    return samples(tmp_path_factory.mktemp("samples"))


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, "en")


def test_no_programmer_words_reach_the_agent(real_samples: list[Sample], language: str) -> None:
    assert any("ConnectError" in text for _, text in real_samples)  # what the code says
    assert any("check toNumber" in text for _, text in real_samples)
    assert any("RuntimeError" in text for _, text in real_samples)
    assert any(text.startswith("user_id:") for _, text in real_samples)
    shown = [
        (label, message_text(text)) for label, text in real_samples if label not in NEVER_SHOWN
    ]
    for pattern in (CLASS_NAME, CAMEL_CASE, SETTING_NAME):
        found = [(label, text) for label, text in shown if pattern.search(text)]
        assert found == [], pattern.pattern[:60]


@pytest.mark.parametrize(
    ("said", "english", "german"),
    [
        (
            UNREACHABLE("ConnectError"),
            "Could not reach HubSpot. Check that this computer is online; calls wait in the "
            "queue until HubSpot can be reached.",
            "HubSpot ist nicht erreichbar. Prüfen Sie, ob dieser Computer online ist; Anrufe "
            "warten in der Warteschlange, bis HubSpot erreichbar ist.",
        ),
        (
            REJECTED_CALL("callTitle, durationSeconds"),
            "HubSpot refused the call because of the title, the duration. Correct it and log "
            "the call again.",
            "HubSpot hat den Anruf abgelehnt. Bitte korrigieren: der Titel, die Dauer. "
            "Protokollieren Sie den Anruf danach erneut.",
        ),
    ],
)
def test_what_happened_and_what_to_do(
    qapp: QApplication, said: str, english: str, german: str
) -> None:
    assert message_text(said) == english
    install_translations(qapp, "de")
    try:
        assert message_text(said) == german
    finally:
        install_translations(qapp, "en")
