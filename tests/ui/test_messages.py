"""The Qt-free code's sentences in the UI language: every one the code says is in the
catalogue and has a German translation; HubSpot's words and unknown text stay as written;
the windows that show such sentences show them translated."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hubcall_desktop.core.call import Call, SyncState
from hubcall_desktop.core.desk_types import DeskUpdate, ManualResult, UpdateKind
from hubcall_desktop.core.errors import INPUT_PROBLEM, LONGER_THAN, InputError
from hubcall_desktop.core.log_verdict import Verdict
from hubcall_desktop.core.manual_log import EXTENSION_DIGITS
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.hubspot.errors import (
    REJECTED_CALL,
    SERVER_ERROR,
    UNREACHABLE,
    HubSpotValidationError,
    error_from_response,
)
from hubcall_desktop.secrets.oauth_client import REFUSED as OAUTH_REFUSED
from hubcall_desktop.services.desk_wrap_up import CHOOSE_STATUS
from hubcall_desktop.storage.database import damaged_error
from hubcall_desktop.storage.errors import AlreadyLogged, AlreadyQueued
from hubcall_desktop.ui.models.history_model import Column, HistoryModel
from hubcall_desktop.ui.text import messages
from hubcall_desktop.ui.text.i18n import install_translations
from hubcall_desktop.ui.text.messages import known_text, message_text
from hubcall_desktop.ui.windows.call_dialog import CallDialog
from hubcall_desktop.ui.windows.log_form import LogCallForm
from hubcall_desktop.ui.windows.popup import CallPopup

from .message_samples import Sample, samples
from .message_sweep import HOLE, Probe, probes

# Raise sites whose sentences the app never shows, by file; messages.py says why.
NOT_SHOWN = {
    "hubcall_desktop/core/events.py": "event parsing: the softphone gets an HTTP answer",
    "hubcall_desktop/core/statuses.py": "status parsing: the softphone gets an HTTP answer",
    "hubcall_desktop/sources/handoff.py": "the command line's hand-off to the app",
    "hubcall_desktop/storage/sender_lock.py": "the command line's outbox sender",
}
# Single texts kept as written: names of the API and of internal checks, and a sentence
# that can only occur in tests (no Windows registry on Windows).
KEPT = {
    "engagementProperties",
    "secret name",
    "must not contain control characters",  # a secret's name: internal, never typed
    "The Windows registry is only there on Windows.",
}
SENTENCE = REJECTED_CALL("fromNumber")
GERMAN_SENTENCE = (
    "HubSpot hat den Anruf abgelehnt. Bitte korrigieren: die Nummer des Anrufers. "
    "Protokollieren Sie den Anruf danach erneut."
)


@pytest.fixture(scope="module")
def real_samples(tmp_path_factory: pytest.TempPathFactory) -> list[Sample]:
    return samples(tmp_path_factory.mktemp("samples"))


@pytest.fixture(scope="module")
def raise_sites() -> list[Probe]:
    return [
        probe
        for probe in probes()
        if probe.where.split(":")[0] not in NOT_SHOWN and probe.text not in KEPT
    ]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The shipped German translation (``packaging/translations.py release`` makes it)."""
    install_translations(qapp, "de")
    yield
    install_translations(qapp, "en")


def _translated(text: str) -> str:
    """``text`` as the UI shows it: a sentence, or a field or action name."""
    shown = message_text(text)
    if shown == text and text in messages._FIELDS:
        shown = QCoreApplication.translate("MessageField", text)
    if shown == text and text in messages._ACTIONS:
        shown = QCoreApplication.translate("MessageAction", text)
    return shown


# -- in step with the code ------------------------------------------------------------------


def test_the_samples_reach_the_sentences(real_samples: list[Sample]) -> None:
    assert len(real_samples) > 120
    assert any("HubSpot said:" in text for _, text in real_samples)


def test_in_english_every_sentence_is_known_and_loses_nothing(
    real_samples: list[Sample],
) -> None:
    """Every sentence is in the catalogue. English shows it as written, or in the agent's
    words where the catalogue chose so (a settings name as the dialog labels it, a
    library's class name dropped, a sentence reworded); the value it carried is still
    there."""
    unknown = [(label, text) for label, text in real_samples if known_text(text) is None]
    assert unknown == []
    lost = []
    for label, text in real_samples:
        shown = known_text(text)
        assert shown is not None
        if shown == text or messages.is_reworded(text):
            continue
        value = re.search(r"\(got (.*)\)$", text)
        if value is not None and value[0] not in shown:
            lost.append((label, text, shown))
    assert lost == []


def test_every_sentence_the_code_says_has_a_german_translation(
    real_samples: list[Sample], german: None
) -> None:
    untranslated = [(label, text) for label, text in real_samples if message_text(text) == text]
    assert untranslated == []


def test_raise_sites_pass_templates_not_text(raise_sites: list[Probe]) -> None:
    """The Qt-free code says a sentence through a template (the UI could not translate
    text). The only text left at a raise site is a field or action name, which the UI
    labels; NOT_SHOWN and KEPT above list what the app never shows."""
    assert len(raise_sites) + len(messages.by_id()) > 120  # most sentences are templates
    text = [
        (probe.where, probe.text.replace(HOLE, "{…}"))
        for probe in raise_sites
        if probe.text not in messages._FIELDS and probe.text not in messages._ACTIONS
    ]
    assert text == []


def test_fixed_sentences_of_raise_sites_have_a_german_translation(
    raise_sites: list[Probe], german: None
) -> None:
    untranslated = [
        (probe.where, probe.text)
        for probe in raise_sites
        if probe.literal and _translated(probe.text) == probe.text
    ]
    assert untranslated == []


def test_the_catalogue_is_well_formed() -> None:
    """Each source text once (an id each); each template's kinds are known ones."""
    sources = messages.catalogue()
    assert len(sources) == len(set(sources))
    kinds = {name for _source, spec in messages._BY_ID.values() for name in spec.split()}
    assert kinds <= set(messages._SLOTS)


# -- what passes, what is kept --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Something nobody wrote down.",
        "HubSpot refused",
        "%1",
        "%1 (HubSpot said: %2)",
        "x: y",
        "from: something new (got 'x')",
        "not a phone number, really",
        "The call journal  is read-only.",
        "Nicht mit HubSpot verbunden.",
    ],
)
def test_unknown_text_is_shown_as_written(german: None, text: str) -> None:
    assert message_text(text) == text


def test_hubspots_own_words_stay_as_hubspot_wrote_them(german: None) -> None:
    said = "Not connected to HubSpot."  # one of our sentences, but HubSpot's words here
    error = error_from_response(
        400, {"message": said, "correlationId": "c0ffee-1", "errors": [{"in": "fromNumber"}]}, None
    )
    assert message_text(error.user_message) == (
        f"{GERMAN_SENTENCE} (HubSpot meldete: {said}; Korrelations-ID c0ffee-1)"
    )
    refusal = OAUTH_REFUSED("the number is withheld")  # OAuth's refusal, HubSpot's words
    assert message_text(refusal) == "HubSpot hat abgelehnt: the number is withheld"


def test_nested_sentences_are_translated_and_values_kept(german: None) -> None:
    journal = Path("/home/anna/.local/share/hubcall (2)/calls.sqlite3")
    shown = message_text(damaged_error(journal, "file is not a database").user_message)
    assert shown.startswith(f"Das Anrufjournal {journal} ist beschädigt")
    assert "(file is not a database)" in shown
    value = "'+49 30 %1 (got it)'"
    text = InputError("notes", value, LONGER_THAN(65536)).user_message
    assert message_text(text) == f"Notizen: länger als 65536 Zeichen (Wert: {value!r})"


@pytest.mark.parametrize(
    "said",
    [
        "use %1 and %2, then \\1 \\g<0> $1 $&",
        r"regex .*+?[](){}|^$\ all here",
        "control \x00\x07\x1b[31m red \u202e reversed\nnext line\r\n",
        "nested (HubSpot said: inner; correlation id fake) end",
        "ünïcødé ✓ 电话 📞",
        "x" * 5000,
    ],
)
def test_hostile_hubspot_text_is_kept_exactly(german: None, said: str) -> None:
    error = HubSpotValidationError(
        SENTENCE, error_from_response(400, {"message": said}, None).details
    )
    kept = error.details.message  # HubSpot's message, cut at 1000 characters
    assert kept == said[:1000]
    assert message_text(error.user_message) == f"{GERMAN_SENTENCE} (HubSpot meldete: {kept})"


def test_plain_text_is_shown_as_written_whatever_it_holds(german: None) -> None:
    """Plain text is never taken apart, however it looks: our sentence as text, with
    HubSpot's words after it, stays as it is."""
    said = str(SENTENCE) + " (HubSpot said: " + "y" * 5000 + ")"
    assert message_text(said) == said
    huge = "(HubSpot said: " * 20_000
    assert message_text(huge) == huge
    assert message_text(str(SENTENCE)) == str(SENTENCE)


def test_hostile_paths_are_kept(german: None) -> None:
    for path in ("/tmp/%1/calls.sqlite3", "/tmp/a (b)/c.sqlite3", "C:\\Users\\%2\\$1\\x"):
        shown = message_text(damaged_error(Path(path), "%1").user_message)
        assert f"Das Anrufjournal {Path(path)} ist beschädigt" in shown
        assert "(%1)" in shown


def test_a_translation_that_lost_a_marker_shows_english(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A bad translation must not hide HubSpot's words: the English sentence is used."""

    def translate(context: str, text: str, *args: object) -> str:
        return "Serverfehler." if "server error" in text else text

    monkeypatch.setattr(messages.QCoreApplication, "translate", staticmethod(translate))
    text = SERVER_ERROR(503)
    assert message_text(text) == text
    assert "lost a marker" in caplog.text


# -- the windows show them translated ---------------------------------------------------------


def _call() -> Call:
    return Call(raw_from="+4930123456", raw_to="+4930654321")


def test_the_popup_says_why_in_german(qtbot: QtBot, german: None) -> None:
    popup = CallPopup(_call(), "DE", "app.hubspot.com")
    qtbot.addWidget(popup)
    popup.show_lookup_failed(UNREACHABLE("ConnectError"))
    assert (
        popup.info.text()
        == "HubSpot konnte nicht gefragt werden: HubSpot ist nicht erreichbar. Prüfen Sie, ob "
        "dieser Computer online ist; Anrufe warten in der Warteschlange, bis HubSpot "
        "erreichbar ist."
    )
    popup.show_error(AlreadyQueued("call-1").user_message)
    assert (
        popup.info.text()
        == "Dieser Anruf wartet bereits darauf, in HubSpot protokolliert zu werden."
    )


def test_the_history_tooltip_says_the_failure_in_german(qtbot: QtBot, german: None) -> None:
    model = HistoryModel("DE")
    call = _call()
    model._insert_top(call)
    call.sync_state = SyncState.FAILED
    model.apply_update(DeskUpdate(UpdateKind.SYNC, call, error=SENTENCE))
    tooltip = model.data(model.index(0, Column.SYNC), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == GERMAN_SENTENCE
    assert model.error_for(call.external_call_id) == SENTENCE  # kept as said, shown translated


def test_the_call_dialog_says_the_failure_in_german(qtbot: QtBot, german: None) -> None:
    call = _call()
    call.sync_state = SyncState.FAILED
    dialog = CallDialog(call, "DE", "app.hubspot.com")
    qtbot.addWidget(dialog)
    dialog.show_call(call, SENTENCE)
    assert dialog.sync.text().endswith("\n" + GERMAN_SENTENCE)
    dialog.show_error(INPUT_PROBLEM("status", CHOOSE_STATUS()))
    assert (
        dialog.error.text()
        == "Status: wählen Sie den Status des Anrufs, bevor Sie ihn protokollieren"
    )


def test_the_log_form_says_refusals_and_problems_in_german(qtbot: QtBot, german: None) -> None:
    form = LogCallForm(Settings())
    qtbot.addWidget(form)
    form.show_refusal(AlreadyLogged("call-1").user_message)
    assert form.message.text() == (
        "Dieser Anruf ist bereits in HubSpot protokolliert; ein Anruf wird nur einmal protokolliert."
    )
    form.show_input_error(InputError("extension", "12345678901", EXTENSION_DIGITS(10)))
    assert form.error_text("extension") == "1 bis 10 Ziffern verwenden"
    refused = error_from_response(400, {"errors": [{"in": "fromNumber"}]}, None)
    result = ManualResult(_call(), Verdict.REFUSED, error=refused, error_fields=("fromNumber",))
    form.show_result(result, "app.hubspot.com")
    assert form.error_text("from") == GERMAN_SENTENCE
