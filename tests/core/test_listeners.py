"""The observer rule written once: every listener is told, in order, even after one fails."""

from __future__ import annotations

import logging

import pytest

from hubcall_desktop.core.listeners import Listeners


def test_every_listener_is_told_in_order_even_after_one_raises(
    caplog: pytest.LogCaptureFixture,
) -> None:
    heard: list[str] = []
    listeners: Listeners[int] = Listeners("test")

    def broken(value: int) -> None:
        raise RuntimeError("a closed window's slot")

    listeners.add(lambda v: heard.append(f"first {v}"))
    listeners.add(broken)
    listeners.add(lambda v: heard.append(f"last {v}"))
    with caplog.at_level(logging.ERROR):
        listeners.notify(7)
    assert heard == ["first 7", "last 7"]
    assert "a test listener failed" in caplog.text


def test_a_removed_listener_is_not_told_and_removing_twice_is_harmless() -> None:
    heard: list[int] = []
    listeners: Listeners[int] = Listeners("test")
    listeners.add(heard.append)
    listeners.remove(heard.append)
    listeners.remove(heard.append)
    listeners.notify(1)
    assert heard == []
    assert len(listeners) == 0


def test_a_listener_added_while_told_hears_only_the_next_change() -> None:
    heard: list[str] = []
    listeners: Listeners[int] = Listeners("test")

    def late(value: int) -> None:
        heard.append(f"late {value}")

    def adder(value: int) -> None:
        heard.append(f"adder {value}")
        listeners.add(late)

    listeners.add(adder)
    listeners.notify(1)
    assert heard == ["adder 1"]
    listeners.remove(adder)
    listeners.notify(2)
    assert heard == ["adder 1", "late 2"]


def test_the_outcome_list_survives_a_broken_listener(tmp_path) -> None:
    """The outcome catalogue had no guard of its own before the rule was shared."""
    from hubcall_desktop.services.outcomes import DEFAULT_LIST, catalog_for

    catalog = catalog_for(tmp_path, "portal-1")
    heard: list[object] = []

    def broken(_outcomes: object) -> None:
        raise ValueError("broken")

    catalog.listen(broken)
    catalog.listen(heard.append)
    catalog.switch_portal("portal-2")  # no cache for it: the defaults
    assert heard == [DEFAULT_LIST]
