"""Sentences about the journal file are looked up whole in the translation catalogue (with
the path and the system's reason filled in): a changed word shows the agent English in a
German app. Checked word for word, from the real situation that produces each one."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.storage.journal import CallJournal


def test_a_journal_that_cannot_be_written_back_says_so_in_the_catalogues_words(
    journal_path: Path, make_call: Callable[..., Call]
) -> None:
    with CallJournal(journal_path) as journal:
        journal.save_call(make_call())
        journal_path.unlink()
        # A folder sits where the copy is made (the journal runs in this process).
        journal_path.with_name(f"{journal_path.name}.{os.getpid()}.restoring").mkdir()
        with pytest.raises(StorageError) as refused:
            journal.save_call(make_call())
    assert refused.value.user_message == (
        f"The call journal {journal_path} was deleted while HubCall Desktop was running and "
        f"cannot be written back ({os.strerror(errno.EISDIR)}). Quit HubCall Desktop and check that its "
        "folder can be written."
    )
