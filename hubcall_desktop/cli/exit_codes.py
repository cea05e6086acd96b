"""Exit codes scripts can rely on."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # an unexpected error (a bug): the message says where the log is
    BAD_INPUT = 2  # the message names the field and the value
    HUBSPOT_REFUSED = 3  # HubSpot's message and correlation id are printed
    QUEUED = 4  # not delivered now, but safely in the outbox
    CONFIGURATION = 5  # no token, no keyring backend, unreadable journal
    APP_NOT_RUNNING = 6  # notify: no running app to hand the event to
