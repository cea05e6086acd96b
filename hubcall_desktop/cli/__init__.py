"""The command line: lookup, log, sync, history, sandbox."""
