"""Sentences made from templates: the UI's table and the code's templates cannot drift,
and a Message is translated from its id, never by reading its English back."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from hubcall_desktop.core import messages as core_messages
from hubcall_desktop.core.errors import LONGER_THAN, InputError
from hubcall_desktop.core.messages import Message, Template
from hubcall_desktop.storage.database import DAMAGED, damaged_error
from hubcall_desktop.storage.errors import NOT_SENDABLE, NUMBER_WITHHELD, NotSendable
from hubcall_desktop.ui.text import messages
from hubcall_desktop.ui.text.i18n import install_translations

from .message_sweep import user_error_names


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "de")
    yield
    install_translations(qapp, "en")


def test_every_template_in_the_code_has_its_english_in_the_ui_table() -> None:
    user_error_names()  # imports every module of the Qt-free packages
    declared = {
        key: t.english
        for key, t in core_messages.declared().items()
        if not key.startswith("test.")  # tests/core/test_messages.py declares its own
    }
    assert declared, "no templates declared"
    assert messages.by_id() == declared


def test_each_entry_names_a_kind_for_each_marker() -> None:
    for key, (source, spec) in (*messages._BY_ID.items(), *messages._INPUT_ERROR_IDS.items()):
        template = core_messages.declared()[key]
        assert len(spec.split()) == template.arity, key
        assert str(source) == template.english


def test_the_english_is_the_template_filled_in_once() -> None:
    said = damaged_error(Path("/srv/%1 (x)/calls.sqlite3"), "%2 said: %1")
    assert isinstance(said.user_message, Message)
    assert said.message is not None and said.message.template is DAMAGED
    assert said.user_message.startswith("The call journal /srv/%1 (x)/calls.sqlite3 is damaged")
    assert "(%2 said: %1)" in said.user_message
    assert str(said) == str(said.user_message)  # the CLI prints plain English
    assert type(str(said.user_message)) is str
    copy = pickle.loads(pickle.dumps(said.user_message))
    assert copy == said.user_message and copy.args == said.user_message.args


def test_a_template_needs_all_its_parameters() -> None:
    with pytest.raises(TypeError):
        NOT_SENDABLE()
    with pytest.raises(ValueError, match="declared twice"):
        Template(NOT_SENDABLE.id, "Something else: %1.")


def test_a_message_is_translated_from_its_id_not_its_english(german: None) -> None:
    """The same English as plain text is not translated (nothing reads it back); the
    Message is, with its nested reason translated too."""
    error = NotSendable("call-1", NUMBER_WITHHELD())
    shown = messages.message_text(error)
    assert shown == messages.message_text(error.user_message)
    assert shown != error.user_message
    assert "%" not in shown and "withheld" not in shown
    assert messages.message_text(str(error.user_message)) == str(error.user_message)


def test_hubspots_words_in_a_parameter_are_kept_as_written(german: None) -> None:
    said = "the number is withheld"  # our own sentence, but as text it is someone's words
    shown = messages.message_text(NOT_SENDABLE(said))
    assert shown.endswith(f"{said}.")
    value = "'%1 (got %2)'"
    text = InputError("notes", value, LONGER_THAN(65536)).user_message
    assert messages.message_text(text) == f"Notizen: länger als 65536 Zeichen (Wert: {value!r})"


def test_the_redirect_ports_sentence_names_the_range_the_check_uses() -> None:
    """Written out so German keeps its translation; it must follow the constants."""
    from hubcall_desktop.core.oauth import MAX_REDIRECT_PORT, MIN_REDIRECT_PORT
    from hubcall_desktop.core.settings import REDIRECT_PORT_RANGE

    assert f"from {MIN_REDIRECT_PORT} to {MAX_REDIRECT_PORT}" in REDIRECT_PORT_RANGE.english


def test_signals_that_carry_a_sentence_keep_its_id(qapp: QApplication) -> None:
    """A Signal(str) hands the slot a copy as plain str: the id would be lost and the
    sentence shown in English. These carry errors' sentences, so they carry objects."""
    from hubcall_desktop.ui.models.history_model import HistoryModel
    from hubcall_desktop.ui.presenters.context import AppContext

    for cls, name in ((HistoryModel, "load_failed"), (AppContext, "boot_failed")):
        meta = cls.staticMetaObject
        found = [
            bytes(meta.method(i).methodSignature()).decode() for i in range(meta.methodCount())
        ]
        assert f"{name}(PyObject)" in found
