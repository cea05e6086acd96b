"""The call history as a Qt table model over the journal, fetched a page at a time.

Only the rows the view has scrolled to are loaded (``canFetchMore``/``fetchMore``), and
each page is read on the journal's worker thread, so 100,000 calls open as fast as 200.
Calls that arrive while the history is open are put on top without touching the rows
already loaded: they live in their own list, so an insert costs O(1), not O(rows).
A header click sorts in the journal (in SQL, on its thread) and loads the first page
again; calls that arrive while another order is shown still come in on top, where the
agent sees them, until the next sort, filter or refresh puts them in their place.

A row keeps only its cells' text and the call's id, as a plain tuple of strings: the
cycle collector does not track such tuples, so 100,000 loaded rows add nothing to its
pauses (full Call objects did: a 200 ms stutter while scrolling). The call itself is
read from the journal when it is opened.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Coroutine
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from hubcall_desktop.core.desk_types import DeskUpdate, UpdateKind
from hubcall_desktop.core.errors import UserError
from hubcall_desktop.ui.models.history_columns import CALL_ID_ROLE, Column, column_titles
from hubcall_desktop.ui.text.formatting import duration_text, remote_text, time_text, who_text
from hubcall_desktop.ui.text.i18n import direction_label, status_label, sync_label
from hubcall_desktop.ui.text.messages import message_text
from hubcall_desktop.ui.widgets.outcome_combo import outcome_label

if TYPE_CHECKING:  # this module is on the way to the first paint: no asyncio, no core.call
    from collections.abc import Awaitable

    from hubcall_desktop.core.call import Call, SyncState
    from hubcall_desktop.core.call_order import CallOrder

logger = logging.getLogger(__name__)

PAGE_SIZE = 200
# SyncState values, compared as text (SyncState is a StrEnum) for the reason above.
_FAILED, _PENDING, _LOGGED = "failed", "pending", "logged"
FAILED_COLOR = QColor("#cf222e")

AnyIndex = QModelIndex | QPersistentModelIndex


class CallPages(Protocol):
    """Where the history reads its pages and counts: the journal (AsyncJournal), handed in
    by the presenter; each read runs on the journal's own thread."""

    def list_calls(
        self,
        limit: int = ...,
        offset: int = ...,
        search: str | None = ...,
        sync_states: Collection[SyncState] | None = ...,
        order: CallOrder = ...,
        *,
        closed_only: bool = ...,
    ) -> Awaitable[list[Call]]: ...

    def count_calls(
        self,
        search: str | None = ...,
        sync_states: Collection[SyncState] | None = ...,
        *,
        closed_only: bool = ...,
    ) -> Awaitable[int]: ...


class _Row(NamedTuple):
    call_id: str
    texts: tuple[str, ...]
    state: str  # the SyncState value
    number: str  # the party's number to dial or copy (E.164), "" when withheld or unknown
    has_match: bool  # HubSpot knows the caller: the row can open their record
    ended: bool  # the call has its final status

    @property
    def failed(self) -> bool:
        return self.state == _FAILED


class RowFacts(NamedTuple):
    """What the history's context menu needs of a row, without reading the journal."""

    call_id: str
    state: str  # the SyncState value
    number: str  # E.164, "" when withheld or unknown
    number_text: str  # the number as the row shows it
    has_match: bool
    ended: bool  # the call has a final status (it can be logged)


class HistoryModel(QAbstractTableModel):
    loaded = Signal()  # the first page of a (re)load is in
    total_changed = Signal(int)  # calls matching the filter, in the journal
    load_failed = Signal(object)  # a Message (or text): translated from its id by the view
    order_changed = Signal(int, bool)  # column, descending: a new order is being loaded

    def __init__(self, region: str = "US", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._region = region
        self._journal: CallPages | None = None
        self._search = ""
        self._states: frozenset[SyncState] | None = None
        self._closed_only = False  # leave out calls still ringing or in progress
        self._new: list[_Row] = []  # arrived while open; the last one is the top row
        self._old: list[_Row] = []  # fetched from the journal, newest first
        self._where: dict[str, tuple[bool, int]] = {}  # call id -> (in _new?, list index)
        self._errors: dict[str, str] = {}  # call id -> HubSpot's last refusal
        self._exhausted = True
        self._fetching = False
        self._generation = 0  # bumps on every reload: late pages of an old filter are dropped
        self._order: CallOrder | None = None  # None: the journal's own, newest first
        self.total = 0

    # -- configuration ----------------------------------------------------------------------

    def set_journal(self, journal: CallPages | None) -> None:
        self._journal = journal
        self.reload()

    def set_region(self, region: str) -> None:
        """Numbers read differently from another country: show them again."""
        if region != self._region:
            self._region = region
            self.reload()

    def set_filter(
        self,
        search: str,
        states: Collection[SyncState] | None = None,
        *,
        closed_only: bool = False,
    ) -> None:
        self._search = search.strip()
        self._states = frozenset(states) if states is not None else None
        self._closed_only = closed_only
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, in SQL on the journal's thread (only it sees every call)."""
        from hubcall_desktop.core.call_order import CallOrder, SortKey

        descending = order == Qt.SortOrder.DescendingOrder
        wanted = CallOrder(SortKey[Column(column).name], descending)
        if wanted == (self._order or CallOrder()):
            return
        self._order = wanted
        self.order_changed.emit(column, descending)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._new, self._old, self._where = [], [], {}
        self._exhausted = self._journal is None
        self._fetching = False
        self.endResetModel()
        if self._journal is not None:
            self._fetching = True
            _start(self._load_first(self._generation), "history first page")

    async def _load_first(self, generation: int) -> None:
        await self._load_page(generation, 0, with_total=True)

    async def _load_page(self, generation: int, offset: int, *, with_total: bool) -> None:
        """Read one page (and, for the first, the count); drop it if a reload came since."""
        journal = self._journal
        assert journal is not None
        search = self._search or None
        states, closed = self._states, self._closed_only
        total = None
        try:
            # One after the other: the journal has one thread, so together is no faster.
            if self._order is None:
                page = await journal.list_calls(
                    PAGE_SIZE, offset, search, states, closed_only=closed
                )
            else:
                page = await journal.list_calls(
                    PAGE_SIZE, offset, search, states, self._order, closed_only=closed
                )
            if with_total:
                total = await journal.count_calls(search, states, closed_only=closed)
        except UserError as error:
            if generation == self._generation:
                self._fetching = False
                self.load_failed.emit(error.user_message)
            return
        if generation != self._generation:
            return
        self._fetching = False
        self._append_page(page)
        if total is not None:
            self.total = total
            self.total_changed.emit(total)
            self.loaded.emit()

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._new) + len(self._old)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return column_titles()[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.texts[index.column()]
        if role == CALL_ID_ROLE:
            return row.call_id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == Column.SYNC:
            error = self._errors.get(row.call_id)
            return message_text(error) if error else None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == Column.SYNC:
            return FAILED_COLOR if row.failed else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == Column.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        _start(self._fetch(self._generation), "history page")

    async def _fetch(self, generation: int) -> None:
        await self._load_page(generation, len(self._new) + len(self._old), with_total=False)

    def _append_page(self, page: list[Call]) -> None:
        self._exhausted = len(page) < PAGE_SIZE
        fresh = [call for call in page if call.external_call_id not in self._where]
        if not fresh:
            return
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        for call in fresh:
            self._where[call.external_call_id] = (False, len(self._old))
            self._old.append(self._make_row(call))
        self.endInsertRows()

    # -- reading rows ----------------------------------------------------------------------

    def _row(self, row: int) -> _Row | None:
        if 0 <= row < len(self._new):
            return self._new[len(self._new) - 1 - row]
        rest = row - len(self._new)
        return self._old[rest] if 0 <= rest < len(self._old) else None

    def call_id_at(self, row: int) -> str | None:
        found = self._row(row)
        return found.call_id if found else None

    def row_of(self, call_id: str) -> int | None:
        where = self._where.get(call_id)
        if where is None:
            return None
        in_new, position = where
        return len(self._new) - 1 - position if in_new else len(self._new) + position

    def facts_at(self, row: int) -> RowFacts | None:
        found = self._row(row)
        if found is None:
            return None
        number_text = found.texts[Column.NUMBER]
        return RowFacts(
            found.call_id, found.state, found.number, number_text, found.has_match, found.ended
        )

    def error_for(self, call_id: str) -> str:
        return self._errors.get(call_id, "")

    # -- live updates ----------------------------------------------------------------------

    def apply_update(self, update: DeskUpdate) -> None:
        call = update.call
        call_id = call.external_call_id
        if update.kind is UpdateKind.SYNC:
            if update.error and call.sync_state in (_FAILED, _PENDING):
                self._errors[call_id] = update.error
            elif call.sync_state == _LOGGED:
                self._errors.pop(call_id, None)
        row = self.row_of(call_id)
        if row is not None:
            self._replace(row, call)
        elif self._journal is not None and self._accepts(call):
            self._insert_top(call)

    def _replace(self, row: int, call: Call) -> None:
        in_new, position = self._where[call.external_call_id]
        target = self._new if in_new else self._old
        target[position] = self._make_row(call)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def _insert_top(self, call: Call) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._where[call.external_call_id] = (True, len(self._new))
        self._new.append(self._make_row(call))
        self.endInsertRows()
        self.total += 1
        self.total_changed.emit(self.total)

    def _accepts(self, call: Call) -> bool:
        """Whether a new call belongs under the current filter (as the journal would say)."""
        if self._states is not None and call.sync_state not in self._states:
            return False
        if self._closed_only and call.final_status is None:
            return False
        if not self._search:
            return True
        needle = self._search.casefold()
        haystack = [call.raw_from, call.raw_to, call.notes, *(m.display_name for m in call.matches)]
        haystack += [n.e164 for n in (call.from_number, call.to_number) if n is not None]
        return any(needle in text.casefold() for text in haystack)

    def _make_row(self, call: Call) -> _Row:
        party = call.from_number if call.direction == "INBOUND" else call.to_number
        number = "" if party is None or call.number_withheld else party.e164
        texts = self._texts(call)
        ended = call.final_status is not None
        return _Row(
            call.external_call_id, texts, str(call.sync_state), number, bool(call.matches), ended
        )

    def _texts(self, call: Call) -> tuple[str, ...]:
        """Every cell's text, computed once per change so painting never formats."""
        return (
            time_text(call.start_time or call.created_at),
            direction_label(call.direction),
            remote_text(call, self._region),
            who_text(call.matches),
            status_label(call.final_status) if call.final_status else self.tr("In progress"),
            outcome_label(call.outcome) if call.outcome else "",
            duration_text(call.duration),
            sync_label(call.sync_state),
        )


def _start(coro: Coroutine[Any, Any, None], name: str) -> None:
    from hubcall_desktop.ui import tasks  # asyncio is loaded after the first paint

    tasks.start(coro, name)
