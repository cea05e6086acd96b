"""Calling a missed caller back: the softphone's command line, or a tel:/sip: link.

The command is split into words like a shell would (``shlex``) but never run by one, and
the caller's number is put into the words afterwards, so a number cannot add arguments,
options or shell syntax of its own: each ``{number}`` stays inside the word it was in.
"""

from __future__ import annotations

import logging
import shlex

from hubcall_desktop.core.call import Call

logger = logging.getLogger(__name__)

PLACEHOLDER = "{number}"


def call_back_number(call: Call) -> str | None:
    """The other party's number to dial (or copy), in E.164 (digits and a plus): the
    caller's for an inbound call, the dialled one for an outbound call. ``None`` for a
    withheld or unreadable number, which cannot be called back."""
    party = call.from_number if call.direction == "INBOUND" else call.to_number
    if call.number_withheld or party is None:
        return None
    return party.e164


def call_back_argv(command: str, number: str) -> list[str]:
    """The program and its arguments for ``command`` with ``number`` in each ``{number}``
    (after the last word when there is none). Raises ValueError for an empty command or
    an unclosed quote."""
    words = shlex.split(command)
    if not words:
        raise ValueError("the call back command names no program")
    if not any(PLACEHOLDER in word for word in words):
        return [*words, number]
    # str.replace, not str.format: braces elsewhere in the command stay as written.
    return [word.replace(PLACEHOLDER, number) for word in words]


def call_back_uri(scheme: str, number: str) -> str:
    """``tel:+4930…`` (RFC 3966) or ``sip:+4930…``: what a desktop hands to its softphone."""
    return f"{scheme}:{number}"
