"""From the command line to a running app and back down: the entry point, start-up, single instance, close-down."""
