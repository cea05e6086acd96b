"""Top-level windows: the main window, the call pop-up, the log form, settings."""
