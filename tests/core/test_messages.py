"""A Message is the English sentence and also its template id and parameters."""

from __future__ import annotations

import json
import pickle

import pytest

from hubcall_desktop.core.errors import INPUT_PROBLEM_GOT, InputError, UserError
from hubcall_desktop.core.messages import Message, Template, declared, fill

SAID = Template("test.said", "%1 said: %2 (%1 again)")
REASON = Template("test.reason", "the reason")


def test_the_english_is_the_template_with_its_parameters() -> None:
    message = SAID("HubSpot", REASON())
    assert message == "HubSpot said: the reason (HubSpot again)"
    assert message.id == "test.said"
    assert message.args == ("HubSpot", REASON())
    assert isinstance(message.args[1], Message)


def test_parameters_are_filled_once_whatever_they_hold() -> None:
    assert SAID("%2", "%1 \\1 $1") == "%2 said: %1 \\1 $1 (%2 again)"
    assert fill("%1-%2", ["%2", "x"]) == "%2-x"


def test_numbers_are_written_as_python_writes_them() -> None:
    assert Template("test.count", "%1 of %2")(3, 2.5) == "3 of 2.5"


def test_plain_text_of_it_is_a_plain_str() -> None:
    """The command line and the logs get the English; str() drops the id."""
    message = SAID("a", "b")
    assert type(str(message)) is str
    assert str(message) == message
    assert f"{message}" == message
    assert json.dumps({"m": message}) == json.dumps({"m": str(message)})


def test_it_survives_pickling() -> None:
    message = SAID("a", REASON())
    copy = pickle.loads(pickle.dumps(message))
    assert copy == message
    assert isinstance(copy, Message) and copy.template == SAID and copy.args == message.args


def test_a_template_takes_exactly_its_parameters() -> None:
    with pytest.raises(TypeError):
        SAID("only one")
    with pytest.raises(TypeError):
        REASON("one too many")


def test_an_id_names_one_text() -> None:
    assert Template("test.reason", "the reason") == REASON  # the same declared again
    with pytest.raises(ValueError, match="declared twice"):
        Template("test.reason", "another reason")
    assert declared()["test.reason"] == REASON


def test_errors_carry_the_message_and_say_its_english() -> None:
    error = InputError("notes", "x" * 100, REASON())
    assert error.message is not None and error.message.template is INPUT_PROBLEM_GOT
    assert error.message.args[1] == REASON()
    assert str(error) == error.user_message == f"notes: the reason (got '{'x' * 78}…)"
    plain = UserError("Something as text.")
    assert plain.message is None
    assert str(plain) == "Something as text."
