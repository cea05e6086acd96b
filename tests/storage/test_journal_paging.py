"""The journal's default page sizes and its refusals of impossible pages, and the data
folder taken away from under an open journal, parents and all."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call
from hubcall_desktop.storage.journal import CallJournal

from .conftest import START, FakeClock


def test_a_list_without_a_limit_is_the_newest_fifty(
    journal: CallJournal, make_call: Callable[..., Call]
) -> None:
    calls = [make_call(ringing_at=START + timedelta(seconds=i)) for i in range(51)]
    journal.save_calls(calls)
    listed = journal.list_calls()
    assert [c.external_call_id for c in listed] == [c.external_call_id for c in reversed(calls[1:])]


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (0, -1)])
def test_an_impossible_page_is_refused_in_words(
    journal: CallJournal, limit: int, offset: int
) -> None:
    with pytest.raises(ValueError, match=r"^limit and offset must not be negative$"):
        journal.list_calls(limit=limit, offset=offset)


def test_due_entries_come_twenty_at_a_time_oldest_first(
    journal: CallJournal,
    clock: FakeClock,
    make_call: Callable[..., Call],
    log_body: Callable[..., dict[str, object]],
) -> None:
    ids = []
    for _ in range(21):
        call = make_call(final_status=None)
        ids.append(journal.enqueue_log(call, log_body(call)).id)
    due = journal.due_entries(clock.advance(1))
    assert [e.id for e in due] == ids[:20]
    with pytest.raises(ValueError, match=r"^limit must not be negative$"):
        journal.due_entries(clock(), limit=-1)


def test_a_data_folder_removed_with_its_parents_is_made_again(
    tmp_path: Path, make_call: Callable[..., Call]
) -> None:
    path = tmp_path / "home" / "data" / "journal.sqlite3"
    with CallJournal(path) as journal:
        old = make_call()
        journal.save_call(old)
        shutil.rmtree(tmp_path / "home")  # rm -r two levels up
        new = make_call()
        journal.save_call(new)
    with CallJournal(path) as reopened:
        assert {c.external_call_id for c in reopened.list_calls()} == {
            old.external_call_id,
            new.external_call_id,
        }
