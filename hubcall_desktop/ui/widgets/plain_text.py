"""Outside text is never markup: caller numbers and names, companies, e-mail addresses,
notes, HubSpot's error messages, anything from the webhook, HubSpot or the journal.

A QLabel's default text format is "auto": Qt reads the text as HTML whenever
``Qt.mightBeRichText`` thinks it looks like HTML, so a caller number such as
``<img src=… width=2000>`` would be drawn as an image. Tooltips have no format setting
and follow the same guess. Every label that can show outside text is made plain here,
and every such tooltip is converted from plain text first.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as text, whatever it contains."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def make_plain(*labels: QLabel) -> None:
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is (escaped, wrapped as a paragraph)."""
    if not text:
        return ""
    return QtGuiNamespace.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def markup_escaped(text: str) -> str:
    """For places that always read markup (freedesktop notification bodies)."""
    return html.escape(text, quote=False)
