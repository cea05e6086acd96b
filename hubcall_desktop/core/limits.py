"""Bounds HubSpot puts on the numbers it is sent, declared once for every layer."""

from __future__ import annotations

from typing import Final

# User ids, portal ids and durations are 32-bit signed integers in HubSpot's contract.
INT32_MAX: Final = 2**31 - 1
