"""The domain: calls, statuses, phone numbers, matches. Pure Python, no Qt, no I/O."""
